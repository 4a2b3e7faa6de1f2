#include "import/work_calendar.hpp"

#include <gtest/gtest.h>

#include "import/xer_calendar.hpp"

namespace pipesim::import {
namespace {

Date day(const char* iso) {
    return *Date::parse(iso);
}

const WorkCalendar five_days("week", {true, true, true, true, true, false, false}, 8);

TEST(WorkCalendar, AFiveDayWeekTurnsTenWorkingDaysIntoFourteen) {
    EXPECT_EQ(weekday(day("2024-01-01")), 0);  // a Monday
    EXPECT_EQ(five_days.calendar_days(day("2024-01-01"), 10), 14);
    EXPECT_EQ(five_days.calendar_days(day("2024-01-04"), 3), 5);  // Thursday to Tuesday
    EXPECT_EQ(five_days.calendar_days(day("2024-01-06"), 1), 1);  // Saturday: from Monday
    EXPECT_EQ(five_days.calendar_days(day("2024-01-01"), 2.5), 2.5);
    EXPECT_EQ(five_days.calendar_days(day("2024-01-01"), 0), 0);
}

TEST(WorkCalendar, HolidaysAndExtraWorkingDaysAreHonoured) {
    WorkCalendar calendar = five_days;
    calendar.add_holiday(day("2024-01-03"));
    calendar.add_working_day(day("2024-01-13"));                 // a Saturday worked
    EXPECT_EQ(calendar.calendar_days(day("2024-01-01"), 5), 8);  // to Tuesday 9th
    EXPECT_EQ(calendar.calendar_days(day("2024-01-08"), 6), 7);  // Saturday 13th counts
    EXPECT_EQ(calendar.next_working_day(day("2024-01-03")), day("2024-01-04"));
}

TEST(P6Calendar, ReadsWeekdaysAndExceptions) {
    std::vector<std::string> unsupported;
    const WorkCalendar calendar = read_p6_calendar(
        "four days",
        "(0||CalendarData()( (0||DaysOfWeek()( (0||1()()) (0||2()( (0||0(s|08:00|f|18:00)()))) "
        "(0||3()( (0||0(s|08:00|f|18:00)()))) (0||4()( (0||0(s|08:00|f|18:00)())))\x7f\x7f"
        "(0||5()( (0||0(s|08:00|f|18:00)()))) (0||6()()) (0||7()()))) (0||Exceptions()( "
        "(0||0(d|45292)()) (0||1(d|45298)( (0||0(s|08:00|f|12:00)())))))))",
        10, unsupported);
    EXPECT_TRUE(unsupported.empty());
    EXPECT_FALSE(calendar.works_on(day("2024-01-01")));  // serial 45292: a holiday
    EXPECT_TRUE(calendar.works_on(day("2024-01-04")));   // Thursday
    EXPECT_FALSE(calendar.works_on(day("2024-01-05")));  // Friday
    EXPECT_TRUE(calendar.works_on(day("2024-01-07")));   // serial 45298, a Sunday worked
    EXPECT_EQ(calendar.hours_per_day(), 10);
}

TEST(P6Calendar, UnreadableDataFallsBackToAFiveDayWeekWithAWarning) {
    std::vector<std::string> unsupported;
    const WorkCalendar calendar = read_p6_calendar("odd", "(0||Calendar", 8, unsupported);
    ASSERT_EQ(unsupported.size(), 1u);
    EXPECT_TRUE(calendar.works_on(day("2024-01-05")));
    EXPECT_FALSE(calendar.works_on(day("2024-01-06")));
}

}  // namespace
}  // namespace pipesim::import
