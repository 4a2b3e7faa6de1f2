// Networks whose answers are known exactly: fixed durations with every link type, sums
// along a chain, maxima over parallel paths (the merge bias), and small discrete networks
// checked against full enumeration. Statistical checks allow 4 standard errors with fixed
// seeds, so they cannot flake.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "engine/simulation.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::find;
using testing::forecast_of;
using testing::plan_with;

constexpr double sigmas = 4.0;

Date day(const char* iso) {
    return *Date::parse(iso);
}

TEST(ExactNetworks, EveryLinkTypeWithLagsOnFixedDurations) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 10}
      - {id: fs, duration: 3, after: [{id: a, type: FS, lag: 5}]}
      - {id: ss, duration: 3, after: [{id: a, type: SS, lag: 2}]}
      - {id: ff, duration: 3, after: [{id: a, type: FF, lag: 4}]}
      - {id: sf, duration: 3, after: [{id: a, type: SF, lag: 12}]}
      - {id: lead, duration: 4, after: [{id: a, lag: -3}]}
      - {id: snet, duration: 2, start_no_earlier_than: 2024-02-01}
      - {id: joined, duration: 1, after: [ss, {id: ff, type: SS}]}
)"),
                                     300, 1);
    const std::map<std::string, double> finish{{"p.a", 10},    {"p.fs", 18},    {"p.ss", 5},
                                               {"p.ff", 14},   {"p.sf", 12},    {"p.lead", 11},
                                               {"p.snet", 33}, {"p.joined", 12}};
    for (const auto& [id, t] : finish) {
        const auto& f = find(results.activities, id);
        EXPECT_DOUBLE_EQ(f.mean_days, t) << id;
        EXPECT_DOUBLE_EQ(f.sd_days, 0.0) << id;
        const Date expected = results.plan_start.plus_days(static_cast<int>(t) - 1);
        EXPECT_EQ(f.deterministic, expected) << id;
        for (const auto& date : f.dates) EXPECT_EQ(date, expected) << id;
    }
}

TEST(ExactNetworks, TargetDateIsMetUpToTheEndOfItsDay) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 18}
    milestones:
      - {id: on-the-day, after: [a], target: 2024-01-18}
      - {id: a-day-early, after: [a], target: 2024-01-17}
)"),
                                     100, 1);
    EXPECT_EQ(find(results.milestones, "p.on-the-day").p_on_time, 1.0);
    EXPECT_EQ(find(results.milestones, "p.a-day-early").p_on_time, 0.0);
    EXPECT_EQ(find(results.milestones, "p.on-the-day").dates[1], day("2024-01-18"));
}

TEST(ExactNetworks, NothingStartsBeforeTheStatusDate) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 10}
)",
                                               "  status_date: 2024-01-11\n"),
                                     100, 1);
    EXPECT_DOUBLE_EQ(find(results.activities, "p.a").mean_days, 20.0);
}

TEST(ExactNetworks, ChainFinishIsTheSumOfItsDurations) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: {dist: triangular, min: 2, mode: 5, max: 11}}
      - {id: b, duration: {dist: triangular, min: 1, mode: 4, max: 10}, after: [a]}
      - {id: c, duration: {dist: uniform, min: 3, max: 12}, after: [b]}
)"),
                                     60000, 11);
    const double mean = (2 + 5 + 11) / 3.0 + (1 + 4 + 10) / 3.0 + 7.5;
    const auto triangular_variance = [](double a, double c, double b) {
        return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
    };
    const double variance =
        triangular_variance(2, 5, 11) + triangular_variance(1, 4, 10) + 81.0 / 12.0;
    const auto& c = find(results.activities, "p.c");
    const double n = 60000;
    EXPECT_NEAR(c.mean_days, mean, sigmas * std::sqrt(variance / n));
    // The sample sd of a near-normal total has standard error about sd / sqrt(2n).
    EXPECT_NEAR(c.sd_days, std::sqrt(variance), sigmas * std::sqrt(variance / (2 * n)));
}

// k parallel paths of U(10, 50) days into one milestone: P(max <= t) = ((t - 10) / 40)^k.
void check_parallel_paths(int k) {
    std::string activities;
    std::string after;
    for (int i = 0; i < k; ++i) {
        activities += "      - {id: path" + std::to_string(i) +
                      ", duration: {dist: uniform, min: 10, max: 50}}\n";
        after += (i ? ", path" : "path") + std::to_string(i);
    }
    const std::string yaml = plan_with(
        "  - id: p\n    category: other\n    activities:\n" + activities +
        "    milestones:\n      - {id: merge, after: [" + after + "], target: 2024-02-09}\n");
    constexpr double n = 40000;
    const auto results = forecast_of(yaml, 40000, 3);
    const auto& merge = find(results.milestones, "p.merge");
    // The target's deadline is the end of day index 39: t = 40.
    const double exact = std::pow(30.0 / 40.0, k);
    EXPECT_NEAR(*merge.p_on_time, exact, sigmas * std::sqrt(exact * (1 - exact) / n));
    EXPECT_NEAR(*merge.p_on_time_se, std::sqrt(exact * (1 - exact) / n), 1e-3);
    // E[max of k uniforms on (10, 50)] = 10 + 40 k / (k + 1), variance 1600 k / ((k+1)^2 (k+2)).
    const double mean = 10 + 40.0 * k / (k + 1);
    const double variance = 1600.0 * k / ((k + 1.0) * (k + 1.0) * (k + 2.0));
    EXPECT_NEAR(merge.mean_days, mean, sigmas * std::sqrt(variance / n));
    // The merge bias: the single-point plan says day 30, whatever k is.
    EXPECT_EQ(merge.deterministic, day("2024-01-30"));
}

TEST(ExactNetworks, TwoParallelPathsFollowTheProductOfTheirCdfs) {
    check_parallel_paths(2);
}
TEST(ExactNetworks, FiveParallelPathsFollowTheProductOfTheirCdfs) {
    check_parallel_paths(5);
    // Median of the max of five: 10 + 40 * 0.5^(1/5) = 44.8 days, so day index 44.
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: {dist: uniform, min: 10, max: 50}}
      - {id: b, duration: {dist: uniform, min: 10, max: 50}}
      - {id: c, duration: {dist: uniform, min: 10, max: 50}}
      - {id: d, duration: {dist: uniform, min: 10, max: 50}}
      - {id: e, duration: {dist: uniform, min: 10, max: 50}}
    milestones:
      - {id: merge, after: [a, b, c, d, e]}
)"),
                                     40000, 5);
    EXPECT_EQ(find(results.milestones, "p.merge").dates[1], day("2024-02-14"));
}

// T = max(A + C, B + D) with discrete A, B, C and a fixed D, against every combination.
TEST(ExactNetworks, SmallDiscreteNetworkMatchesExactEnumeration) {
    const std::string yaml = plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: {dist: discrete, values: [2, 5], weights: [0.3, 0.7]}}
      - {id: b, duration: {dist: discrete, values: [1, 4, 6], weights: [2, 5, 3]}}
      - {id: c, duration: {dist: discrete, values: [3, 7], weights: [0.6, 0.4]}, after: [a]}
      - {id: d, duration: 2, after: [b]}
    milestones:
      - {id: m, after: [c, d]}
)");
    std::map<int, double> exact;
    for (auto [a, pa] : {std::pair{2, 0.3}, {5, 0.7}})
        for (auto [b, pb] : {std::pair{1, 0.2}, {4, 0.5}, {6, 0.3}})
            for (auto [c, pc] : {std::pair{3, 0.6}, {7, 0.4}})
                exact[std::max(a + c, b + 2)] += pa * pb * pc;

    const Network network = testing::network_from(yaml);
    RunSettings settings;
    settings.iterations = 50000;
    settings.seed = 17;
    settings.scope = TallyScope::milestones_only;
    const Tallies tallies = simulate(network, settings);
    ASSERT_EQ(tallies.tallied_nodes.size(), 1u);
    const auto histogram = tallies.histograms.of(0);
    const double n = 50000;
    double cumulative_exact = 0, cumulative_seen = 0;
    for (int t = 1; t <= 13; ++t) {
        cumulative_exact += exact.count(t) ? exact[t] : 0.0;
        cumulative_seen += histogram[static_cast<std::size_t>(t - 1)] / n;  // finish t: day t-1
        const double se = std::sqrt(cumulative_exact * (1 - cumulative_exact) / n);
        if (se == 0)
            EXPECT_EQ(cumulative_seen, cumulative_exact) << "t = " << t;
        else
            EXPECT_NEAR(cumulative_seen, cumulative_exact, sigmas * se) << "t = " << t;
    }
    EXPECT_DOUBLE_EQ(cumulative_exact, 1.0);
}

// Merge bias: two iid U(0, 100) paths. The single-point plan says day 50 (index 49); the
// median of the larger is 100 sqrt(1/2) = 70.7, which ends in day index 70: 21 days later.
TEST(MergeBias, IsTheMedianLessTheDeterministicDate) {
    const std::string projects = R"(  - id: p
    category: road
    activities:
      - {id: left, duration: {dist: uniform, min: 0, max: 100}}
      - {id: right, duration: {dist: uniform, min: 0, max: 100}}
    milestones:
      - {id: merged, after: [left, right]}
      - {id: single, after: [left]}
)";
    const Results results = forecast_of(plan_with(projects), 40000, 47);
    EXPECT_EQ(find(results.milestones, "p.merged").merge_bias_days, 21);
    EXPECT_FALSE(find(results.milestones, "p.single").merge_bias_days.has_value());
}

}  // namespace
}  // namespace pipesim
