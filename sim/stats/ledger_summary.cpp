#include "stats/ledger_summary.hpp"

#include <cmath>

namespace pipesim {
namespace {

ValueForecast value_forecast(const ValueHistogram& histogram, double mean, std::uint64_t n) {
    return {mean, histogram.quantile(0.10, n), histogram.quantile(0.50, n),
            histogram.quantile(0.90, n)};
}

std::vector<ValueForecast> by_month(const Tallies& tallies, MeasureIndex measure) {
    const std::size_t dates = tallies.ledger_histograms.dates;
    std::vector<ValueForecast> months;
    for (std::size_t d = 0; d < dates; ++d)
        months.push_back(value_forecast(
            tallies.ledger_histograms.at_dates[measure * dates + d],
            tallies.ledger_sums.mean_at_date(measure, d, tallies.iterations), tallies.iterations));
    return months;
}

TargetForecast target_forecast(const Network& network, const Tallies& tallies, std::size_t index) {
    const NetworkTarget& target = network.ledger.targets[index];
    const std::uint64_t n = tallies.iterations;
    const auto reached = tallies.ledger_histograms.reached.of(index);
    const std::uint64_t by_deadline =
        tallies.ledger_histograms.reached.count_by(index, target.deadline - network.plan_start);
    const double p = static_cast<double>(by_deadline) / static_cast<double>(n);

    TargetForecast forecast{target.id,
                            target.name,
                            target.kind,
                            target.stage,
                            target.share,
                            target.threshold,
                            target.deadline,
                            p,
                            std::sqrt(p * (1.0 - p) / static_cast<double>(n)),
                            {},
                            static_cast<double>(reached.back()) / static_cast<double>(n),
                            value_forecast(tallies.ledger_histograms.at_deadline[index],
                                           tallies.ledger_sums.mean_at_deadline(index, n), n),
                            tallies.ledger_sums.sd_at_deadline(index, n),
                            tallies.ledger_sums.expected_shortfall(index, n),
                            by_month(tallies, target.measure),
                            binned_dates(reached, network.plan_start),
                            std::nullopt};
    for (std::size_t q = 0; q < reported_quantiles.size(); ++q)
        if (auto day = quantile_day(reached, reported_quantiles[q], n))
            forecast.dates[q] = network.plan_start.plus_days(static_cast<std::int32_t>(*day));
    return forecast;
}

}  // namespace

void summarise_ledger(const Network& network, const Tallies& tallies, Results& results) {
    const Ledger& ledger = network.ledger;
    results.currency = ledger.currency;
    results.report_dates = ledger.report_dates;
    for (std::size_t t = 0; t < ledger.targets.size(); ++t)
        results.targets.push_back(target_forecast(network, tallies, t));
    for (const CashflowSeries& series : ledger.cashflow)
        results.cashflow.push_back({series.id, series.id, by_month(tallies, series.measure)});
    for (const FunnelStages& funnel : ledger.funnels) {
        FunnelForecast forecast{funnel.id, funnel.name, funnel.items, {}};
        for (std::size_t s = 0; s < funnel.stages.size(); ++s)
            forecast.stages.push_back(
                {funnel.stages[s], funnel.stage_names[s], by_month(tallies, funnel.reached[s])});
        results.funnels.push_back(std::move(forecast));
    }
}

}  // namespace pipesim
