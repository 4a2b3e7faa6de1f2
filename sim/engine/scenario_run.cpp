#include "engine/scenario_run.hpp"

#include <algorithm>

namespace pipesim {
namespace {

bool has_mitigation(const Scenario& scenario) {
    return std::any_of(scenario.risks.begin(), scenario.risks.end(),
                       [](const Risk& risk) { return risk.mitigation.has_value(); });
}

// The very iterations of a finished run, without progress or a stopping rule.
RunSettings replay_of(const RunSettings& settings, const Results& results) {
    RunSettings replay = settings;
    replay.on_progress = nullptr;
    replay.until_se.reset();
    replay.iterations = results.iterations;
    return replay;
}

std::vector<RiskRanking> ranking_of(const ScenarioRun& run, const RunSettings& replay) {
    std::vector<std::string> risks;
    std::vector<Results> without;
    for (std::size_t r = 0; r < run.network.risks.size(); ++r) {
        Network off = run.network;
        off.risks[r].probability = 0.0;
        risks.push_back(run.network.risks[r].id);
        without.push_back(forecast(off, replay));
    }
    return rank_risks(run.results, risks, without);
}

}  // namespace

ScenarioRun run_scenario(const Scenario& scenario, const RunSettings& settings,
                         const CompileOptions& options, bool with_risk_ranking) {
    ScenarioRun run{compile_network(scenario, options), {}, {}, {}};
    run.results = forecast(run.network, settings);
    const RunSettings quiet = replay_of(settings, run.results);
    if (with_risk_ranking) run.risk_ranking = ranking_of(run, quiet);
    if (!has_mitigation(scenario)) return run;
    const Results other = forecast(
        compile_network(scenario, {!options.mitigated, options.nearest_correlation}), quiet);
    run.mitigation = options.mitigated ? compare_mitigation(other, run.results, true)
                                       : compare_mitigation(run.results, other, false);
    return run;
}

}  // namespace pipesim
