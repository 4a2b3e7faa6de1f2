#pragma once
// A working calendar of the planning tool a schedule comes from: the weekdays worked and
// the exceptions (holidays off, extra days worked). pipesim counts calendar days, so work
// given in working days is turned into the calendar days it spans.

#include <array>
#include <set>
#include <string>

#include "core/date.hpp"

namespace pipesim::import {

// The longest work or lag an imported schedule may state: a century of working days. A
// longer one is a corrupt or mistyped file, and counting it out day by day would not end.
constexpr double longest_span_working_days = 36500;

// Monday = 0 ... Sunday = 6.
int weekday(Date day);

class WorkCalendar {
  public:
    WorkCalendar() = default;  // every day worked, 8 hours a day
    WorkCalendar(std::string name, std::array<bool, 7> weekdays, double hours_per_day);

    void add_holiday(Date day) { holidays_.insert(day); }
    void add_working_day(Date day) { extra_days_.insert(day); }

    const std::string& name() const { return name_; }
    double hours_per_day() const { return hours_per_day_; }
    bool works_on(Date day) const;
    // The first working day on or after `day`.
    Date next_working_day(Date day) const;
    // The calendar days that `working_days` of work span when it starts on the first working
    // day on or after `from`: up to the next working day after the last whole day of work,
    // so a successor starts when the tool would start it (a five-day week turns 10 working
    // days into 14 calendar days). A fraction of a day adds that fraction of a day.
    double calendar_days(Date from, double working_days) const;

  private:
    std::string name_ = "every day";
    std::array<bool, 7> weekdays_{true, true, true, true, true, true, true};
    double hours_per_day_ = 8;
    std::set<Date> holidays_;
    std::set<Date> extra_days_;
};

}  // namespace pipesim::import
