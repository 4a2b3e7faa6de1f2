// A run shared by several processes, each a contiguous share of the chunks, gives the very
// tallies and files of one process, whatever the number of processes: the first merges
// the floating-point sums chunk by chunk in chunk order, as one process does.

#include <gtest/gtest.h>

#include "engine/run_share.hpp"
#include "engine/scenario_run.hpp"
#include "report/run_outputs.hpp"
#include "stats/tally_bytes.hpp"
#include "support/scenarios.hpp"
#include "support/thread_group.hpp"

namespace pipesim {
namespace {

const std::string default_scenario = PIPESIM_SCENARIO_DIR "/qianjiang-2024.yaml";

// Four chunks, the last a partial one: five processes leave one without a chunk.
constexpr std::uint64_t iterations = 3 * iterations_per_chunk + 1001;

RunSettings settings_of(std::uint64_t n) {
    RunSettings settings;
    settings.iterations = n;
    settings.seed = 11;
    settings.threads = 1;
    return settings;
}

// Every process's tallies as bytes, in rank order.
std::vector<std::string> shared_tallies(const Network& network, RunSettings settings,
                                        std::size_t processes) {
    testing::ThreadGroup group(processes);
    return group.run<std::string>([&](const ProcessGroup& members) {
        RunSettings mine = settings;
        mine.processes = &members;
        return tallies_to_bytes(simulate(network, mine));
    });
}

class SharedRun : public ::testing::TestWithParam<std::size_t> {};

TEST_P(SharedRun, EveryProcessHoldsTheTalliesOfOneProcess) {
    const Network network = compile_network(load_scenario(default_scenario));
    RunSettings settings = settings_of(iterations);
    settings.drivers = true;  // criticality counts
    settings.record_outcomes = true;
    const std::string alone = tallies_to_bytes(simulate(network, settings));
    for (const std::string& tallies : shared_tallies(network, settings, GetParam()))
        EXPECT_EQ(tallies, alone);
}

INSTANTIATE_TEST_SUITE_P(Processes, SharedRun, ::testing::Values(2, 3, 5));

// The runs below are whole forecasts, slow under the sanitizers: five processes, the
// hardest case (shares of unequal length, the last with no chunk), stand for the others.
constexpr std::size_t processes = 5;

TEST(SharedRun, StopsAtTheSameWaveAsOneProcess) {
    const Network network = compile_network(load_scenario(default_scenario));
    RunSettings settings = settings_of(1'000'000);
    settings.until_se = 0.004;
    const Tallies alone = simulate(network, settings);
    ASSERT_GT(alone.iterations, chunks_per_wave * iterations_per_chunk);  // more than one wave
    ASSERT_LT(alone.iterations, settings.iterations);                     // and stopped early
    for (const std::string& tallies : shared_tallies(network, settings, processes))
        EXPECT_EQ(tallies, tallies_to_bytes(alone));
}

// Drivers (a sensitivity replay, a replay per risk) and the mitigation comparison: every
// file `pipesim run` writes.
TEST(SharedRun, WritesTheFilesOfOneProcess) {
    const Scenario scenario = load_scenario(default_scenario);
    RunSettings settings = settings_of(iterations);
    settings.drivers = true;
    const auto files_of = [&](const RunSettings& s) {
        std::string all;
        for (const OutputFile& file : run_output_files(run_scenario(scenario, s, {}), 20))
            all += file.name + "\n" + file.text;
        return all;
    };
    const std::string alone = files_of(settings);
    testing::ThreadGroup group(processes);
    const auto shared = group.run<std::string>([&](const ProcessGroup& members) {
        RunSettings mine = settings;
        mine.processes = &members;
        return files_of(mine);
    });
    for (const std::string& files : shared) EXPECT_EQ(files, alone);
}

TEST(SharedRun, SplitsTheChunksContiguouslyInRankOrder) {
    EXPECT_EQ(share_of(0, 10, 0, 3).first, 0u);
    EXPECT_EQ(share_of(0, 10, 0, 3).last, 3u);
    EXPECT_EQ(share_of(0, 10, 1, 3).last, 6u);
    EXPECT_EQ(share_of(0, 10, 2, 3).last, 10u);
    EXPECT_EQ(share_of(8, 9, 0, 2).last, 8u);  // a process may have no chunk
    EXPECT_EQ(share_of(8, 9, 1, 2).first, 8u);
}

TEST(SharedRun, RefusesAShareThatDoesNotContinueTheMergedChunks) {
    const Network network = compile_network(load_scenario(default_scenario));
    Tallies total = simulate(network, settings_of(1000));
    ByteWriter out;
    TallyBytes::header(out, 'R');
    out.u64(5);  // first chunk
    out.u64(1);
    std::uint64_t merged_chunks = 0;
    try {
        merge_share(out.bytes(), {total.moments, total.ledger_sums}, merged_chunks, total);
        FAIL() << "a share starting at chunk 5 was merged first";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(),
                     "a process's share of the run, first chunk: is 5 where chunk 0 comes next");
    }
}

}  // namespace
}  // namespace pipesim
