#pragma once
// pipesim's own optimism-bias uplifts, the ones `optimism_bias: default` stands for. They are
// published reference classes (HM Treasury / Mott MacDonald 2002, Flyvbjerg et al. 2002), for
// a district that has no record of its own overruns. Every number, where it comes from and
// why each distribution has the shape it has is in docs/reference-classes.md: change the
// numbers here and there together (a test compares them).

#include <vector>

#include "model/scenario.hpp"

namespace pipesim {

// One uplift for each category with a published reference class: rail, airport, road,
// school and hospital. Commerce, investment, reform and other have none, so their projects
// are left as planned.
std::vector<Uplift> default_uplifts();

}  // namespace pipesim
