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

// The probability and P80 date of a milestone's target date or of a target.
struct Outlook {
    double p;
    std::optional<Date> p80;
};

template <typename Forecast, typename OutlookOf>
void rank_each(Results& with, const std::vector<std::string>& risks,
               const std::vector<Results>& without, std::vector<Forecast> Results::*list,
               OutlookOf outlook_of) {
    std::vector<Forecast>& forecasts = with.*list;
    for (std::size_t i = 0; i < forecasts.size(); ++i) {
        const auto outlook = outlook_of(forecasts[i]);
        if (!outlook) continue;
        std::vector<RiskImpact> impacts;
        for (std::size_t r = 0; r < risks.size(); ++r) {
            const auto off = *outlook_of((without[r].*list)[i]);
            impacts.push_back({risks[r], outlook->p, off.p, outlook->p80, off.p80});
        }
        rank(impacts);
        if (!forecasts[i].drivers) forecasts[i].drivers.emplace();
        forecasts[i].drivers->risks = std::move(impacts);
    }
}

}  // namespace

void rank_risks(Results& with, const std::vector<std::string>& risks,
                const std::vector<Results>& without) {
    rank_each(with, risks, without, &Results::milestones,
              [](const FinishForecast& f) -> std::optional<Outlook> {
                  if (!f.p_on_time) return std::nullopt;
                  return Outlook{*f.p_on_time, f.dates[2]};
              });
    rank_each(with, risks, without, &Results::targets,
              [](const TargetForecast& t) -> std::optional<Outlook> {
                  return Outlook{t.p_reached, t.dates[2]};
              });
}

}  // namespace pipesim
