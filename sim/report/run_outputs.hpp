#pragma once
// The files a scenario's run writes into its folder: results.json, drivers.csv (with
// drivers), milestones.csv, activities.csv, targets.csv and cashflow.csv, each written
// under a temporary name and renamed when complete.

#include <filesystem>
#include <string>
#include <vector>

#include "engine/scenario_run.hpp"

namespace pipesim {

struct OutputFile {
    std::string name;
    std::string text;
};

// `listed`: drivers per milestone and target (listed_drivers, or all_drivers); results.json
// first.
std::vector<OutputFile> run_output_files(const ScenarioRun& run, std::size_t listed);

void write_output_files(const std::vector<OutputFile>& files, const std::filesystem::path& folder);

// Both; returns the text of results.json.
std::string write_run_outputs(const ScenarioRun& run, const std::filesystem::path& folder,
                              std::size_t listed);

}  // namespace pipesim
