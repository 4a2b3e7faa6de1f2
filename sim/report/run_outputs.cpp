#include "report/run_outputs.hpp"

#include <algorithm>

#include "core/atomic_file.hpp"
#include "report/csv_tables.hpp"
#include "report/results_json.hpp"

namespace pipesim {

std::vector<OutputFile> run_output_files(const ScenarioRun& run, std::size_t listed) {
    const Results& results = run.results;
    std::vector<OutputFile> files{
        {"results.json", results_to_json(results, run.mitigation, listed)}};
    if (has_drivers(results)) files.push_back({"drivers.csv", drivers_csv(results, listed)});
    files.push_back({"milestones.csv", milestones_csv(results.milestones)});
    files.push_back({"activities.csv", activities_csv(results.activities)});
    files.push_back({"targets.csv", targets_csv(results.targets)});
    files.push_back({"cashflow.csv", cashflow_csv(results)});
    return files;
}

void write_output_files(const std::vector<OutputFile>& files, const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    for (const OutputFile& file : files) write_file_atomically(folder / file.name, file.text);
}

std::string write_run_outputs(const ScenarioRun& run, const std::filesystem::path& folder,
                              std::size_t listed) {
    std::vector<OutputFile> files = run_output_files(run, listed);
    write_output_files(files, folder);
    return std::move(files.front().text);
}

}  // namespace pipesim
