#include "report/svg/date_scale.hpp"

#include <gtest/gtest.h>

namespace pipesim::svg {
namespace {

Date day(const char* iso) {
    return *Date::parse(iso);
}

std::vector<std::string> labels(const std::vector<DateTick>& ticks) {
    std::vector<std::string> text;
    for (const auto& tick : ticks) text.push_back(tick.label);
    return text;
}

TEST(DateScale, ADayRunsFromItsStartToItsEnd) {
    const DateScale year(day("2024-01-01"), day("2024-12-31"), 0, 366);  // a leap year
    EXPECT_DOUBLE_EQ(year.start_of(day("2024-01-01")), 0);
    EXPECT_DOUBLE_EQ(year.end_of(day("2024-01-01")), 1);
    EXPECT_DOUBLE_EQ(year.start_of(day("2024-07-01")), 182);
    EXPECT_DOUBLE_EQ(year.end_of(day("2024-12-31")), 366);
}

TEST(DateScale, TicksAtMonthStartsThenQuartersHalfYearsAndYears) {
    const DateScale year(day("2024-01-01"), day("2024-12-31"), 0, 1000);
    EXPECT_EQ(year.ticks(12).size(), 12u);
    EXPECT_EQ(year.ticks(12).front().label, "2024-01");
    EXPECT_EQ(labels(year.ticks(4)),
              (std::vector<std::string>{"2024-01", "2024-04", "2024-07", "2024-10"}));
    EXPECT_EQ(labels(year.ticks(2)), (std::vector<std::string>{"2024-01", "2024-07"}));
    EXPECT_EQ(labels(year.ticks(1)), (std::vector<std::string>{"2024"}));
    const DateScale three_years(day("2024-01-01"), day("2026-12-31"), 0, 1000);
    EXPECT_EQ(labels(three_years.ticks(5)), (std::vector<std::string>{"2024", "2025", "2026"}));
}

TEST(DateScale, MonthTicksSkipAMonthThatStartedBeforeTheScale) {
    const DateScale scale(day("2024-03-15"), day("2024-06-20"), 0, 100);
    EXPECT_EQ(labels(scale.ticks(6)), (std::vector<std::string>{"2024-04", "2024-05", "2024-06"}));
    EXPECT_EQ(scale.ticks(6).front().day, day("2024-04-01"));
}

TEST(DateScale, ShortSpansTickByDayOrOnMondays) {
    const DateScale days(day("2024-03-01"), day("2024-03-05"), 0, 100);
    EXPECT_EQ(labels(days.ticks(10)),
              (std::vector<std::string>{"2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04",
                                        "2024-03-05"}));
    const DateScale weeks(day("2024-03-01"), day("2024-04-10"), 0, 100);
    const auto mondays = weeks.ticks(8);
    ASSERT_FALSE(mondays.empty());
    EXPECT_EQ(mondays.front().day, day("2024-03-04"));  // the first Monday
    for (const auto& tick : mondays) EXPECT_EQ((tick.day.days_since_epoch() + 3) % 7, 0);
}

TEST(DateScale, NeverMoreTicksThanAskedFor) {
    const DateScale scale(day("2020-01-01"), day("2035-12-31"), 0, 100);
    for (int count = 1; count <= 20; ++count)
        EXPECT_LE(scale.ticks(count).size(), static_cast<std::size_t>(count)) << count;
}

TEST(FirstOfMonth, KeepsYearAndMonth) {
    EXPECT_EQ(first_of_month(day("2024-02-29")), day("2024-02-01"));
    EXPECT_EQ(first_of_month(day("2025-12-01")), day("2025-12-01"));
}

}  // namespace
}  // namespace pipesim::svg
