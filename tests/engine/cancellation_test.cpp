// A raised cancel flag stops a run between chunks: simulate() throws RunCancelled instead
// of returning tallies of part of the iterations, and no chunk starts once it is seen.

#include <gtest/gtest.h>

#include "engine/cancellation.hpp"
#include "engine/forecast.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::string chain = testing::plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: {dist: triangular, min: 1, mode: 5, max: 20}}
      - {id: b, duration: {dist: pert, min: 2, mode: 4, max: 9}, after: [a]}
    milestones:
      - {id: done, after: [b], target: 2024-01-15}
)");

TEST(Cancellation, ARaisedFlagStopsTheRunBeforeAnyChunk) {
    const std::atomic<bool> cancel{true};
    RunSettings settings;
    settings.iterations = 100 * iterations_per_chunk;
    settings.cancel = &cancel;
    std::uint64_t merged = 0;
    settings.on_progress = [&](std::uint64_t done) { merged = done; };
    EXPECT_THROW(simulate(testing::network_from(chain), settings), RunCancelled);
    EXPECT_EQ(merged, 0u);
}

TEST(Cancellation, RaisingTheFlagMidRunStopsWithinTheChunksUnderWay) {
    std::atomic<bool> cancel{false};
    RunSettings settings;
    settings.iterations = 1000 * iterations_per_chunk;
    settings.threads = 2;
    settings.cancel = &cancel;
    std::uint64_t merged = 0;
    settings.on_progress = [&](std::uint64_t done) {
        merged = done;
        if (done == 3 * iterations_per_chunk) cancel = true;
    };
    EXPECT_THROW(simulate(testing::network_from(chain), settings), RunCancelled);
    // At most one token per thread and pipeline stage was in flight when it was raised.
    EXPECT_LE(merged, (3 + 2 * 2) * iterations_per_chunk);
}

TEST(Cancellation, TheSensitivityReplayStopsToo) {
    const std::atomic<bool> cancel{true};
    RunSettings settings;
    settings.iterations = 4 * iterations_per_chunk;
    settings.drivers = true;
    const Network network = testing::network_from(chain);
    const Tallies tallies = simulate(network, settings);
    settings.cancel = &cancel;
    EXPECT_THROW(replay_for_sensitivity(network, settings, tallies), RunCancelled);
}

TEST(Cancellation, AFlagNeverRaisedChangesNothing) {
    const std::atomic<bool> cancel{false};
    RunSettings settings;
    settings.iterations = 3000;
    const Results plain = forecast(testing::network_from(chain), settings);
    settings.cancel = &cancel;
    const Results watched = forecast(testing::network_from(chain), settings);
    EXPECT_EQ(plain.milestones[0].p_on_time, watched.milestones[0].p_on_time);
    EXPECT_EQ(plain.milestones[0].mean_days, watched.milestones[0].mean_days);
}

}  // namespace
}  // namespace pipesim
