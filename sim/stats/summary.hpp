#pragma once
// From tallies to the numbers a planner reads: probabilities of meeting target dates with
// their standard errors, date quantiles, mean and spread of each finish.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "graph/network.hpp"
#include "stats/tallies.hpp"

namespace pipesim {

inline constexpr std::array<double, 4> reported_quantiles{0.10, 0.50, 0.80, 0.90};

// The first day index by which at least a share p of the counts has finished; nullopt
// when that only happens after the horizon (the last bin).
std::optional<std::int64_t> quantile_day(std::span<const std::uint32_t> histogram, double p,
                                         std::uint64_t total);

struct FinishForecast {
    std::string id;
    std::string name;
    std::string project;
    std::string category;
    ActivityKind kind;
    std::optional<Date> target;
    std::optional<double> p_on_time;           // with a target: P(finish on or before it)
    std::optional<double> p_on_time_se;        // its binomial standard error
    std::array<std::optional<Date>, 4> dates;  // at reported_quantiles; nullopt: after horizon
    double p_after_horizon;
    double mean_days;  // finish, in days from the plan start
    double sd_days;
    Date deterministic;  // the finish with every duration at its most likely value
};

struct Results {
    std::string scenario;
    std::uint64_t iterations;
    std::uint64_t seed;
    Date plan_start;
    Date status_date;
    Date horizon_end;
    std::vector<FinishForecast> milestones;  // in the scenario file's order
    std::vector<FinishForecast> activities;
};

Results summarise(const Network& network, const Tallies& tallies, std::uint64_t seed);

}  // namespace pipesim
