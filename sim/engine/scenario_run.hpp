#pragma once
// A scenario's run as `pipesim run` makes it: the forecast; with drivers, the risk ranking
// (the run replayed once per risk switched off); and when some risk has a mitigation, the
// same iterations on the other side of it for the comparison.

#include <optional>

#include "engine/forecast.hpp"
#include "stats/mitigation.hpp"

namespace pipesim {

struct ScenarioRun {
    Network network;
    Results results;
    std::optional<MitigationComparison> mitigation;
};

// The replays report no progress.
ScenarioRun run_scenario(const Scenario& scenario, const RunSettings& settings,
                         const CompileOptions& options);

}  // namespace pipesim
