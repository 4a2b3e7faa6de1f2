#pragma once
// A Primavera P6 XER export as an imported schedule: PROJECT (dates, data date),
// PROJWBS (the WBS tree), CALENDAR (working weeks and holidays), TASK (activities,
// milestones, constraints, progress), TASKPRED (links with lags) and TASKRSRC (costs).

#include <string>
#include <string_view>

#include "import/imported_schedule.hpp"

namespace pipesim::import {

// Throws InputError (file:line, the table and the reason) for a file that is not a
// usable XER export; what it can read but not map becomes a warning.
ImportedSchedule read_xer(std::string_view text, const std::string& file);

}  // namespace pipesim::import
