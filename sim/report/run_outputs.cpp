#include "report/run_outputs.hpp"

#include <algorithm>

#include "core/atomic_file.hpp"
#include "report/csv_tables.hpp"
#include "report/results_json.hpp"

namespace pipesim {

std::string write_run_outputs(const ScenarioRun& run, const std::filesystem::path& folder,
                              std::size_t listed) {
    const Results& results = run.results;
    std::filesystem::create_directories(folder);
    const std::string json = results_to_json(results, run.mitigation, listed);
    write_file_atomically(folder / "results.json", json);
    const auto has_drivers = [](const auto& forecasts) {
        return std::any_of(forecasts.begin(), forecasts.end(),
                           [](const auto& f) { return f.drivers.has_value(); });
    };
    if (has_drivers(results.milestones) || has_drivers(results.targets))
        write_file_atomically(folder / "drivers.csv", drivers_csv(results, listed));
    write_file_atomically(folder / "milestones.csv", milestones_csv(results.milestones));
    write_file_atomically(folder / "activities.csv", activities_csv(results.activities));
    write_file_atomically(folder / "targets.csv", targets_csv(results.targets));
    write_file_atomically(folder / "cashflow.csv", cashflow_csv(results));
    return json;
}

}  // namespace pipesim
