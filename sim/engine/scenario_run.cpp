#include "engine/scenario_run.hpp"

#include <algorithm>

#include "stats/risk_ranking.hpp"

namespace pipesim {
namespace {

bool has_mitigation(const Scenario& scenario) {
    return std::any_of(scenario.risks.begin(), scenario.risks.end(),
                       [](const Risk& risk) { return risk.mitigation.has_value(); });
}

// The very iterations of a finished run, without progress, a stopping rule or drivers,
// tallying only what the comparisons read: milestones' and targets' probabilities and
// dates.
RunSettings replay_of(const RunSettings& settings, const Results& results) {
    RunSettings replay = settings;
    replay.on_progress = nullptr;
    replay.until_se.reset();
    replay.strata = settings.strata == 0 ? settings.iterations : settings.strata;
    replay.iterations = results.iterations;
    replay.drivers = false;
    replay.scope = TallyScope::milestones_only;
    replay.targets_only = true;
    return replay;
}

void replay_without_each_risk(ScenarioRun& run, const RunSettings& replay) {
    std::vector<std::string> risks;
    std::vector<Results> without;
    for (std::size_t r = 0; r < run.network.risks.size(); ++r) {
        Network off = run.network;
        off.risks[r].probability = 0.0;
        risks.push_back(run.network.risks[r].id);
        without.push_back(forecast(off, replay));
    }
    rank_risks(run.results, risks, without);
}

}  // namespace

ScenarioRun run_scenario(const Scenario& scenario, const RunSettings& settings,
                         const CompileOptions& options) {
    ScenarioRun run{compile_network(scenario, options), {}, {}};
    run.results = forecast(run.network, settings);
    const RunSettings quiet = replay_of(settings, run.results);
    if (settings.drivers && !run.network.risks.empty()) replay_without_each_risk(run, quiet);
    if (!has_mitigation(scenario)) return run;
    const Results other = forecast(
        compile_network(scenario, {!options.mitigated, options.nearest_correlation}), quiet);
    run.mitigation = options.mitigated ? compare_mitigation(other, run.results, true)
                                       : compare_mitigation(run.results, other, false);
    return run;
}

}  // namespace pipesim
