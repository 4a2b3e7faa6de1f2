#pragma once
// The one entry point of an import: a schedule file's text, in whichever of the formats
// it is (P6 XER or MS Project MSPDI XML), as a scenario.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "import/uncertainty_rules.hpp"

namespace pipesim::import {

struct ImportResult {
    std::string yaml;               // the scenario
    std::vector<Problem> warnings;  // what could not be mapped, with where it stands
};

// Throws InputError for text that is neither format, or malformed as the one it claims.
ImportResult import_schedule(std::string_view text, const std::string& file,
                             const UncertaintyRules& rules);

}  // namespace pipesim::import
