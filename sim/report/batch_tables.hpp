#pragma once
// A batch's consolidated outputs: every scenario's milestones and targets in one table
// each (batch-milestones.csv, batch-targets.csv, with the run, file and scenario first),
// and batch.sqlite, an embedded database with tables runs, milestones, targets and drivers
// a planner can query. The tables have the columns of a single run's CSV files, so one
// format serves both.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "stats/summary.hpp"

namespace pipesim {

struct BatchEntry {
    std::string file;
    std::optional<Results> results;  // nullopt: the scenario failed
    std::string error;               // why it failed
    std::size_t listed_drivers;      // drivers per milestone and target in the tables
};

std::string batch_milestones_csv(const std::vector<BatchEntry>& entries);
std::string batch_targets_csv(const std::vector<BatchEntry>& entries);

// Written under a temporary name and renamed when complete. Throws std::runtime_error
// when the database cannot be written.
void write_batch_database(const std::vector<BatchEntry>& entries,
                          const std::filesystem::path& file);

}  // namespace pipesim
