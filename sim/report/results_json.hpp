#pragma once
// results.json: the run's settings and every forecast. Holds nothing that changes from
// run to run (no wall time, host or thread count), so two runs can be diffed.

#include <string>

#include "stats/summary.hpp"

namespace pipesim {

std::string results_to_json(const Results& results);

}  // namespace pipesim
