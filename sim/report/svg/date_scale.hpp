#pragma once
// Calendar days onto a length on the page. A day is a span, from its start to its end: a
// milestone is on time when it lands on or before its target day, so a target line is
// drawn at the end of that day, and so are the quantile dates.

#include <string>
#include <vector>

#include "core/date.hpp"

namespace pipesim::svg {

struct DateTick {
    Date day;  // drawn at its start
    std::string label;
};

// The first day of the day's calendar month.
Date first_of_month(Date day);

class DateScale {
  public:
    // The days first..last (both whole) onto [from, to]; at least one day.
    DateScale(Date first, Date last, double from, double to);

    double start_of(Date day) const;
    double end_of(Date day) const { return start_of(day.plus_days(1)); }
    Date first() const { return first_; }
    Date last() const { return last_; }
    // At most `count` ticks on calendar boundaries: days, Mondays, month starts every 1, 2,
    // 3 or 6 months (quarters start in January, April, July, October), or year starts.
    // Labels are "2024-04-15", "2024-04" or "2024".
    std::vector<DateTick> ticks(int count) const;

  private:
    Date first_, last_;
    double from_, to_;
};

}  // namespace pipesim::svg
