#include "core/date.hpp"

#include <gtest/gtest.h>

namespace pipesim {
namespace {

TEST(Date, ParsesAndPrintsIsoDates) {
    const auto date = Date::parse("2024-02-29");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->iso(), "2024-02-29");
    EXPECT_EQ(Date::parse("1970-01-01")->days_since_epoch(), 0);
    EXPECT_EQ(Date::parse("2024-12-31").value() - Date::parse("2024-01-01").value(), 365);
}

TEST(Date, RejectsDaysThatDoNotExist) {
    EXPECT_FALSE(Date::parse("2023-02-29"));
    EXPECT_FALSE(Date::parse("2024-13-01"));
    EXPECT_FALSE(Date::parse("2024-04-31"));
    EXPECT_FALSE(Date::parse("2024-00-10"));
}

TEST(Date, RejectsOtherSpellings) {
    EXPECT_FALSE(Date::parse("2024-1-01"));
    EXPECT_FALSE(Date::parse("2024/01/01"));
    EXPECT_FALSE(Date::parse("24-01-01"));
    EXPECT_FALSE(Date::parse("2024-01-01T00:00"));
    EXPECT_FALSE(Date::parse(""));
    EXPECT_FALSE(Date::parse("2024-0a-01"));
}

TEST(Date, WorkEndingAtTimeTEndsOnDayCeilTMinusOne) {
    EXPECT_EQ(day_index_of_time(0.0), 0);
    EXPECT_EQ(day_index_of_time(0.5), 0);
    EXPECT_EQ(day_index_of_time(1.0), 0);  // a one-day task started at t = 0 ends that day
    EXPECT_EQ(day_index_of_time(1.0000001), 1);
    EXPECT_EQ(day_index_of_time(366.0), 365);
}

TEST(Date, DeadlineIsTheEndOfTheTargetDay) {
    const Date start = *Date::parse("2024-01-01");
    EXPECT_DOUBLE_EQ(deadline_time(start, start), 1.0);
    EXPECT_DOUBLE_EQ(deadline_time(start, *Date::parse("2024-12-31")), 366.0);
    // The deadline and the day rule agree: a finish at the deadline is on the target day.
    EXPECT_EQ(day_index_of_time(deadline_time(start, *Date::parse("2024-03-01"))),
              *Date::parse("2024-03-01") - start);
}

}  // namespace
}  // namespace pipesim
