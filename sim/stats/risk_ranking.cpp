#include "stats/risk_ranking.hpp"

#include <algorithm>

namespace pipesim {
namespace {

void rank(std::vector<RiskImpact>& risks) {
    std::stable_sort(risks.begin(), risks.end(), [](const RiskImpact& a, const RiskImpact& b) {
        const double loss_a = a.p_without - a.p_with, loss_b = b.p_without - b.p_with;
        if (loss_a != loss_b) return loss_a > loss_b;
        return p80_days(a).value_or(0) > p80_days(b).value_or(0);
    });
}

}  // namespace

std::optional<int> p80_days(const RiskImpact& impact) {
    if (!impact.p80_with || !impact.p80_without) return std::nullopt;
    return *impact.p80_with - *impact.p80_without;
}

std::vector<RiskRanking> rank_risks(const Results& with, const std::vector<std::string>& risks,
                                    const std::vector<Results>& without) {
    std::vector<RiskRanking> rankings;
    for (std::size_t m = 0; m < with.milestones.size(); ++m) {
        const FinishForecast& milestone = with.milestones[m];
        if (!milestone.p_on_time) continue;
        RiskRanking ranking{milestone.id, "milestone", {}};
        for (std::size_t r = 0; r < risks.size(); ++r) {
            const FinishForecast& off = without[r].milestones[m];
            ranking.risks.push_back(
                {risks[r], *milestone.p_on_time, *off.p_on_time, milestone.dates[2], off.dates[2]});
        }
        rank(ranking.risks);
        rankings.push_back(std::move(ranking));
    }
    for (std::size_t t = 0; t < with.targets.size(); ++t) {
        const TargetForecast& target = with.targets[t];
        RiskRanking ranking{target.id, "target", {}};
        for (std::size_t r = 0; r < risks.size(); ++r) {
            const TargetForecast& off = without[r].targets[t];
            ranking.risks.push_back(
                {risks[r], target.p_reached, off.p_reached, target.dates[2], off.dates[2]});
        }
        rank(ranking.risks);
        rankings.push_back(std::move(ranking));
    }
    return rankings;
}

}  // namespace pipesim
