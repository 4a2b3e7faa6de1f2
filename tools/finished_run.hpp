#pragma once
// A batch scenario's finished run as kept in its folder (runs/N-NAME): its output files and,
// written after them, finished.json with the run's key and what the batch tables need
// besides the files. A folder without finished.json holds no finished run: the batch was
// stopped while writing it, or the scenario failed. `batch --resume` finds finished runs
// by their key, whatever folder they are in, so that a renamed or moved scenario file with
// the same content keeps its run.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/batch_tables.hpp"
#include "report/run_outputs.hpp"

namespace pipesim::cli {

// A scenario's batch entry and the files of its run folder (none when it failed).
struct BatchRun {
    BatchEntry entry;
    std::vector<OutputFile> files;
};

// Writes the run's files into `folder`, then its finished.json naming `key`. Any earlier
// finished.json there is removed first, so that a batch stopped in between leaves no
// finished.json beside files that are not its run's.
void keep_finished_run(const BatchRun& run, const std::string& key,
                       const std::filesystem::path& folder);

// The folder of every finished run under `runs`, by key; folders whose finished.json
// cannot be read are left out (their scenarios run again).
std::map<std::string, std::filesystem::path> finished_runs(const std::filesystem::path& runs);

// The run kept in `folder` under `key`, as the run of scenario `file`; nullopt when the
// folder now holds another run (this batch has written over it) or a file it names is
// missing or unreadable.
std::optional<BatchRun> read_finished_run(const std::filesystem::path& folder,
                                          const std::string& key, const std::string& file);

}  // namespace pipesim::cli
