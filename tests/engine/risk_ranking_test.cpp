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
    EXPECT_NEAR(risks[0].p_without - risks[0].p_with, 0.165, se);
    EXPECT_NEAR(risks[1].p_without - risks[1].p_with, 0.015, se);
    EXPECT_EQ(risks[1].risk, "small");
    EXPECT_EQ(risks[2].risk, "never");
    EXPECT_EQ(risks[2].p_with - risks[2].p_without, 0.0);
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

TEST(RiskRanking, AreSkippedWithoutDrivers) {
    RunSettings settings;
    settings.iterations = 1000;
    const ScenarioRun run = run_scenario(testing::scenario_from(chain), settings, {});
    EXPECT_FALSE(run.results.milestones.at(0).drivers.has_value());
}

}  // namespace
}  // namespace pipesim
