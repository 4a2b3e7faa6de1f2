#pragma once
// A scenario read with some of its numbers changed: a sweep point, or a variant that
// `extends` a base scenario. Numbers are replaced in the text itself, so the loader checks
// the new values like any other and its problems keep the file's own lines; duration
// scale factors are applied to the durations read.

#include <string>
#include <string_view>
#include <vector>

#include "io/scenario_loader.hpp"

namespace pipesim {

struct Override {
    std::string path;  // see io/scenario_paths.hpp
    double value;
    SourceLocation where;  // of the override (a variant's `set:` entry); none on a command line
    std::string origin;    // how messages name it: "--vary", "set"
};

// A value given on the command line as --vary PATH=…
inline Override vary_override(std::string path, double value) {
    Override o;
    o.path = std::move(path);
    o.value = value;
    o.origin = "--vary";
    return o;
}

// Problems of the overrides (an unknown path, with the closest ones; a path set twice; a
// scale that is not above 0) name the override; the scenario's name the file.
ScenarioReading read_with_overrides(std::string_view text, const std::string& source,
                                    const std::vector<Override>& overrides);

// A problem for each override whose path names no number or scale of the text: checked
// before any run, so that a mistyped path stops a sweep at once.
ProblemList unknown_paths(std::string_view text, const std::string& source,
                          const std::vector<Override>& overrides);

// Every path the text's numbers and ids make possible, in file order, then scale paths.
std::vector<std::string> overridable_paths(std::string_view text, const std::string& source);

}  // namespace pipesim
