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

// A scenario of the batch as its tables need it: texts, so that the processes of an MPI
// job can send them to the one that writes.
struct BatchEntry {
    std::string file;
    std::string error;  // empty when it ran
    std::string scenario;
    std::uint64_t iterations = 0;
    std::uint64_t seed = 0;
    std::string sampling;
    std::string milestones;  // its milestones.csv
    std::string targets;     // targets.csv
    std::string drivers;     // drivers.csv (empty without drivers)
};

BatchEntry batch_entry(const std::string& file, const Results& results, std::size_t listed);

std::string batch_milestones_csv(const std::vector<BatchEntry>& entries);
std::string batch_targets_csv(const std::vector<BatchEntry>& entries);

// Written under a temporary name and renamed when complete. Throws std::runtime_error
// when the database cannot be written.
void write_batch_database(const std::vector<BatchEntry>& entries,
                          const std::filesystem::path& file);

}  // namespace pipesim
