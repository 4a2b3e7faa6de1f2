#pragma once
// A Microsoft Project MSPDI export (<Project xmlns="http://schemas.microsoft.com/project">)
// as an imported schedule: Calendars (week days and exceptions), Tasks (summary tasks as
// WBS, milestones, constraints, progress, costs) and their PredecessorLinks.

#include <string>
#include <string_view>

#include "import/imported_schedule.hpp"

namespace pipesim::import {

// Throws InputError (file:line:column and reason) for text that is not an MSPDI export;
// what it can read but not map becomes a warning.
ImportedSchedule read_mspdi(std::string_view text, const std::string& file);

}  // namespace pipesim::import
