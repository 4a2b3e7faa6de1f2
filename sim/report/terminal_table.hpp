#pragma once
// The tables a planner sees after a run: one line per milestone with its chance of
// meeting the target and its P50/P80 dates; one line per target with its chance of being
// reached by the deadline, the P50 date it is reached and the expected total then.

#include <string>

#include "stats/summary.hpp"

namespace pipesim {

std::string milestone_table(const Results& results);
// Empty when the scenario has no targets.
std::string target_table(const Results& results);

}  // namespace pipesim
