// The tornado: each risk switched off on the very same iterations.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/scenario_run.hpp"
#include "report/csv_tables.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::string chain = testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: 100}
      - {id: b, duration: {dist: uniform, min: 0, max: 10}, after: [a]}
    milestones:
      - {id: done, after: [b], target: 2024-05-04}
)") + R"(risks:
  - {id: never, probability: 0, hits: [p.a], delay: 50}
  - {id: small, probability: 0.1, hits: [p.b], delay: 5}
  - {id: flood, probability: 0.3, hits: [p.a], delay: 20}
)";

ScenarioRun ranked(std::uint64_t iterations) {
    RunSettings settings;
    settings.iterations = iterations;
    settings.seed = 41;
    settings.drivers = true;
    return run_scenario(testing::scenario_from(chain), settings, {});
}

const std::vector<RiskImpact>& risks_of(const ScenarioRun& run) {
    return run.results.milestones.at(0).drivers.value().risks;
}

TEST(RiskRanking, ARiskThatNeverOccursCostsNothing) {
    const ScenarioRun run = ranked(4000);
    ASSERT_EQ(risks_of(run).size(), 3u);
    for (const RiskImpact& impact : risks_of(run)) {
        if (impact.risk != "never") continue;
        EXPECT_EQ(impact.p_with, impact.p_without);  // exactly: the same iterations
        EXPECT_EQ(p80_days(impact), 0);
    }
}

TEST(RiskRanking, RanksByProbabilityLostWithTheExactDelay) {
    const std::uint64_t n = 40000;
    const ScenarioRun run = ranked(n);
    const auto& risks = risks_of(run);
    ASSERT_EQ(risks.size(), 3u);
    EXPECT_EQ(risks[0].risk, "flood");
    // The target ends at time 125. Without the flood the milestone ends by 100 + 10 + 5:
    // always on time. With it (0.3) at 120 + U(0, 10) + 5 x small: on time with 1/2
    // without the small risk, never with it. So the flood costs 0.3 x (1 - 0.9 x 0.5) and
    // the small risk 0.3 x 0.1 x 0.5 probability points.
    const double se = 4 * std::sqrt(0.25 / n);
    EXPECT_EQ(risks[0].p_without, 1.0);
    EXPECT_NEAR(p_points(risks[0]).value(), 0.165, se);
    EXPECT_NEAR(p_points(risks[1]).value(), 0.015, se);
    EXPECT_EQ(risks[1].risk, "small");
    EXPECT_EQ(risks[2].risk, "never");
    EXPECT_EQ(p_points(risks[2]), 0.0);
}

TEST(RiskRanking, DriversCsvHasARowPerDrivingActivityAndRisk) {
    const ScenarioRun run = ranked(1000);
    // Only b's duration is drawn; a is critical in every iteration as well.
    const std::string csv = drivers_csv(run.results, listed_drivers);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 + 3);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "id,kind,driver_type,driver,criticality,sensitivity,cruciality,ssi,p_with,"
              "p_without,p_points,p80_with,p80_without,p80_days");
    EXPECT_NE(csv.find("p.done,milestone,activity,p.a,1.000000,,,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("p.done,milestone,risk,flood,"), std::string::npos);
}

TEST(RiskRanking, FollowTheMilestonesAndTargetsMarkedForDrivers) {
    const std::string yaml = testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: uniform, min: 90, max: 110}}
    milestones:
      - {id: half, after: [a]}
      - {id: done, after: [half], target: 2024-06-01}
)") + R"(risks:
  - {id: flood, probability: 1, hits: [p.a], delay: 20}
)";
    RunSettings settings;
    settings.iterations = 2000;
    settings.drivers = true;
    settings.drivers_for = {"p.half"};
    const ScenarioRun run = run_scenario(testing::scenario_from(yaml), settings, {});
    const FinishForecast& half = testing::find(run.results.milestones, "p.half");
    EXPECT_FALSE(testing::find(run.results.milestones, "p.done").drivers.has_value());
    ASSERT_TRUE(half.drivers.has_value());
    EXPECT_EQ(half.drivers->activities.at(0).criticality, 1.0);
    // Without a target date there is no probability, but the P80 moves by the delay.
    const RiskImpact& flood = half.drivers->risks.at(0);
    EXPECT_FALSE(flood.p_with.has_value());
    EXPECT_FALSE(p_points(flood).has_value());
    EXPECT_EQ(p80_days(flood), 20);
}

TEST(RiskRanking, AnUnknownMarkedIdIsAnInputErrorWithASuggestion) {
    RunSettings settings;
    settings.iterations = 100;
    settings.drivers = true;
    settings.drivers_for = {"p.dnoe"};
    try {
        run_scenario(testing::scenario_from(chain), settings, {});
        FAIL() << "no error";
    } catch (const InputError& error) {
        const std::string message = describe(error.problems().at(0));
        EXPECT_NE(message.find("p.dnoe"), std::string::npos) << message;
        EXPECT_NE(message.find("did you mean p.done?"), std::string::npos) << message;
    }
}

TEST(RiskRanking, ReplaysALatinHypercubeStoppedEarlyOnItsOwnNumbers) {
    RunSettings settings;
    settings.iterations = 1'000'000;  // the cap, and the run's strata
    settings.until_se = 0.01;
    settings.sampling = SamplingMethod::latin_hypercube;
    settings.drivers = true;
    const ScenarioRun run = run_scenario(testing::scenario_from(chain), settings, {});
    ASSERT_LT(run.results.iterations, settings.iterations);
    for (const RiskImpact& impact : risks_of(run)) {
        if (impact.risk == "never") {
            EXPECT_EQ(p_points(impact), 0.0);
        }
    }
}

TEST(RiskRanking, AreSkippedWithoutDrivers) {
    RunSettings settings;
    settings.iterations = 1000;
    const ScenarioRun run = run_scenario(testing::scenario_from(chain), settings, {});
    EXPECT_FALSE(run.results.milestones.at(0).drivers.has_value());
}

}  // namespace
}  // namespace pipesim
