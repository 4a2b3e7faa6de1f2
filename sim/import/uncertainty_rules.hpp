#pragma once
// How the single-point durations of an imported schedule become ranges: rules that pick
// activities by code, WBS path or name (shell-style patterns, first match wins) and give a
// shape and the spread below and above the file's duration; a default for the rest.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "import/imported_schedule.hpp"
#include "model/distribution.hpp"

namespace pipesim::import {

enum class RangeShape { triangular, pert, uniform, fixed };

struct UncertaintyRule {
    std::string code;  // patterns; empty matches everything
    std::string wbs;   // matched against the WBS codes joined by '/'
    std::string name;
    RangeShape shape = RangeShape::triangular;
    double low = -0.10;  // fractions of the duration: -10% ...
    double high = 0.25;  // ... to +25%
    SourceLocation where;
};

struct UncertaintyRules {
    UncertaintyRule fallback;  // the default: triangular -10% / +25%
    std::vector<UncertaintyRule> rules;

    const UncertaintyRule& rule_for(const ImportedActivity& activity) const;
};

// '*' matches any run of characters, '?' any one; case-sensitive.
bool matches_pattern(std::string_view pattern, std::string_view text);

// The range a rule gives around `days` (a duration in calendar days).
Distribution range_around(const UncertaintyRule& rule, double days);

// The RULES file (YAML, see docs/import.md). Throws InputError with file:line:column.
UncertaintyRules read_uncertainty_rules(std::string_view text, const std::string& file);

}  // namespace pipesim::import
