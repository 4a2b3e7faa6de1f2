// Criticality index: the share of iterations in which an activity lies on the chain of
// driving links behind a milestone.

#include <gtest/gtest.h>

#include <cmath>

#include "report/results_json.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

Results tracked(const std::string& projects, std::uint64_t iterations, unsigned threads = 2) {
    RunSettings settings;
    settings.iterations = iterations;
    settings.seed = 43;
    settings.threads = threads;
    settings.drivers = true;
    return forecast(testing::network_from(testing::plan_with(projects)), settings);
}

double index_of(const FinishForecast& milestone, const std::string& activity) {
    for (const auto& driver : milestone.drivers.value().activities)
        if (driver.activity == activity) return driver.criticality.value();
    return 0.0;
}

TEST(Criticality, APathThatAlwaysDominatesIsCriticalAndTheOthersAreNot) {
    const Results results = tracked(R"(  - id: p
    category: rail
    activities:
      - {id: long1, duration: {dist: uniform, min: 50, max: 60}}
      - {id: long2, duration: {dist: uniform, min: 50, max: 60}, after: [long1]}
      - {id: short, duration: {dist: uniform, min: 10, max: 90}}
    milestones:
      - {id: done, after: [long2, short], target: 2024-12-31}
)",
                                    4000);
    const FinishForecast& done = testing::find(results.milestones, "p.done");
    EXPECT_EQ(index_of(done, "p.long1"), 1.0);
    EXPECT_EQ(index_of(done, "p.long2"), 1.0);
    EXPECT_EQ(index_of(done, "p.short"), 0.0);
}

TEST(Criticality, TwoSymmetricPathsAreCriticalHalfTheTime) {
    const std::uint64_t n = 40000;
    const Results results = tracked(R"(  - id: p
    category: rail
    activities:
      - {id: left, duration: {dist: triangular, min: 10, mode: 20, max: 50}}
      - {id: right, duration: {dist: triangular, min: 10, mode: 20, max: 50}}
    milestones:
      - {id: done, after: [left, right], target: 2024-12-31}
)",
                                    n);
    const FinishForecast& done = testing::find(results.milestones, "p.done");
    const double se = std::sqrt(0.25 / static_cast<double>(n));
    EXPECT_NEAR(index_of(done, "p.left"), 0.5, 4 * se);
    EXPECT_NEAR(index_of(done, "p.left") + index_of(done, "p.right"), 1.0, 1e-12);
}

TEST(Criticality, IsIdenticalForAnyThreadCount) {
    const std::string projects = R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: pert, min: 10, mode: 20, max: 60}}
      - {id: b, duration: {dist: pert, min: 10, mode: 25, max: 40}}
      - {id: c, duration: {dist: uniform, min: 5, max: 30}, after: [{id: a, type: FF, lag: 3}]}
    milestones:
      - {id: done, after: [b, c], target: 2024-03-01}
)";
    const std::string one = results_to_json(tracked(projects, 5000, 1));
    EXPECT_NE(one.find("\"criticality\""), std::string::npos);
    EXPECT_EQ(one, results_to_json(tracked(projects, 5000, 2)));
    EXPECT_EQ(one, results_to_json(tracked(projects, 5000, 3)));
}

}  // namespace
}  // namespace pipesim
