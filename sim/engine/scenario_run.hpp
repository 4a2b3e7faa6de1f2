#pragma once
// A scenario's run as `pipesim run` makes it: the forecast, and when some risk has a
// mitigation, the same iterations on the other side of it for the comparison.

#include <optional>

#include "engine/forecast.hpp"
#include "stats/mitigation.hpp"
#include "stats/risk_ranking.hpp"

namespace pipesim {

struct ScenarioRun {
    Network network;
    Results results;
    std::optional<MitigationComparison> mitigation;
    std::vector<RiskRanking> risk_ranking;  // when asked for and the scenario has risks
};

// The comparison and ranking runs report no progress; ranking replays the run once per
// risk.
ScenarioRun run_scenario(const Scenario& scenario, const RunSettings& settings,
                         const CompileOptions& options, bool with_risk_ranking = false);

}  // namespace pipesim
