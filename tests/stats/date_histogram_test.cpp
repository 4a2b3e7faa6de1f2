#include "stats/date_histogram.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace pipesim {
namespace {

const Date start = *Date::parse("2024-01-01");

TEST(DateHistogram, ShortRangesKeepWholeDays) {
    // Days 0..9 then the beyond bin; counts on days 3, 4 and 8.
    const std::vector<std::uint32_t> days{0, 0, 0, 5, 1, 0, 0, 0, 2, 0, 7};
    const DateHistogram h = binned_dates(days, start);
    EXPECT_EQ(h.first, start.plus_days(3));
    EXPECT_EQ(h.bin_days, 1);
    EXPECT_EQ(h.counts, (std::vector<std::uint64_t>{5, 1, 0, 0, 0, 2}));
    EXPECT_EQ(h.beyond, 7u);
}

TEST(DateHistogram, LongRangesUseWeeksThenFourWeekBinsAndKeepEveryCount) {
    for (const std::size_t span : {61u, 420u, 421u, 900u}) {
        std::vector<std::uint32_t> days(span + 11, 0);
        for (std::size_t d = 10; d < 10 + span; ++d) days[d] = static_cast<std::uint32_t>(d % 3);
        days[10] = 1;
        days[10 + span - 1] = 1;
        const DateHistogram h = binned_dates(days, start);
        EXPECT_EQ(h.first, start.plus_days(10));
        EXPECT_TRUE(h.bin_days % 7 == 0 && (h.bin_days <= 14 || h.bin_days % 28 == 0))
            << h.bin_days;
        EXPECT_LE(h.counts.size(), chart_bins) << span;
        EXPECT_EQ(std::accumulate(h.counts.begin(), h.counts.end(), std::uint64_t{0}),
                  std::accumulate(days.begin(), days.end() - 1, std::uint64_t{0}));
    }
}

TEST(DateHistogram, NothingWithinTheHorizonGivesNoBins) {
    const std::vector<std::uint32_t> days{0, 0, 0, 4};
    const DateHistogram h = binned_dates(days, start);
    EXPECT_TRUE(h.counts.empty());
    EXPECT_EQ(h.beyond, 4u);
}

}  // namespace
}  // namespace pipesim
