// Sensitivity: Spearman's rank correlation between each activity's duration draw and a
// milestone's date or a target's day, with cruciality and the schedule sensitivity index.

#include <gtest/gtest.h>

#include <cmath>

#include "report/results_json.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

Results with_drivers(const std::string& yaml, std::uint64_t iterations, unsigned threads = 2,
                     SamplingMethod sampling = SamplingMethod::monte_carlo) {
    RunSettings settings;
    settings.iterations = iterations;
    settings.seed = 29;
    settings.threads = threads;
    settings.sampling = sampling;
    settings.drivers = true;
    return forecast(testing::network_from(yaml), settings);
}

bool listed(const std::optional<Drivers>& drivers, const std::string& activity) {
    for (const auto& d : drivers.value().activities)
        if (d.activity == activity) return true;
    return false;
}

const ActivityDriver& driver(const std::optional<Drivers>& drivers, const std::string& activity) {
    for (const auto& d : drivers.value().activities)
        if (d.activity == activity) return d;
    throw std::runtime_error("no driver " + activity);
}

// Two uniform durations in a chain and one beside it, long enough that whole days hardly
// tie. The milestone is also counted by a target, whose day is then the milestone's day.
const std::string chain = testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: uniform, min: 0, max: 1000}}
      - {id: b, duration: {dist: uniform, min: 0, max: 1000}, after: [a]}
      - {id: beside, duration: {dist: uniform, min: 0, max: 1000}}
    milestones:
      - {id: done, after: [b], target: 2026-01-01}
)") + R"(targets:
  - id: done-counted
    measure: milestones
    of: {milestones: [p.done]}
    at_least: 1
    by: 2026-01-01
)";

constexpr std::uint64_t n = 40000;
// Spearman's estimate has a standard error below 1/sqrt(n) for these correlations.
const double tolerance = 4.0 / std::sqrt(static_cast<double>(n));

TEST(Sensitivity, MatchesTheClosedFormForASumOfTwoUniforms) {
    // For T = X + Y, X and Y iid uniform, 12 E[F(X) G(T)] - 3 = 12 x 37/120 - 3 = 0.7.
    const Results results = with_drivers(chain, n);
    const auto& done = testing::find(results.milestones, "p.done");
    EXPECT_NEAR(driver(done.drivers, "p.a").sensitivity.value(), 0.7, tolerance);
    EXPECT_NEAR(driver(done.drivers, "p.b").sensitivity.value(), 0.7, tolerance);
    // Never on the driving path, so not listed for the milestone; for the target, whose
    // list is the activities with sensitivities three standard errors from 0, not either.
    EXPECT_FALSE(listed(done.drivers, "p.beside"));
    EXPECT_FALSE(listed(results.targets.at(0).drivers, "p.beside"));
}

TEST(Sensitivity, CrucialityAndTheIndexFollowFromCriticality) {
    const Results results = with_drivers(chain, n);
    const auto& done = testing::find(results.milestones, "p.done");
    const ActivityDriver& a = driver(done.drivers, "p.a");
    EXPECT_EQ(a.criticality, 1.0);
    EXPECT_EQ(a.cruciality, a.sensitivity);
    // sd(X) / sd(X + Y) = 1 / sqrt(2) for iid X and Y.
    EXPECT_NEAR(a.sensitivity_index.value(), 1.0 / std::sqrt(2.0), 0.02);
    EXPECT_EQ(done.drivers->activities.size(), 2u);
}

TEST(Sensitivity, ASingleActivityRanksItsMilestoneExactly) {
    const Results results = with_drivers(testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: only, duration: {dist: triangular, min: 100, mode: 400, max: 2000}}
    milestones:
      - {id: done, after: [only], target: 2026-01-01}
)"),
                                         10000);
    const auto& done = testing::find(results.milestones, "p.done");
    // Monotone: the ranks agree but for ties within a day.
    EXPECT_NEAR(driver(done.drivers, "p.only").sensitivity.value(), 1.0, 1e-4);
}

TEST(Sensitivity, ATargetOnTheMilestoneHasTheMilestonesSensitivityAndNoCriticality) {
    const Results results = with_drivers(chain, 8000);
    const auto& done = testing::find(results.milestones, "p.done");
    const TargetForecast& counted = results.targets.at(0);
    for (const std::string activity : {"p.a", "p.b"}) {
        const ActivityDriver& on_target = driver(counted.drivers, activity);
        EXPECT_EQ(on_target.sensitivity, driver(done.drivers, activity).sensitivity);
        EXPECT_FALSE(on_target.criticality.has_value());
        EXPECT_FALSE(on_target.cruciality.has_value());
    }
}

TEST(Sensitivity, DriversAreRankedByCruciality) {
    const Results results = with_drivers(testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: narrow, duration: {dist: uniform, min: 0, max: 10}}
      - {id: wide, duration: {dist: uniform, min: 0, max: 1000}, after: [narrow]}
      - {id: side, duration: {dist: uniform, min: 0, max: 900}}
    milestones:
      - {id: done, after: [wide, side], target: 2026-01-01}
)"),
                                         20000);
    const auto& activities = testing::find(results.milestones, "p.done").drivers->activities;
    ASSERT_EQ(activities.size(), 3u);
    EXPECT_EQ(activities[0].activity, "p.wide");
    EXPECT_EQ(activities[2].activity, "p.narrow");
    for (std::size_t i = 1; i < activities.size(); ++i)
        EXPECT_GE(std::abs(*activities[i - 1].cruciality), std::abs(*activities[i].cruciality));
}

TEST(Sensitivity, FixedDurationsHaveNoSensitivity) {
    const Results results = with_drivers(testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: fixed, duration: 30}
      - {id: drawn, duration: {dist: uniform, min: 0, max: 100}, after: [fixed]}
    milestones:
      - {id: done, after: [drawn], target: 2024-06-01}
)"),
                                         2000);
    const auto& done = testing::find(results.milestones, "p.done");
    const ActivityDriver& fixed = driver(done.drivers, "p.fixed");
    EXPECT_EQ(fixed.criticality, 1.0);
    EXPECT_FALSE(fixed.sensitivity.has_value());
    EXPECT_FALSE(fixed.cruciality.has_value());
}

TEST(Sensitivity, IsIdenticalForAnyThreadCountAndSamplingMethod) {
    for (const SamplingMethod sampling :
         {SamplingMethod::monte_carlo, SamplingMethod::latin_hypercube}) {
        const std::string one = results_to_json(with_drivers(chain, 5000, 1, sampling));
        EXPECT_NE(one.find("\"sensitivity\""), std::string::npos);
        EXPECT_EQ(one, results_to_json(with_drivers(chain, 5000, 2, sampling)));
        EXPECT_EQ(one, results_to_json(with_drivers(chain, 5000, 4, sampling)));
    }
}

}  // namespace
}  // namespace pipesim
