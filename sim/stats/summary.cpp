#include "stats/summary.hpp"

#include <algorithm>
#include <cmath>

#include "stats/driver_summary.hpp"
#include "stats/ledger_summary.hpp"

namespace pipesim {
namespace {

// Days from the plan start as a date; nullopt past the horizon, where a date means nothing
// (and 1e308 days would not fit one).
std::optional<Date> date_within_horizon(const Network& network, double time) {
    const std::int64_t day = day_index_of_time(time);
    if (day >= network.horizon_days()) return std::nullopt;
    return network.plan_start.plus_days(static_cast<std::int32_t>(day));
}

FinishForecast forecast_of(const Network& network, const Tallies& tallies, std::size_t slot) {
    const NetworkNode& node = network.nodes[tallies.tallied_nodes[slot]];
    const NetworkProject& project = network.projects[node.project];
    const auto histogram = tallies.histograms.of(slot);
    const std::uint64_t n = tallies.iterations;

    FinishForecast forecast{node.id,
                            node.name,
                            project.id,
                            std::string(category_name(project.category)),
                            node.kind,
                            node.target,
                            {},
                            {},
                            {},
                            0.0,
                            1.0,
                            tallies.moments.mean(slot),
                            tallies.moments.standard_deviation(slot),
                            date_within_horizon(network, tallies.deterministic_finish[slot]),
                            std::nullopt,
                            binned_dates(histogram, network.plan_start),
                            std::nullopt};
    if (node.target) {
        const double p = static_cast<double>(
                             tallies.histograms.count_by(slot, *node.target - network.plan_start)) /
                         static_cast<double>(n);
        forecast.p_on_time = p;
        forecast.p_on_time_se = std::sqrt(p * (1.0 - p) / static_cast<double>(n));
    }
    // Dates are quantiles among the iterations in which the node happens at all; the
    // last bin holds those after the horizon and those in which it never happens.
    const std::uint64_t happened = tallies.moments.happened(slot);
    forecast.p_happens = static_cast<double>(happened) / static_cast<double>(n);
    for (std::size_t q = 0; q < reported_quantiles.size(); ++q)
        if (auto day = quantile_day(histogram, reported_quantiles[q], happened))
            forecast.dates[q] = network.plan_start.plus_days(static_cast<std::int32_t>(*day));
    forecast.p_after_horizon =
        static_cast<double>(histogram.back() - (n - happened)) / static_cast<double>(n);
    if (network.predecessors(tallies.tallied_nodes[slot]).size() >= 2 && forecast.dates[1] &&
        forecast.deterministic)
        forecast.merge_bias_days = *forecast.dates[1] - *forecast.deterministic;
    return forecast;
}

}  // namespace

std::optional<std::int64_t> quantile_day(std::span<const std::uint32_t> histogram, double p,
                                         std::uint64_t total) {
    // The smallest day with at least ceil(p * total) finishes by it: the inverse of the
    // empirical distribution function.
    const auto needed = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(p * static_cast<double>(total))));
    std::uint64_t count = 0;
    for (std::size_t day = 0; day + 1 < histogram.size(); ++day) {
        count += histogram[day];
        if (count >= needed) return static_cast<std::int64_t>(day);
    }
    return std::nullopt;
}

bool has_drivers(const Results& results) {
    const auto with_drivers = [](const auto& forecast) { return forecast.drivers.has_value(); };
    return std::any_of(results.milestones.begin(), results.milestones.end(), with_drivers) ||
           std::any_of(results.targets.begin(), results.targets.end(), with_drivers);
}

Results summarise(const Network& network, const Tallies& tallies, std::uint64_t seed,
                  const SensitivityTallies* sensitivity) {
    Results results;
    results.scenario = network.scenario_name;
    results.iterations = tallies.iterations;
    results.seed = seed;
    results.plan_start = network.plan_start;
    results.status_date = network.status_date;
    results.horizon_end = network.horizon_end;
    std::vector<std::size_t> slots(tallies.tallied_nodes.size());
    for (std::size_t s = 0; s < slots.size(); ++s) slots[s] = s;
    std::sort(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) {
        return network.nodes[tallies.tallied_nodes[a]].declared <
               network.nodes[tallies.tallied_nodes[b]].declared;
    });
    for (std::size_t slot : slots) {
        FinishForecast forecast = forecast_of(network, tallies, slot);
        auto& list =
            forecast.kind == ActivityKind::milestone ? results.milestones : results.activities;
        list.push_back(std::move(forecast));
    }
    summarise_ledger(network, tallies, results);
    if (sensitivity) summarise_drivers(network, tallies, *sensitivity, results);
    return results;
}

}  // namespace pipesim
