#pragma once
// Before and after mitigation, side by side: the same iterations (common random numbers)
// run with the risks' own numbers and with their post-mitigation numbers.

#include <optional>
#include <string>
#include <vector>

#include "stats/summary.hpp"

namespace pipesim {

struct MitigationEffect {
    std::string id;
    std::string kind;  // "milestone" or "target"
    double p_before;   // p_on_time or p_reached
    double p_after;
    std::optional<Date> p80_before;  // the P80 date
    std::optional<Date> p80_after;
};

struct MitigationComparison {
    bool applied;                           // whether the run's own results are the mitigated ones
    std::vector<MitigationEffect> effects;  // milestones with a target, then targets
};

MitigationComparison compare_mitigation(const Results& before, const Results& after, bool applied);

}  // namespace pipesim
