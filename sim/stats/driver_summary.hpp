#pragma once
// From criticality counts and the sensitivity replay to each milestone's and target's
// ranked drivers.

#include "graph/network.hpp"
#include "stats/summary.hpp"
#include "stats/tallies.hpp"

namespace pipesim {

// Gives every milestone with a target and every target its activity drivers, all of them,
// most important first: by cruciality where there is criticality, else by the size of
// the sensitivity.
void summarise_drivers(const Network& network, const Tallies& tallies,
                       const SensitivityTallies& sensitivity, Results& results);

}  // namespace pipesim
