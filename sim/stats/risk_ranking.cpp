#include "stats/risk_ranking.hpp"

#include <algorithm>

namespace pipesim {
namespace {

void rank(std::vector<RiskImpact>& risks) {
    std::stable_sort(risks.begin(), risks.end(), [](const RiskImpact& a, const RiskImpact& b) {
        const double loss_a = p_points(a).value_or(0.0), loss_b = p_points(b).value_or(0.0);
        if (loss_a != loss_b) return loss_a > loss_b;
        return p80_days(a).value_or(0) > p80_days(b).value_or(0);
    });
}

// The probability of a milestone's target date or of a target, and the P80 date.
struct Outlook {
    std::optional<double> p;
    std::optional<Date> p80;
};

Outlook outlook_of(const FinishForecast& milestone) {
    return {milestone.p_on_time, milestone.dates[2]};
}
Outlook outlook_of(const TargetForecast& target) {
    return {target.p_reached, target.dates[2]};
}

// Every forecast with drivers gets its risks.
template <typename Forecast>
void rank_each(Results& with, const std::vector<std::string>& risks,
               const std::vector<Results>& without, std::vector<Forecast> Results::*list) {
    std::vector<Forecast>& forecasts = with.*list;
    for (std::size_t i = 0; i < forecasts.size(); ++i) {
        if (!forecasts[i].drivers) continue;
        const Outlook outlook = outlook_of(forecasts[i]);
        std::vector<RiskImpact> impacts;
        for (std::size_t r = 0; r < risks.size(); ++r) {
            const Outlook off = outlook_of((without[r].*list)[i]);
            impacts.push_back({risks[r], outlook.p, off.p, outlook.p80, off.p80});
        }
        rank(impacts);
        forecasts[i].drivers->risks = std::move(impacts);
    }
}

}  // namespace

void rank_risks(Results& with, const std::vector<std::string>& risks,
                const std::vector<Results>& without) {
    rank_each(with, risks, without, &Results::milestones);
    rank_each(with, risks, without, &Results::targets);
}

}  // namespace pipesim
