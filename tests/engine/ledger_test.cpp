// Costs, funnels and targets against exact answers: binomial counts, products of
// conversion probabilities, deterministic spending curves and crossing dates, and moments
// of sums. Monte Carlo checks allow 4 standard errors with fixed seeds.

#include <gtest/gtest.h>

#include <cmath>

#include "report/results_json.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::forecast_of;
using testing::plan_with;

constexpr double tolerance_in_se = 4.0;

const TargetForecast& target(const Results& results, const std::string& id) {
    for (const auto& t : results.targets)
        if (t.id == id) return t;
    throw std::runtime_error("no target " + id);
}

const SeriesForecast& cashflow(const Results& results, const std::string& id) {
    for (const auto& s : results.cashflow)
        if (s.id == id) return s;
    throw std::runtime_error("no cash-flow series " + id);
}

std::size_t date_index(const Results& results, const std::string& iso) {
    for (std::size_t d = 0; d < results.report_dates.size(); ++d)
        if (results.report_dates[d].iso() == iso) return d;
    throw std::runtime_error("no report date " + iso);
}

double binomial_at_least(int n, double p, int k) {
    double total = 0.0;
    for (int j = k; j <= n; ++j)
        total += std::exp(std::lgamma(n + 1.0) - std::lgamma(j + 1.0) - std::lgamma(n - j + 1.0) +
                          j * std::log(p) + (n - j) * std::log1p(-p));
    return total;
}

// One entry of a `targets:` list; stage and selection only where given.
std::string target_entry(const std::string& id, const std::string& measure,
                         const std::string& stage, const std::string& at_least,
                         const std::string& by, const std::string& of = "") {
    return "  - id: " + id + "\n    measure: " + measure + "\n" +
           (stage.empty() ? "" : "    stage: " + stage + "\n") +
           (of.empty() ? "" : "    of: " + of + "\n") + "    at_least: " + at_least +
           "\n    by: " + by + "\n";
}

// One project that does nothing, so that scenarios about funnels have their project.
const std::string idle_project = R"(  - id: idle
    category: other
    milestones:
      - id: done
)";

// A funnel of `count` leads that each sign with probability p after `days`.
std::string signing_funnel(int count, double p, int days) {
    return "funnels:\n"
           "  - id: chain\n"
           "    stages:\n"
           "      - id: lead\n"
           "      - id: signed\n"
           "        probability: " +
           std::to_string(p) + "\n        duration: " + std::to_string(days) +
           "\n    value: 100\n"
           "    batches:\n"
           "      - id: lead\n"
           "        count: " +
           std::to_string(count) + "\n";
}

TEST(Funnel, ASingleStageCountIsBinomial) {
    const std::string yaml = plan_with(idle_project) + signing_funnel(20, 0.3, 10) + "targets:\n" +
                             target_entry("eight-signed", "items", "signed", "8", "2024-03-31");
    const std::uint64_t n = 40000;
    const Results results = forecast_of(yaml, n, 11);
    const TargetForecast& t = target(results, "eight-signed");
    const double exact = binomial_at_least(20, 0.3, 8);
    EXPECT_NEAR(t.p_reached, exact, tolerance_in_se * std::sqrt(exact * (1 - exact) / n));
    // Every lead signs on day 10 or never: the date is 2024-01-10 whenever it is reached.
    EXPECT_EQ(t.dates[0]->iso(), "2024-01-10");
    EXPECT_NEAR(t.p_not_in_horizon, 1 - exact,
                tolerance_in_se * std::sqrt(exact * (1 - exact) / n));
    // The count at the deadline: mean n p, median of Binomial(20, 0.3) is 6.
    EXPECT_NEAR(t.at_deadline.mean, 6.0, tolerance_in_se * std::sqrt(20 * 0.3 * 0.7 / n));
    EXPECT_EQ(t.at_deadline.p50, 6.0);
    EXPECT_NEAR(
        t.expected_shortfall,
        [] {
            double e = 0;
            for (int j = 0; j < 8; ++j)
                e += (8 - j) * (binomial_at_least(20, 0.3, j) - binomial_at_least(20, 0.3, j + 1));
            return e;
        }(),
        0.03);
}

TEST(Funnel, StagesInSeriesMultiplyTheirProbabilities) {
    const std::string yaml = plan_with(idle_project) +
                             "funnels:\n"
                             "  - id: chain\n"
                             "    stages:\n"
                             "      - id: lead\n"
                             "      - id: talks\n"
                             "        probability: 0.6\n"
                             "        duration: 5\n"
                             "      - id: signed\n"
                             "        probability: 0.5\n"
                             "        duration: 5\n"
                             "    value: 1\n"
                             "    batches:\n"
                             "      - id: lead\n"
                             "        count: 10\n"
                             "targets:\n" +
                             target_entry("any-signed", "items", "signed", "1", "2024-12-31");
    const std::uint64_t n = 40000;
    const Results results = forecast_of(yaml, n, 5);
    const double exact = 1 - std::pow(1 - 0.6 * 0.5, 10);
    const TargetForecast& t = target(results, "any-signed");
    EXPECT_NEAR(t.p_reached, exact, tolerance_in_se * std::sqrt(exact * (1 - exact) / n));
    ASSERT_EQ(results.funnels.size(), 1u);
    const auto& stages = results.funnels[0].stages;
    ASSERT_EQ(stages.size(), 3u);
    const std::size_t end_of_year = date_index(results, "2024-12-31");
    EXPECT_EQ(stages[0].by_month[end_of_year].mean, 10.0);
    EXPECT_NEAR(stages[1].by_month[end_of_year].mean, 6.0,
                tolerance_in_se * std::sqrt(10 * 0.6 * 0.4 / n));
    EXPECT_NEAR(stages[2].by_month[end_of_year].mean, 3.0,
                tolerance_in_se * std::sqrt(10 * 0.3 * 0.7 / n));
}

// 1,000 spent over days [0, 100) of 2024: by the end of a day d (time d + 1), the share
// (d + 1) / 100 of it under the even profile.
std::string spending_project(const std::string& profile) {
    return "  - id: works\n"
           "    category: road\n"
           "    activities:\n"
           "      - id: build\n"
           "        duration: 100\n"
           "        cost: {amount: 1000, profile: " +
           profile + "}\n";
}

TEST(Cost, ADeterministicCostTracesItsProfileExactly) {
    for (const auto profile : {SpendProfile::even, SpendProfile::front_loaded,
                               SpendProfile::back_loaded, SpendProfile::s_curve}) {
        const Results results =
            forecast_of(plan_with(spending_project(std::string(profile_name(profile)))), 50, 1);
        for (const auto& series : {cashflow(results, "all"), cashflow(results, "road")}) {
            const auto& january = series.by_month[date_index(results, "2024-01-31")];
            const auto& february = series.by_month[date_index(results, "2024-02-29")];
            const auto& april = series.by_month[date_index(results, "2024-04-30")];
            const double by_january = 1000 * share_spent(profile, 31.0 / 100);
            const double by_february = 1000 * share_spent(profile, 60.0 / 100);
            for (double value : {january.mean, january.p10, january.p50, january.p90})
                EXPECT_NEAR(value, by_january, 1e-9) << profile_name(profile);
            for (double value : {february.mean, february.p10, february.p90})
                EXPECT_NEAR(value, by_february, 1e-9) << profile_name(profile);
            EXPECT_EQ(april.p50, 1000.0);
        }
    }
}

TEST(Cost, ASpendTargetIsReachedTheDayTheCurveCrossesIt) {
    const std::string yaml =
        plan_with(spending_project("even")) + "targets:\n" +
        target_entry("half-spent", "spend", "", "500", "2024-02-19") +
        target_entry("half-spent-a-day-early", "spend", "", "500", "2024-02-18");
    const Results results = forecast_of(yaml, 100, 1);
    // 500 are spent at time 50: the end of day index 49, 2024-02-19.
    const TargetForecast& on_time = target(results, "half-spent");
    EXPECT_EQ(on_time.p_reached, 1.0);
    for (const auto& date : on_time.dates) EXPECT_EQ(date->iso(), "2024-02-19");
    EXPECT_EQ(on_time.expected_shortfall, 0.0);
    const TargetForecast& early = target(results, "half-spent-a-day-early");
    EXPECT_EQ(early.p_reached, 0.0);
    EXPECT_NEAR(early.at_deadline.mean, 490.0, 1e-9);
    EXPECT_NEAR(early.expected_shortfall, 10.0, 1e-9);
}

TEST(Cost, ADailyRateMakesLateWorkCostMore) {
    const std::string projects =
        "  - id: works\n"
        "    category: road\n"
        "    activities:\n"
        "      - id: build\n"
        "        duration: {dist: uniform, min: 10, max: 20}\n"
        "        cost: {per_day: 10, at_start: 5, at_finish: 7}\n";
    const std::string yaml = plan_with(projects) + "targets:\n" +
                             target_entry("spent", "spend", "", "162", "2024-12-31");
    const std::uint64_t n = 40000;
    const Results results = forecast_of(yaml, n, 3);
    const TargetForecast& t = target(results, "spent");
    // 10 x U(10, 20) + 12: mean 162, sd 10 x 10 / sqrt(12).
    const double sd = 100 / std::sqrt(12.0);
    EXPECT_NEAR(t.at_deadline.mean, 162.0, tolerance_in_se * sd / std::sqrt(double(n)));
    EXPECT_NEAR(t.sd_at_deadline, sd, tolerance_in_se * sd / std::sqrt(2.0 * n));
    EXPECT_NEAR(t.at_deadline.p10, 12 + 10.0 * 11, 0.5);
    EXPECT_NEAR(t.at_deadline.p90, 12 + 10.0 * 19, 0.5);
}

// Three named items, certain, signing on days 10, 20 and 30 with values 100, 200, 300.
const std::string three_items = R"(funnels:
  - id: chain
    stages:
      - id: lead
      - id: signed
    items:
      - id: a
        value: 100
        stages: {signed: {duration: 10}}
      - id: b
        value: 200
        stages: {signed: {duration: 20}}
      - id: c
        value: 300
        stages: {signed: {duration: 30}}
)";

TEST(Funnel, ASumOfDeterministicItemsCrossesOnAnExactDay) {
    const std::string yaml =
        plan_with(idle_project) + three_items + "targets:\n" +
        target_entry("value-250", "value", "signed", "250", "2024-01-20") +
        target_entry("value-250-early", "value", "signed", "250", "2024-01-19") +
        target_entry("all-three", "items", "signed", "100%", "2024-12-31");
    const Results results = forecast_of(yaml, 64, 2);
    // 100 + 200 >= 250 once b signs: time 20 is the end of 2024-01-20.
    EXPECT_EQ(target(results, "value-250").p_reached, 1.0);
    EXPECT_EQ(target(results, "value-250").dates[1]->iso(), "2024-01-20");
    EXPECT_EQ(target(results, "value-250-early").p_reached, 0.0);
    EXPECT_EQ(target(results, "value-250-early").at_deadline.p50, 100.0);
    const TargetForecast& all = target(results, "all-three");
    EXPECT_EQ(all.threshold, 3.0);
    EXPECT_EQ(all.dates[1]->iso(), "2024-01-30");
}

TEST(Funnel, SumsOfTriangularValuesHaveTheirExactMoments) {
    const std::string yaml = plan_with(idle_project) +
                             "funnels:\n"
                             "  - id: chain\n"
                             "    stages:\n"
                             "      - id: lead\n"
                             "      - id: signed\n"
                             "    value: {dist: triangular, min: 100, mode: 200, max: 600}\n"
                             "    batches:\n"
                             "      - id: deal\n"
                             "        count: 5\n"
                             "        at: signed\n"
                             "targets:\n" +
                             target_entry("value", "value", "signed", "1500", "2024-06-30");
    const std::uint64_t n = 40000;
    const Results results = forecast_of(yaml, n, 9);
    const TargetForecast& t = target(results, "value");
    // Triangular(100, 200, 600): mean 300, variance (a²+b²+c²-ab-ac-bc)/18 = 70000/6.
    const double variance =
        5 * (100.0 * 100 + 200 * 200 + 600 * 600 - 100 * 200 - 100 * 600 - 200 * 600) / 18.0;
    const double sd = std::sqrt(variance);
    EXPECT_NEAR(t.at_deadline.mean, 1500.0, tolerance_in_se * sd / std::sqrt(double(n)));
    EXPECT_NEAR(t.sd_at_deadline, sd, tolerance_in_se * sd / std::sqrt(2.0 * n));
}

TEST(Funnel, FundsArriveOverTheirDaysAfterTheStage) {
    const std::string yaml = plan_with(idle_project) +
                             "funnels:\n"
                             "  - id: chain\n"
                             "    stages:\n"
                             "      - id: lead\n"
                             "      - id: started\n"
                             "    value: 1000\n"
                             "    funds: {stage: started, fraction: 0.3, days: 100}\n"
                             "    items:\n"
                             "      - id: plant\n"
                             "        at: started\n"
                             "targets:\n" +
                             target_entry("funds", "funds", "", "150", "2024-12-31");
    const Results results = forecast_of(yaml, 32, 4);
    const TargetForecast& t = target(results, "funds");
    EXPECT_EQ(t.dates[1]->iso(), "2024-02-19");  // 300 over days [0, 100): 150 at time 50
    EXPECT_NEAR(t.by_month[date_index(results, "2024-01-31")].p50, 93.0, 1e-9);
    EXPECT_NEAR(t.at_deadline.p90, 300.0, 1e-9);
}

TEST(Funnel, AnItemCanWaitForAMilestoneAndAMilestoneForAnItem) {
    const std::string projects = R"(  - id: park
    category: road
    activities:
      - id: road
        duration: 100
    milestones:
      - id: road-open
        after: [road]
      - id: factory-open
        after: [chain.plant.started]
        target: 2024-12-31
)";
    const std::string yaml = plan_with(projects) +
                             "funnels:\n"
                             "  - id: chain\n"
                             "    stages:\n"
                             "      - id: lead\n"
                             "      - id: started\n"
                             "        probability: 0.4\n"
                             "        duration: 20\n"
                             "    value: 1\n"
                             "    items:\n"
                             "      - id: plant\n"
                             "        stages: {started: {after: [park.road-open]}}\n";
    const std::uint64_t n = 40000;
    const Results results = forecast_of(yaml, n, 8);
    const FinishForecast& factory = testing::find(results.milestones, "park.factory-open");
    // Starts 20 days after the road opens at time 100, when it converts at all.
    EXPECT_NEAR(*factory.p_on_time, 0.4, tolerance_in_se * std::sqrt(0.24 / n));
    EXPECT_NEAR(factory.p_happens, 0.4, tolerance_in_se * std::sqrt(0.24 / n));
    EXPECT_EQ(factory.p_after_horizon, 0.0);           // when it happens, it is within the horizon
    EXPECT_EQ(factory.dates[3]->iso(), "2024-04-29");  // quantiles given that it happens
    EXPECT_EQ(factory.dates[0]->iso(), "2024-04-29");
    EXPECT_EQ(factory.mean_days, 120.0);       // over the iterations in which it happens
    EXPECT_EQ(results.activities.size(), 1u);  // funnel stages are not listed as activities
}

TEST(Milestones, AShareTargetCountsMilestonesAchieved) {
    std::string projects = "  - id: schools\n    category: school\n    activities:\n";
    for (int k = 1; k <= 5; ++k)
        projects += "      - id: build-" + std::to_string(k) +
                    "\n        duration: " + std::to_string(10 * k) + "\n";
    projects += "    milestones:\n";
    for (int k = 1; k <= 5; ++k)
        projects += "      - id: open-" + std::to_string(k) + "\n        after: [build-" +
                    std::to_string(k) + "]\n";
    const std::string yaml =
        plan_with(projects) + "targets:\n" +
        target_entry("most-open", "milestones", "", "80%", "2024-02-09", "{categories: school}");
    const Results results = forecast_of(yaml, 16, 1);
    const TargetForecast& t = target(results, "most-open");
    EXPECT_EQ(t.threshold, 4.0);
    EXPECT_EQ(t.dates[1]->iso(), "2024-02-09");  // the fourth opens at time 40
    EXPECT_EQ(t.p_reached, 1.0);
}

TEST(Funnel, ItemsStillToComeEnterAfterTheirArrival) {
    const std::string yaml = plan_with(idle_project) +
                             "funnels:\n"
                             "  - id: chain\n"
                             "    stages:\n"
                             "      - id: lead\n"
                             "      - id: signed\n"
                             "        duration: 10\n"
                             "    value: 1\n"
                             "    batches:\n"
                             "      - id: lead\n"
                             "        count: 4\n"
                             "        arrival: 30\n"
                             "targets:\n" +
                             target_entry("signed", "items", "signed", "4", "2024-12-31");
    const Results results = forecast_of(yaml, 16, 1);
    // Leads on day 30, signed 10 days later: time 40 ends on 2024-02-09.
    EXPECT_EQ(target(results, "signed").dates[1]->iso(), "2024-02-09");
    const auto& leads = results.funnels.at(0).stages.at(0).by_month;
    EXPECT_EQ(leads[date_index(results, "2024-01-31")].p90, 4.0);  // arrived at time 30
}

TEST(Milestones, ATargetCanCountListedMilestonesOnly) {
    const std::string projects = R"(  - id: airport
    category: airport
    activities:
      - {id: talks, duration: 40}
    milestones:
      - {id: route1-open, after: [talks]}
      - {id: route2-open, after: [{id: talks, type: FS, lag: 30}]}
      - {id: terminal-plan, after: [{id: talks, type: FS, lag: -30}]}
)";
    const std::string yaml =
        plan_with(projects) + "targets:\n" +
        target_entry("routes", "milestones", "", "100%", "2024-12-31",
                     "{milestones: [airport.route1-open, airport.route2-open]}");
    const Results results = forecast_of(yaml, 16, 1);
    const TargetForecast& t = target(results, "routes");
    EXPECT_EQ(t.threshold, 2.0);
    EXPECT_EQ(t.dates[1]->iso(), "2024-03-10");  // the second route opens at time 70
}

TEST(Ledger, ResultsAreIdenticalForAnyThreadCount) {
    const std::string yaml = plan_with(spending_project("s-curve") + idle_project) +
                             signing_funnel(30, 0.45, 40) + "targets:\n" +
                             target_entry("signed", "items", "signed", "12", "2024-12-31") +
                             target_entry("value", "value", "signed", "1300", "2024-12-31");
    const std::string one = results_to_json(forecast_of(yaml, 5000, 21, 1));
    EXPECT_EQ(one, results_to_json(forecast_of(yaml, 5000, 21, 2)));
    EXPECT_EQ(one, results_to_json(forecast_of(yaml, 5000, 21, 3)));
}

}  // namespace
}  // namespace pipesim
