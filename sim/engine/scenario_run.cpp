#include "engine/scenario_run.hpp"

#include <algorithm>

namespace pipesim {
namespace {

bool has_mitigation(const Scenario& scenario) {
    return std::any_of(scenario.risks.begin(), scenario.risks.end(),
                       [](const Risk& risk) { return risk.mitigation.has_value(); });
}

}  // namespace

ScenarioRun run_scenario(const Scenario& scenario, const RunSettings& settings,
                         const CompileOptions& options) {
    ScenarioRun run{compile_network(scenario, options), {}, {}};
    run.results = forecast(run.network, settings);
    if (!has_mitigation(scenario)) return run;
        // The other side runs the very iterations this one ran.
    RunSettings quiet = settings;
    quiet.on_progress = nullptr;
    quiet.until_se.reset();
    quiet.iterations = run.results.iterations;
    const Results other = forecast(
        compile_network(scenario, {!options.mitigated, options.nearest_correlation}), quiet);
    run.mitigation = options.mitigated ? compare_mitigation(other, run.results, true)
                                       : compare_mitigation(run.results, other, false);
    return run;
}

}  // namespace pipesim
