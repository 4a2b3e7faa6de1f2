#pragma once
// results.json as the report reads it back: the forecasts a page shows, in the report's
// own plain structs, so the page and its charts never see JSON. The report is made from
// the file, not from the run, so any results file can be turned into a page.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "stats/date_histogram.hpp"
#include "stats/summary.hpp"

namespace pipesim {

// At reported_quantiles (P10, P50, P80, P90); nullopt: beyond the horizon.
using QuantileDates = std::array<std::optional<Date>, 4>;

// What a risk costs a milestone or target: the run replayed with the risk switched off.
// (results.json also has the probabilities and P80 dates with and without it.)
struct RiskDriver {
    std::string risk;
    std::optional<double> p_points;  // the probability the risk takes away
    std::optional<int> p80_days;     // how much later the P80 date is with the risk
};

// Drivers as read back: activities as the run states them (stats/drivers.hpp), risks by
// what they cost.
struct PublishedDrivers {
    std::vector<ActivityDriver> activities;
    std::vector<RiskDriver> risks;
};

struct PublishedMilestone {
    std::string id;
    std::string name;
    std::string project;
    std::string category;
    std::optional<Date> target;
    std::optional<double> p_on_time;  // with a target
    QuantileDates dates;
    double p_happens = 1;
    DateHistogram histogram;
    std::optional<PublishedDrivers> drivers;  // when the run computed them
};

// A total at one report date (a month end, or the horizon).
struct MonthFigure {
    Date date;
    ValueForecast value;
};

struct PublishedTarget {
    std::string id;
    std::string name;
    std::string measure;  // items, value, funds, spend, milestones
    double threshold = 0;
    Date deadline;
    double p_reached = 0;
    QuantileDates dates;  // of the day it is reached
    ValueForecast at_deadline;
    std::vector<MonthFigure> by_month;  // the fan against the threshold
    DateHistogram histogram;
    std::optional<PublishedDrivers> drivers;
};

// Cumulative spend: `all`, then one series per category that spends.
struct SpendSeries {
    std::string id;
    std::vector<MonthFigure> by_month;
};

struct PublishedFunnelStage {
    std::string id;
    std::string name;
    std::vector<MonthFigure> by_month;  // items that have reached the stage
};

struct PublishedFunnel {
    std::string id;
    std::string name;
    std::uint64_t items = 0;
    std::vector<PublishedFunnelStage> stages;
};

struct PublishedResults {
    std::string scenario;
    std::uint64_t iterations = 0;
    std::uint64_t seed = 0;
    std::string sampling;
    bool mitigated = false;
    std::optional<double> until_se;
    Date plan_start;
    Date status_date;
    Date horizon;
    std::string currency;
    std::vector<PublishedMilestone> milestones;
    std::vector<PublishedTarget> targets;
    std::vector<SpendSeries> cashflow;
    std::vector<PublishedFunnel> funnels;
};

}  // namespace pipesim
