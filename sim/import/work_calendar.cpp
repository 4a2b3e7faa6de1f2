#include "import/work_calendar.hpp"

#include <cmath>

#include "core/error.hpp"

namespace pipesim::import {
namespace {

// A calendar that never works would loop for ever; a year without a working day is one.
constexpr int longest_idle_stretch = 366;

}  // namespace

int weekday(Date day) {
    // 1970-01-01, day 0, was a Thursday.
    const int shifted = (day.days_since_epoch() + 3) % 7;
    return shifted < 0 ? shifted + 7 : shifted;
}

WorkCalendar::WorkCalendar(std::string name, std::array<bool, 7> weekdays, double hours_per_day)
    : name_(std::move(name)), weekdays_(weekdays), hours_per_day_(hours_per_day) {}

bool WorkCalendar::works_on(Date day) const {
    if (extra_days_.contains(day)) return true;
    if (holidays_.contains(day)) return false;
    return weekdays_[static_cast<std::size_t>(weekday(day))];
}

Date WorkCalendar::next_working_day(Date day) const {
    for (int step = 0; step < longest_idle_stretch; ++step, day = day.plus_days(1))
        if (works_on(day)) return day;
    throw InputError({}, name_, "the calendar has no working day in the year from " + day.iso());
}

double WorkCalendar::calendar_days(Date from, double working_days) const {
    if (working_days <= 0) return 0;
    const Date first = next_working_day(from);
    const auto whole = static_cast<long>(std::floor(working_days));
    const double fraction = working_days - static_cast<double>(whole);
    Date day = first;
    for (long done = 0; done < whole; ++done) day = next_working_day(day.plus_days(1));
    return static_cast<double>(day - first) + fraction;
}

}  // namespace pipesim::import
