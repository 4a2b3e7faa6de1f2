#include "stats/summary.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/scenarios.hpp"

namespace pipesim {
namespace {

TEST(Summary, QuantileIsTheInverseOfTheEmpiricalCdf) {
    // Days 0..3 then the after-horizon bin.
    const std::vector<std::uint32_t> histogram{1, 0, 3, 6, 0};
    EXPECT_EQ(quantile_day(histogram, 0.10, 10), 0);
    EXPECT_EQ(quantile_day(histogram, 0.11, 10), 2);
    EXPECT_EQ(quantile_day(histogram, 0.40, 10), 2);
    EXPECT_EQ(quantile_day(histogram, 0.41, 10), 3);
    EXPECT_EQ(quantile_day(histogram, 0.90, 10), 3);
}

TEST(Summary, QuantileAfterTheHorizonIsReportedAsSuch) {
    const std::vector<std::uint32_t> histogram{5, 0, 5};
    EXPECT_EQ(quantile_day(histogram, 0.5, 10), 0);
    EXPECT_EQ(quantile_day(histogram, 0.51, 10), std::nullopt);
}

TEST(Summary, MilestonesBeyondTheHorizonHaveNoDates) {
    const auto results = testing::forecast_of(R"(pipesim: 1
plan: {name: short, start: 2024-01-01, horizon: 2024-01-31}
projects:
  - id: p
    category: other
    activities:
      - {id: a, duration: {dist: uniform, min: 20.5, max: 60.5}}
    milestones:
      - {id: m, after: [a], target: 2024-01-31}
)",
                                              20000, 3);
    const auto& m = testing::find(results.milestones, "p.m");
    // P(U(20.5, 60.5) <= 31) = 10.5/40 is both the on-time share and the share within the
    // horizon; 4 standard errors.
    EXPECT_NEAR(*m.p_on_time, 10.5 / 40.0, 4 * std::sqrt(0.2625 * 0.7375 / 20000));
    EXPECT_NEAR(m.p_after_horizon, 1.0 - *m.p_on_time, 1e-12);
    // P10 = 24.5 days, so the tenth percentile finishes on the 25th day.
    EXPECT_EQ(m.dates[0], Date::parse("2024-01-25"));
    EXPECT_EQ(m.dates[1], std::nullopt);
    EXPECT_EQ(m.dates[3], std::nullopt);
}

TEST(Summary, ReportsInTheOrderOfTheFile) {
    const auto results = testing::forecast_of(testing::plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: z, duration: 1, after: [y]}
      - {id: y, duration: 1}
    milestones:
      - {id: m2, after: [z]}
      - {id: m1, after: [y]}
)"),
                                              10, 1);
    ASSERT_EQ(results.activities.size(), 2u);
    EXPECT_EQ(results.activities[0].id, "p.z");
    EXPECT_EQ(results.milestones[0].id, "p.m2");
    EXPECT_EQ(results.milestones[1].id, "p.m1");
    EXPECT_FALSE(results.milestones[0].p_on_time);  // no target, no probability
}

}  // namespace
}  // namespace pipesim
