#pragma once
// A scenario read with some of its numbers changed: a sweep point, or a variant that
// `extends` a base scenario. Numbers are replaced in the text itself, so the loader checks
// the new values like any other and its problems keep the file's own lines; duration
// scale factors are applied to the durations read.

#include <filesystem>
#include <optional>
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

// A scenario's text as overrides apply to it: a full scenario's own, or, for a variant
// that `extends` a base, the base's text with the variant's `set:` entries and name.
struct ScenarioText {
    std::string text;
    std::string source;               // the file the text is read from: a variant's base
    std::string file;                 // the file named, which the scenario gives as its source
    std::vector<Override> set;        // a variant's `set:` entries
    std::optional<std::string> name;  // a variant's name for the plan
};

// A full scenario's text, read from `source`.
inline ScenarioText scenario_text_of(std::string text, const std::string& source) {
    return {std::move(text), source, source, {}, std::nullopt};
}

// Throws InputError when the file cannot be read, or is a variant whose own lines are
// faulty or whose base cannot be read. Problems of the scenario itself come with its
// readings.
ScenarioText read_scenario_text_file(const std::filesystem::path& file);

// The scenario with the variant's entries, then `overrides`: an override of a path the
// variant sets replaces the variant's value.
ScenarioReading read_with_overrides(const ScenarioText& scenario,
                                    const std::vector<Override>& overrides);

// A problem for each override whose path names no number or scale of the text: checked
// before any run, so that a mistyped path stops a sweep at once.
ProblemList unknown_paths(std::string_view text, const std::string& source,
                          const std::vector<Override>& overrides);

// Every path the text's numbers and ids make possible, in file order, then scale paths.
std::vector<std::string> overridable_paths(std::string_view text, const std::string& source);

}  // namespace pipesim
