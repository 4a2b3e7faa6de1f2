#pragma once
// The files a scenario's run writes into its folder: results.json, drivers.csv (with
// drivers), milestones.csv, activities.csv, targets.csv and cashflow.csv, each written
// under a temporary name and renamed when complete.

#include <filesystem>
#include <string>

#include "engine/scenario_run.hpp"

namespace pipesim {

// `listed`: drivers per milestone and target (listed_drivers, or all_drivers). Returns the
// text of results.json.
std::string write_run_outputs(const ScenarioRun& run, const std::filesystem::path& folder,
                              std::size_t listed);

}  // namespace pipesim
