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
#include "stats/date_histogram.hpp"
#include "stats/drivers.hpp"
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
    std::optional<double> p_on_time;     // with a target: P(finish on or before it)
    std::optional<double> p_on_time_se;  // its binomial standard error
    // At reported_quantiles, among the iterations in which it happens; nullopt: after the
    // horizon.
    std::array<std::optional<Date>, 4> dates;
    double p_after_horizon;  // P(it happens after the horizon)
    double p_happens;        // P(it happens at all)
    double mean_days;        // finish, in days from the plan start, when it happens
    double sd_days;
    // The finish with every duration at its most likely value; nullopt: after the horizon.
    std::optional<Date> deterministic;
    // Where several paths merge (two or more predecessors): P50 less the deterministic
    // date in days, the schedule's merge bias; nullopt elsewhere or beyond the horizon.
    std::optional<int> merge_bias_days;
    DateHistogram histogram;         // of the finish
    std::optional<Drivers> drivers;  // for a milestone with a target, when asked for
};

// A quantity's distribution at one date: a count, or an amount of money.
struct ValueForecast {
    double mean;
    double p10, p50, p90;
};

struct TargetForecast {
    std::string id;
    std::string name;
    TargetMeasure measure;
    std::string stage;
    std::optional<double> share;  // the threshold as given, when a share of the selection
    double threshold;
    Date deadline;
    double p_reached;  // P(the threshold is reached by the end of the deadline's day)
    double p_reached_se;
    std::array<std::optional<Date>, 4> dates;  // the day it is reached, at reported_quantiles
    double p_not_in_horizon;
    ValueForecast at_deadline;
    double sd_at_deadline;
    double expected_shortfall;            // E[max(0, threshold - total at the deadline)]
    std::vector<ValueForecast> by_month;  // at Results::report_dates
    DateHistogram histogram;              // of the day it is reached
    std::optional<Drivers> drivers;       // when asked for
};

// A cumulative total over time: spend (all, or a category's) or a funnel stage's count.
struct SeriesForecast {
    std::string id;
    std::string name;
    std::vector<ValueForecast> by_month;
};

struct FunnelForecast {
    std::string id;
    std::string name;
    std::uint32_t items;
    std::vector<SeriesForecast> stages;  // items that have reached each stage
};

struct Results {
    std::string scenario;
    std::uint64_t iterations = 0;
    std::uint64_t seed = 0;
    Date plan_start;
    Date status_date;
    Date horizon_end;
    std::vector<FinishForecast> milestones;  // in the scenario file's order
    std::vector<FinishForecast> activities;
    std::string currency;
    std::vector<Date> report_dates;  // month ends, then the horizon
    std::vector<TargetForecast> targets;
    std::vector<SeriesForecast> cashflow;  // cumulative spend: all, then by category
    std::vector<FunnelForecast> funnels;
    bool mitigated = false;          // risks took their post-mitigation numbers
    std::optional<double> until_se;  // the stopping rule, when the run had one
    std::string sampling = "monte-carlo";
};

// Whether some milestone or target has its drivers.
bool has_drivers(const Results& results);

// `sensitivity`, when given, is the replay of the same run (with criticality tracked):
// every milestone with a target and every target then gets its drivers.
Results summarise(const Network& network, const Tallies& tallies, std::uint64_t seed,
                  const SensitivityTallies* sensitivity = nullptr);

}  // namespace pipesim
