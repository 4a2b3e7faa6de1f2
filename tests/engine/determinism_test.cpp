// Same scenario and seed give byte-identical results for any thread count; the seed and
// only the seed changes the numbers.

#include <gtest/gtest.h>

#include "report/results_json.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::string every_kind = testing::plan_with(R"(
  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: pert, min: 10, mode: 20, max: 60}}
      - {id: b, duration: {dist: triangular, min: 5, mode: 9, max: 30}, after: [a]}
      - {id: c, duration: {dist: normal, mean: 15, sd: 5}, after: [{id: a, type: SS, lag: 3}]}
      - {id: d, duration: {dist: lognormal, p10: 5, p90: 40}, after: [{id: b, type: FF, lag: 2}]}
      - {id: e, duration: {dist: discrete, values: [1, 10], weights: [1, 1]}, after: [c, d]}
      - {id: f, duration: {dist: uniform, min: 0, max: 4}, after: [{id: e, type: SF, lag: 5}]}
    milestones:
      - {id: done, after: [e, f], target: 2024-04-30}
)");

// Not a multiple of the chunk size, so the last chunk is a partial one.
constexpr std::uint64_t iterations = 3 * iterations_per_chunk + 1001;
static_assert(1001 < iterations_per_chunk);

TEST(Determinism, ResultsAreByteIdenticalForOneTwoAndFourThreads) {
    const std::string one = results_to_json(testing::forecast_of(every_kind, iterations, 42, 1));
    const std::string two = results_to_json(testing::forecast_of(every_kind, iterations, 42, 2));
    const std::string four = results_to_json(testing::forecast_of(every_kind, iterations, 42, 4));
    EXPECT_EQ(one, two);
    EXPECT_EQ(one, four);
}

TEST(Determinism, UnroundedStatisticsAreBitIdenticalAcrossThreadCounts) {
    const auto one = testing::forecast_of(every_kind, iterations, 9, 1);
    const auto three = testing::forecast_of(every_kind, iterations, 9, 3);
    for (std::size_t i = 0; i < one.activities.size(); ++i) {
        EXPECT_EQ(one.activities[i].mean_days, three.activities[i].mean_days);
        EXPECT_EQ(one.activities[i].sd_days, three.activities[i].sd_days);
    }
}

TEST(Determinism, TheSeedChangesTheSamples) {
    const auto a = testing::forecast_of(every_kind, 5000, 1);
    const auto b = testing::forecast_of(every_kind, 5000, 2);
    EXPECT_NE(a.milestones[0].mean_days, b.milestones[0].mean_days);
}

TEST(Determinism, AddingAnActivityLeavesOtherActivitiesSamplesUnchanged) {
    const std::string base = testing::plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: {dist: uniform, min: 1, max: 9}}
)");
    const std::string extended = base + R"(  - id: q
    category: other
    activities:
      - {id: z, duration: {dist: uniform, min: 1, max: 9}}
)";
    const auto before = testing::forecast_of(base, 2000, 5);
    const auto after = testing::forecast_of(extended, 2000, 5);
    EXPECT_EQ(testing::find(before.activities, "p.a").mean_days,
              testing::find(after.activities, "p.a").mean_days);
}

}  // namespace
}  // namespace pipesim
