#pragma once
// A schedule as another planning tool exported it, in that tool's terms (working days,
// calendars, WBS, constraints, progress), before it becomes a scenario. The XER and MSPDI
// readers fill it; the scenario writer turns it into pipesim's calendar days.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "import/work_calendar.hpp"
#include "model/scenario.hpp"

namespace pipesim::import {

enum class ImportedKind { work, start_milestone, finish_milestone };

struct ImportedActivity {
    std::string key;   // the file's own id of the activity, as links name it
    std::string code;  // the planner's activity code, e.g. "A1010"
    std::string name;
    std::vector<std::string> wbs;  // WBS path from the top, by code: {"RAIL", "CIVIL"}
    std::vector<std::string> wbs_names;
    ImportedKind kind = ImportedKind::work;
    double working_days = 0;            // the planned (original) duration
    std::size_t calendar = 0;           // index into ImportedSchedule::calendars
    std::optional<Date> planned_start;  // the file's own schedule: where spans are counted from
    std::optional<Date> start_no_earlier_than;
    std::optional<Date> finish_no_later_than;  // becomes a target
    std::optional<Date> actual_start;
    std::optional<Date> actual_finish;
    std::optional<double> remaining_working_days;  // work in progress
    std::optional<double> cost;
    SourceLocation where;
};

struct ImportedLink {
    std::string predecessor;  // keys
    std::string successor;
    LinkType type = LinkType::fs;
    double lag_working_days = 0;
    SourceLocation where;
};

struct ImportedSchedule {
    std::string name;
    Date start;
    std::optional<Date> status_date;      // the data date, when the file records progress
    Date finish;                          // the file's planned finish, for the horizon
    std::vector<WorkCalendar> calendars;  // at least one: the project's default is first
    std::vector<ImportedActivity> activities;
    std::vector<ImportedLink> links;
    std::string currency;
    // What could not be mapped, with the line or element it was found at.
    std::vector<Problem> warnings;
};

}  // namespace pipesim::import
