#pragma once
// An imported schedule written as a pipesim scenario (YAML): WBS elements become projects,
// working days become the calendar days they span, constraints become start-no-earlier-
// than dates and targets, and each duration a range by the uncertainty rules. The text is
// a function of its inputs alone (file order, no clock), so an import can be repeated.

#include <string>
#include <vector>

#include "import/imported_schedule.hpp"
#include "import/uncertainty_rules.hpp"

namespace pipesim::import {

// `source` names the file in the header comment; adjustments made so the scenario is
// valid (a status date moved past actual dates ...) are added to `warnings`.
std::string write_scenario(const ImportedSchedule& schedule, const UncertaintyRules& rules,
                           const std::string& source, std::vector<Problem>& warnings);

}  // namespace pipesim::import
