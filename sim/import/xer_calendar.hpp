#pragma once
// A P6 calendar's `clndr_data`: nested "(0||Name(attributes)(children))" groups holding
// the hours of each weekday ("DaysOfWeek", 1 = Sunday) and the exceptions ("Exceptions",
// days counted from 1899-12-30: without hours a holiday, with hours a day worked).

#include <string>
#include <string_view>
#include <vector>

#include "import/work_calendar.hpp"

namespace pipesim::import {

// What the data says, as a calendar; `unsupported` gets a line for each feature that
// cannot be kept (e.g. no weekdays given: Monday to Friday is taken).
WorkCalendar read_p6_calendar(std::string name, std::string_view data, double hours_per_day,
                              std::vector<std::string>& unsupported);

}  // namespace pipesim::import
