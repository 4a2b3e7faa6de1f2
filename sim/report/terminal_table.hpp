#pragma once
// The table a planner sees after a run: one line per milestone with its chance of
// meeting the target and its P50/P80 dates.

#include <string>

#include "stats/summary.hpp"

namespace pipesim {

std::string milestone_table(const Results& results);

}  // namespace pipesim
