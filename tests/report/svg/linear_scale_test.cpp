#include "report/svg/linear_scale.hpp"

#include <gtest/gtest.h>

namespace pipesim::svg {
namespace {

TEST(NiceStep, IsOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(nice_step(10, 5), 2);
    EXPECT_DOUBLE_EQ(nice_step(7, 5), 2);
    EXPECT_DOUBLE_EQ(nice_step(100, 4), 50);
    EXPECT_DOUBLE_EQ(nice_step(1, 5), 0.2);
    EXPECT_DOUBLE_EQ(nice_step(0.3, 3), 0.1);
    EXPECT_DOUBLE_EQ(nice_step(12000, 5), 5000);
    EXPECT_DOUBLE_EQ(nice_step(0, 5), 1);  // an empty span still has a step
}

TEST(LinearScale, MapsTheDomainOntoTheRangeEitherWay) {
    const LinearScale up(0, 100, 200, 0);  // y grows downwards on the page
    EXPECT_DOUBLE_EQ(up(0), 200);
    EXPECT_DOUBLE_EQ(up(25), 150);
    EXPECT_DOUBLE_EQ(up(100), 0);
    const LinearScale across(-1, 1, 10, 110);
    EXPECT_DOUBLE_EQ(across(0), 60);
}

TEST(LinearScale, WidensAnEmptyDomain) {
    const LinearScale flat(5, 5, 0, 100);
    EXPECT_LT(flat.low(), 5);
    EXPECT_GT(flat.high(), 5);
    EXPECT_DOUBLE_EQ(flat(5), 50);
}

TEST(LinearScale, NiceDomainEndsOnTicks) {
    const auto scale = LinearScale::nice(3, 97, 0, 1, 5);
    EXPECT_DOUBLE_EQ(scale.low(), 0);
    EXPECT_DOUBLE_EQ(scale.high(), 100);
    const auto money = LinearScale::nice(0, 2587.3, 0, 1, 5);
    EXPECT_DOUBLE_EQ(money.high(), 3000);
}

TEST(LinearScale, TicksAreExactMultiplesOfTheStep) {
    const auto ticks = LinearScale(0, 1, 0, 100).ticks(5);
    ASSERT_EQ(ticks.size(), 6u);
    EXPECT_EQ(tick_label(ticks[3], 0.2), "0.6");
    EXPECT_DOUBLE_EQ(ticks[5], 1.0);
    const auto wide = LinearScale(-30, 70, 0, 1).ticks(4);
    // Steps of 50 over [-30, 70]: only 0 and 50 lie inside.
    EXPECT_EQ(wide, (std::vector<double>{0, 50}));
}

TEST(TickLabel, ShowsJustEnoughDecimals) {
    EXPECT_EQ(tick_label(2000, 500), "2000");
    EXPECT_EQ(tick_label(0.5, 0.5), "0.5");
    EXPECT_EQ(tick_label(0.25, 0.05), "0.25");
    EXPECT_EQ(tick_label(-0.0, 1), "0");
}

}  // namespace
}  // namespace pipesim::svg
