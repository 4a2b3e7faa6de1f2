#include "stats/mitigation.hpp"

namespace pipesim {

MitigationComparison compare_mitigation(const Results& before, const Results& after, bool applied) {
    MitigationComparison comparison{applied, {}};
    for (std::size_t m = 0; m < before.milestones.size(); ++m) {
        const FinishForecast& b = before.milestones[m];
        const FinishForecast& a = after.milestones[m];
        if (!b.p_on_time) continue;
        comparison.effects.push_back(
            {b.id, "milestone", *b.p_on_time, *a.p_on_time, b.dates[2], a.dates[2]});
    }
    for (std::size_t t = 0; t < before.targets.size(); ++t) {
        const TargetForecast& b = before.targets[t];
        const TargetForecast& a = after.targets[t];
        comparison.effects.push_back(
            {b.id, "target", b.p_reached, a.p_reached, b.dates[2], a.dates[2]});
    }
    return comparison;
}

}  // namespace pipesim
