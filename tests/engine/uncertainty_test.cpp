// Risks, branching, uncertain lags, optimism bias, correlation and Latin hypercube against
// exact answers. Monte Carlo checks allow 4 standard errors with fixed seeds.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <vector>

#include "engine/iteration_draws.hpp"
#include "report/results_json.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::find;
using testing::forecast_of;
using testing::network_from;
using testing::plan_with;

constexpr double tolerance_in_se = 4.0;
constexpr std::uint64_t many = 40000;

double binomial_se(double p, std::uint64_t n) {
    return std::sqrt(p * (1 - p) / static_cast<double>(n));
}

// A 100-day activity from the plan start, then milestone `done` with `target`.
std::string hundred_days(const std::string& extra_activity_keys = "",
                         const std::string& target = "2024-12-31") {
    return "  - id: p\n    category: rail\n    activities:\n      - id: a\n        duration: "
           "100\n" +
           extra_activity_keys + "    milestones:\n      - id: done\n        after: [a]\n" +
           "        target: " + target + "\n";
}

TEST(Risk, AFixedDelayGivesATwoPointDistribution) {
    const std::string yaml =
        plan_with(hundred_days("        cost: {amount: 0.001}\n", "2024-04-19")) +
        "risks:\n"
        "  - id: flood\n"
        "    probability: 0.3\n"
        "    hits: [p.a]\n"
        "    delay: 20\n"
        "    cost: 50\n";
    const Results results = forecast_of(yaml, many, 3);
    const FinishForecast& done = find(results.milestones, "p.done");
    // Time 100 (2024-04-09) with 0.7, time 120 (2024-04-29) with 0.3.
    EXPECT_NEAR(*done.p_on_time, 0.7, tolerance_in_se * binomial_se(0.7, many));
    EXPECT_EQ(done.dates[0]->iso(), "2024-04-09");
    EXPECT_EQ(done.dates[3]->iso(), "2024-04-29");
    EXPECT_EQ(done.deterministic->iso(), "2024-04-09");  // the single-point plan has no risk
    // The risk's cost is paid at the activity's finish when it hits: 50 x 0.3 on average.
    const auto& spend = results.cashflow.front().by_month.back();
    EXPECT_NEAR(spend.mean - 0.001, 15.0, tolerance_in_se * 50 * binomial_se(0.3, many));
}

TEST(Risk, AMultiplierScalesTheDuration) {
    const std::string yaml = plan_with(hundred_days()) +
                             "risks:\n"
                             "  - id: redesign\n"
                             "    probability: 1\n"
                             "    hits: [p.a]\n"
                             "    multiplier: 1.5\n";
    const Results results = forecast_of(yaml, 64, 1);
    EXPECT_EQ(find(results.milestones, "p.done").mean_days, 150.0);
}

TEST(Risk, AWindowHitsOnlyWorkInProgressWithinIt) {
    const std::string projects = R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: 100}
      - {id: b, duration: 100, after: [a]}
    milestones:
      - {id: a-done, after: [a]}
      - {id: b-done, after: [b]}
)";
    const std::string yaml = plan_with(projects) +
                             "risks:\n"
                             "  - id: summer-rains\n"
                             "    probability: 1\n"
                             "    hits: [p.a, p.b]\n"
                             "    delay: 10\n"
                             "    window: {from: 2024-06-01, to: 2024-06-30}\n";
    const Results results = forecast_of(yaml, 64, 1);
    // a runs days 0-100 (ends 2024-04-09): no hit. b runs 100-200, through June: hit.
    EXPECT_EQ(find(results.milestones, "p.a-done").mean_days, 100.0);
    EXPECT_EQ(find(results.milestones, "p.b-done").mean_days, 210.0);
}

TEST(Risk, OneDrawHitsEveryActivityOfTheDriver) {
    // The milestone sits in another project: the risk hits every node of p, milestones too.
    const std::string projects = R"(  - id: p
    category: road
    activities:
      - {id: a, duration: 100}
      - {id: b, duration: 100}
  - id: q
    category: road
    milestones:
      - {id: both, after: [p.a, p.b]}
)";
    const std::string yaml = plan_with(projects) +
                             "risks:\n"
                             "  - id: contractor\n"
                             "    probability: 1\n"
                             "    of: {projects: p}\n"
                             "    delay: {dist: uniform, min: 0, max: 60}\n";
    const Results results = forecast_of(yaml, many, 5);
    // The same delay on both: the merge is 100 + U(0, 60), mean 130, not the 140 of the
    // larger of two independent delays.
    const double sd = 60 / std::sqrt(12.0);
    EXPECT_NEAR(find(results.milestones, "q.both").mean_days, 130.0,
                tolerance_in_se * sd / std::sqrt(double(many)));
}

TEST(Branching, ProbabilitiesMultiplyAlongAPath) {
    const std::string projects = R"(  - id: p
    category: hospital
    activities:
      - {id: a, duration: 10, probability: 0.8}
      - {id: b, duration: 10, probability: 0.5, after: [a]}
    milestones:
      - {id: rated, after: [b], target: 2024-12-31}
)";
    const Results results = forecast_of(plan_with(projects), many, 7);
    const FinishForecast& rated = find(results.milestones, "p.rated");
    EXPECT_NEAR(rated.p_happens, 0.4, tolerance_in_se * binomial_se(0.4, many));
    EXPECT_NEAR(*rated.p_on_time, 0.4, tolerance_in_se * binomial_se(0.4, many));
    EXPECT_EQ(rated.dates[1]->iso(), "2024-01-20");  // given that it happens
    EXPECT_EQ(rated.p_after_horizon, 0.0);
}

TEST(Branching, AFallbackPathIsTakenWhenTheConditionFails) {
    const std::string projects = R"(  - id: p
    category: rail
    activities:
      - {id: approval, duration: {dist: uniform, min: 0, max: 100}}
      - {id: build, duration: 30, after: [approval], only_if: {id: approval, by: 2024-03-01}}
      - {id: redesign, duration: 60, after: [approval], only_if: {id: approval, later_than: 2024-03-01}}
    milestones:
      - {id: built, after: [build]}
      - {id: redesigned, after: [redesign]}
)";
    const Results results = forecast_of(plan_with(projects), many, 9);
    // The approval by the end of 2024-03-01 (time 61): probability 0.61.
    const double p = 0.61;
    EXPECT_NEAR(find(results.milestones, "p.built").p_happens, p,
                tolerance_in_se * binomial_se(p, many));
    EXPECT_NEAR(find(results.milestones, "p.built").p_happens +
                    find(results.milestones, "p.redesigned").p_happens,
                1.0, 1e-12);
}

TEST(Lag, AnUncertainLagIsDrawnLikeADuration) {
    const std::string projects = R"(  - id: p
    category: road
    activities:
      - {id: submit, duration: 10}
    milestones:
      - {id: approved, after: [{id: submit, lag: {dist: uniform, min: 20, max: 40}}]}
)";
    const Results results = forecast_of(plan_with(projects), many, 11);
    const double sd = 20 / std::sqrt(12.0);
    const FinishForecast& approved = find(results.milestones, "p.approved");
    EXPECT_NEAR(approved.mean_days, 40.0, tolerance_in_se * sd / std::sqrt(double(many)));
    EXPECT_NEAR(approved.sd_days, sd, tolerance_in_se * sd / std::sqrt(2.0 * many));
    EXPECT_EQ(approved.deterministic->iso(), "2024-02-09");  // most likely lag: the midpoint
}

TEST(OptimismBias, UpliftsMultiplyDurationsAndCosts) {
    const std::string yaml = plan_with(hundred_days("        cost: {amount: 1000}\n")) +
                             "optimism_bias:\n"
                             "  - category: rail\n"
                             "    duration: 0.5\n"
                             "    cost: 0.2\n";
    const Results results = forecast_of(yaml, 64, 1);
    EXPECT_EQ(find(results.milestones, "p.done").mean_days, 150.0);
    EXPECT_NEAR(results.cashflow.front().by_month.back().p50, 1200.0, 1e-9);
}

TEST(Mitigation, AMitigatedRunTakesThePostMitigationNumbers) {
    const std::string yaml = plan_with(hundred_days("", "2024-04-19")) +
                             "risks:\n"
                             "  - id: flood\n"
                             "    probability: 0.5\n"
                             "    hits: [p.a]\n"
                             "    delay: 30\n"
                             "    mitigation: {probability: 0.1, cost_of_mitigation: 5}\n";
    RunSettings settings;
    settings.iterations = many;
    settings.seed = 13;
    const Scenario scenario = testing::scenario_from(yaml);
    const Results before = forecast(compile_network(scenario), settings);
    const Results after = forecast(compile_network(scenario, {true, false}), settings);
    const MitigationComparison comparison = compare_mitigation(before, after, true);
    ASSERT_EQ(comparison.effects.size(), 1u);
    EXPECT_NEAR(comparison.effects[0].p_before, 0.5, tolerance_in_se * binomial_se(0.5, many));
    EXPECT_NEAR(comparison.effects[0].p_after, 0.9, tolerance_in_se * binomial_se(0.9, many));
    // Common random numbers: every iteration the mitigation spares is on time after it.
    EXPECT_GT(comparison.effects[0].p_after, comparison.effects[0].p_before);
    EXPECT_TRUE(after.mitigated);
}

// A mitigation's cost is booked after every node's own flows; the ledger must still group
// flows by node, or other nodes' flows land in the wrong measures.
TEST(Mitigation, ItsCostLeavesEveryOtherFlowWhereItWas) {
    const std::string projects = R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: 100, cost: {amount: 10}}
      - {id: b, duration: 50, after: [a], cost: {amount: 20}}
    milestones:
      - {id: done, after: [b], target: 2024-12-31}
)";
    const std::string yaml = plan_with(projects) +
                             "risks:\n"
                             "  - {id: r, probability: 0.5, hits: [p.b], delay: 5,\n"
                             "     mitigation: {probability: 0.5, cost_of_mitigation: 3}}\n";
    RunSettings settings;
    settings.iterations = 256;
    settings.seed = 3;
    const Scenario scenario = testing::scenario_from(yaml);
    const Results before = forecast(compile_network(scenario), settings);
    const Results after = forecast(compile_network(scenario, {true, false}), settings);
    EXPECT_EQ(before.cashflow.front().by_month.back().p50, 30.0);
    EXPECT_EQ(after.cashflow.front().by_month.back().p50, 33.0);
    // By the end of January: 31 of a's 100 days, and the mitigation paid at the status date.
    EXPECT_NEAR(before.cashflow.front().by_month.front().p50, 3.1, 1e-9);
    EXPECT_NEAR(after.cashflow.front().by_month.front().p50, 6.1, 1e-9);
    EXPECT_EQ(results_to_json(before).find("\"mitigated\": false") != std::string::npos, true);
    EXPECT_EQ(find(before.milestones, "p.done").p_on_time,
              find(after.milestones, "p.done").p_on_time);
}

// Two normal durations in series, rank-correlated rho: the normal-scores correlation is
// r = 2 sin(pi rho / 6), and the total is normal with variance s1^2 + s2^2 + 2 r s1 s2.
TEST(Correlation, CorrelatedNormalsInSeriesHaveTheExactVariance) {
    const std::string projects = R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: normal, mean: 200, sd: 20}}
      - {id: b, duration: {dist: normal, mean: 100, sd: 10}, after: [a]}
    milestones:
      - {id: done, after: [b]}
)";
    for (const double rho : {0.0, 0.5, 0.9, -0.5}) {
        const std::string yaml = plan_with(projects) +
                                 "correlations:\n"
                                 "  - id: same-ground\n"
                                 "    between: durations\n"
                                 "    members: [p.a, p.b]\n"
                                 "    rho: " +
                                 std::to_string(rho) + "\n";
        const Results results = forecast_of(yaml, many, 17);
        const double r = 2 * std::sin(std::numbers::pi * rho / 6);
        const double sd = std::sqrt(400 + 100 + 2 * r * 20 * 10);
        const FinishForecast& done = find(results.milestones, "p.done");
        EXPECT_NEAR(done.mean_days, 300.0, tolerance_in_se * sd / std::sqrt(double(many))) << rho;
        EXPECT_NEAR(done.sd_days, sd, tolerance_in_se * sd / std::sqrt(2.0 * many)) << rho;
    }
}

std::vector<double> ranks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return values[a] < values[b]; });
    std::vector<double> rank(values.size());
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<double>(i);
    return rank;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
    const auto rx = ranks(x), ry = ranks(y);
    const double n = static_cast<double>(x.size()), mean = (n - 1) / 2;
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
    }
    return sxy / sxx;
}

TEST(Correlation, TheSampleRankCorrelationIsTheOneAskedFor) {
    const std::string projects = R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: triangular, min: 10, mode: 20, max: 60}}
      - {id: b, duration: {dist: lognormal, p10: 5, p90: 50}}
)";
    const double rho = 0.6;
    const Network network = network_from(plan_with(projects) +
                                         "correlations:\n"
                                         "  - {id: g, between: durations, members: [p.a, p.b], "
                                         "rho: 0.6}\n");
    BetaQuantileTables tables;
    const IterationDraws draws(network, tables);
    BlockDraws block(network, 256);
    const std::size_t n = 20000;
    std::vector<double> ua, ub;
    for (std::size_t first = 0; first < n; first += 256) {
        draws.draw(Sampling{23, 0}, first, 256, block);
        ua.insert(ua.end(), block.correlated.begin(), block.correlated.begin() + 256);
        ub.insert(ub.end(), block.correlated.begin() + 256, block.correlated.begin() + 512);
    }
    // The standard error of a sample Spearman correlation is about (1 - rho^2)/sqrt(n).
    EXPECT_NEAR(spearman(ua, ub), rho, tolerance_in_se * (1 - rho * rho) / std::sqrt(double(n)));
}

const std::string three_activities = R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: uniform, min: 1, max: 2}}
      - {id: b, duration: {dist: uniform, min: 1, max: 2}}
      - {id: c, duration: {dist: uniform, min: 1, max: 2}}
)";

// Three variables cannot all have rank correlation -0.6 with each other (ab and bc alone
// can).
const std::string impossible_groups =
    "correlations:\n"
    "  - {id: ab, between: durations, members: [p.a, p.b], "
    "rho: -0.6}\n"
    "  - {id: bc, between: durations, members: [p.b, p.c], "
    "rho: -0.6}\n"
    "  - {id: ac, between: durations, members: [p.a, p.c], "
    "rho: -0.6}\n";

TEST(Correlation, AnInvalidMatrixNamesTheGroupThatBrokeIt) {
    const Scenario scenario =
        testing::scenario_from(plan_with(three_activities) + impossible_groups);
    try {
        compile_network(scenario);
        FAIL() << "expected an error";
    } catch (const InputError& error) {
        ASSERT_EQ(error.problems().size(), 1u);
        EXPECT_EQ(error.problems()[0].entity, "ac");
        EXPECT_NE(error.problems()[0].reason.find("--nearest-correlation"), std::string::npos);
    }
}

TEST(Correlation, TheNearestValidMatrixIsUsedWhenAskedWithAWarning) {
    const Scenario scenario =
        testing::scenario_from(plan_with(three_activities) + impossible_groups);
    const Network network = compile_network(scenario, {false, true});
    ASSERT_EQ(network.warnings.size(), 1u);
    EXPECT_NE(network.warnings[0].find("'ac'"), std::string::npos);
    ASSERT_EQ(network.correlated.size(), 1u);
    // The factor reproduces a valid correlation matrix: unit diagonal.
    const auto& f = network.correlated[0].factor;
    for (std::size_t i = 0; i < 3; ++i) {
        double diagonal = 0;
        for (std::size_t j = 0; j < 3; ++j) diagonal += f[i * 3 + j] * f[i * 3 + j];
        EXPECT_NEAR(diagonal, 1.0, 1e-9);
    }
}

TEST(LatinHypercube, EveryStratumHoldsExactlyOneIteration) {
    for (const std::uint32_t n : {1u, 7u, 256u, 1000u, 4099u}) {
        const Sampling sampling{5, n};
        std::vector<double> u(n);
        sampling.fill(variable_hash("x"), StreamPurpose::duration, 0, n, u.data());
        std::vector<int> hits(n, 0);
        for (double value : u) {
            ASSERT_GT(value, 0.0);
            ASSERT_LT(value, 1.0);
            ++hits[static_cast<std::size_t>(value * n)];
        }
        EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << n;
    }
}

TEST(LatinHypercube, LowersTheVarianceOfTheMeanOnAMonotoneChain) {
    const std::string projects = R"(  - id: p
    category: road
    activities:
      - {id: a, duration: {dist: triangular, min: 10, mode: 20, max: 60}}
      - {id: b, duration: {dist: triangular, min: 5, mode: 10, max: 40}, after: [a]}
    milestones:
      - {id: done, after: [b]}
)";
    const Network network = network_from(plan_with(projects));
    const auto spread_of_means = [&](SamplingMethod method) {
        std::vector<double> means;
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            RunSettings settings;
            settings.iterations = 200;
            settings.seed = seed;
            settings.sampling = method;
            means.push_back(find(forecast(network, settings).milestones, "p.done").mean_days);
        }
        const double mean = std::accumulate(means.begin(), means.end(), 0.0) / means.size();
        double squares = 0;
        for (double m : means) squares += (m - mean) * (m - mean);
        return squares / (means.size() - 1);
    };
    // For a sum of monotone functions of the strata LHS removes nearly all the variance
    // of the mean; a factor of 10 is far inside what the 40 replications can show.
    EXPECT_LT(spread_of_means(SamplingMethod::latin_hypercube),
              spread_of_means(SamplingMethod::monte_carlo) / 10);
}

TEST(Uncertainty, ResultsAreIdenticalForAnyThreadCount) {
    const std::string projects = R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: pert, min: 10, mode: 20, max: 60}, cost: {amount: 100}}
      - {id: b, duration: {dist: triangular, min: 5, mode: 10, max: 40}, after: [a], probability: 0.9}
      - {id: c, duration: {dist: uniform, min: 5, max: 40}, after: [{id: a, lag: {dist: uniform, min: 0, max: 9}}]}
    milestones:
      - {id: done, after: [b, c], target: 2024-03-31}
)";
    const std::string yaml = plan_with(projects) +
                             "risks:\n"
                             "  - {id: r1, probability: 0.3, hits: [p.a, p.c], delay: 10, "
                             "cost: 20}\n"
                             "  - {id: r2, probability: 0.2, hits: [p.b], multiplier: 1.4}\n"
                             "correlations:\n"
                             "  - {id: g, between: durations, members: [p.a, p.b, p.c], "
                             "rho: 0.5}\n"
                             "  - {id: r, between: risks, members: [r1, r2], rho: 0.7}\n"
                             "optimism_bias:\n"
                             "  - {category: rail, duration: {dist: uniform, min: 0, max: 0.3}}\n";
    const Network network = network_from(yaml);
    for (const auto method : {SamplingMethod::monte_carlo, SamplingMethod::latin_hypercube}) {
        RunSettings settings;
        settings.iterations = 5000;
        settings.seed = 29;
        settings.sampling = method;
        settings.threads = 1;
        const std::string one = results_to_json(forecast(network, settings));
        settings.threads = 2;
        EXPECT_EQ(one, results_to_json(forecast(network, settings)));
        settings.threads = 3;
        EXPECT_EQ(one, results_to_json(forecast(network, settings)));
    }
}

}  // namespace
}  // namespace pipesim
