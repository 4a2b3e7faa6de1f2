// --until-se: the run stops after the first wave of chunks at which every p_on_time and
// p_reached has at most the requested standard error, at the same iteration for any
// thread count.

#include <gtest/gtest.h>

#include <cmath>

#include "report/results_json.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

// A milestone on time with probability 1/2: its standard error after n iterations is
// 0.5 / sqrt(n), so 0.005 needs 10,000 iterations, two waves of 8,192.
const std::string coin = testing::plan_with(R"(  - id: p
    category: road
    activities:
      - {id: a, duration: {dist: uniform, min: 0, max: 100}}
    milestones:
      - {id: done, after: [a], target: 2024-02-19}
)");

Results run_until(double se, unsigned threads, std::uint64_t cap = 1'000'000) {
    RunSettings settings;
    settings.iterations = cap;
    settings.seed = 31;
    settings.threads = threads;
    settings.until_se = se;
    return forecast(testing::network_from(coin), settings);
}

TEST(Convergence, StopsAtTheFirstWaveThatMeetsTheStandardError) {
    const Results results = run_until(0.005, 2);
    EXPECT_EQ(results.iterations, 2 * chunks_per_wave * iterations_per_chunk);
    const FinishForecast& done = testing::find(results.milestones, "p.done");
    EXPECT_LE(*done.p_on_time_se, 0.005);
    EXPECT_EQ(results.until_se, 0.005);
}

TEST(Convergence, StopsAtTheSameIterationForAnyThreadCount) {
    const std::string one = results_to_json(run_until(0.003, 1));
    EXPECT_EQ(one, results_to_json(run_until(0.003, 2)));
    EXPECT_EQ(one, results_to_json(run_until(0.003, 4)));
}

TEST(Convergence, TheIterationCountCapsTheRun) {
    const Results results = run_until(1e-5, 2, 20000);
    EXPECT_EQ(results.iterations, 20000u);
}

TEST(Convergence, RefusesAStandardErrorOutOfRange) {
    EXPECT_THROW(run_until(0.0, 1), InputError);
    EXPECT_THROW(run_until(0.7, 1), InputError);
}

}  // namespace
}  // namespace pipesim
