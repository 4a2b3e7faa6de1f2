#pragma once
// results.json: the run's settings and every forecast. Holds nothing that changes from
// run to run (no wall time, host or thread count), so two runs can be diffed.

#include <string>

#include <optional>

#include "stats/mitigation.hpp"
#include "stats/risk_ranking.hpp"
#include "stats/summary.hpp"

namespace pipesim {

// With a comparison, results.json also gets `mitigation`: before and after, side by side;
// with a ranking, `risk_ranking`: per milestone and target, the risks by what they cost.
std::string results_to_json(const Results& results,
                            const std::optional<MitigationComparison>& mitigation = {},
                            const std::vector<RiskRanking>& ranking = {});

}  // namespace pipesim
