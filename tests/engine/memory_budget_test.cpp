// A run that would not fit in memory is refused up front with the sizes, not started.

#include "engine/memory_budget.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace pipesim {
namespace {

TEST(MemoryBudget, HistogramsGrowWithNodesDaysAndWorkers) {
    // 1,000 nodes x (365 + 1) day bins x 4 bytes x (2 workers + merged + summary).
    EXPECT_EQ(histogram_bytes(1000, 365, 2), 1000u * 366 * 4 * 4);
    EXPECT_EQ(histogram_bytes(300'000, 2557, 2), 300'000ull * 2558 * 4 * 4);
}

// A billion iterations of 20 promises, as a comparison keeps them: 2.5 GB a run.
TEST(MemoryBudget, OutcomeBitsGrowWithPromisesAndIterations) {
    EXPECT_EQ(outcome_bytes(20, 1'000'000'000), 20u * 15'625'000 * 8);
    EXPECT_EQ(outcome_bytes(3, 65), 3u * 2 * 8);  // whole 64-bit words
    EXPECT_EQ(outcome_bytes(0, 1'000'000'000), 0u);
}

TEST(MemoryBudget, ARunLargerThanTheMachineIsRefusedWithTheSizes) {
    EXPECT_NO_THROW(require_memory({1u << 30, 0}, 2u << 30));
    try {
        require_memory({std::uint64_t{40} << 30, 0}, std::uint64_t{16} << 30);
        FAIL() << "a 40 GiB run passed on a 16 GiB machine";
    } catch (const InputError& error) {
        const std::string reason = error.problems().front().reason;
        EXPECT_NE(reason.find("40.0 GiB"), std::string::npos) << reason;
        EXPECT_NE(reason.find("16.0 GiB"), std::string::npos) << reason;
        EXPECT_NE(reason.find("fewer --threads"), std::string::npos) << reason;
        EXPECT_EQ(reason.find("promise"), std::string::npos) << reason;
    }
}

TEST(MemoryBudget, OutcomeBitsCountWithTheHistograms) {
    EXPECT_NO_THROW(
        require_memory({std::uint64_t{1} << 30, std::uint64_t{1} << 30}, std::uint64_t{2} << 30));
    try {
        require_memory({std::uint64_t{1} << 30, std::uint64_t{5} << 30}, std::uint64_t{4} << 30);
        FAIL() << "6 GiB passed on a 4 GiB machine";
    } catch (const InputError& error) {
        const std::string reason = error.problems().front().reason;
        EXPECT_NE(reason.find("about 6.0 GiB"), std::string::npos) << reason;
        EXPECT_NE(reason.find("5.0 GiB for whether each iteration met each promise"),
                  std::string::npos)
            << reason;
        EXPECT_NE(reason.find("fewer --iterations"), std::string::npos) << reason;
    }
}

}  // namespace
}  // namespace pipesim
