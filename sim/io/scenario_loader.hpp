#pragma once
// Reads a scenario file (YAML, described in docs/scenario-format.md) into a Scenario,
// checking everything it can and collecting every problem with its file, line and column.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "model/scenario.hpp"

namespace pipesim {

// Files larger than this are refused before parsing: a 10,000-activity plan is ~1 MB, and
// yaml-cpp needs about 90 bytes of memory and 2 microseconds per byte of input.
inline constexpr std::uintmax_t max_scenario_file_bytes = 16u << 20;

struct ScenarioReading {
    Scenario scenario;     // every part that could be read; faulty parts are left out
    ProblemList problems;  // empty when the file is a valid scenario
};

// The bytes of a scenario file, refused (with a problem) when it is missing, not a regular
// file, larger than max_scenario_file_bytes or unreadable.
std::optional<std::string> read_scenario_bytes(const std::filesystem::path& file,
                                               ProblemList& problems);

// Never throws for bad content: problems are collected in the result. A file that
// `extends` a base scenario is read as that base with the variant's changes (see
// io/variant_reader.hpp).
ScenarioReading read_scenario_text(std::string_view text, const std::string& source_name);
ScenarioReading read_scenario_file(const std::filesystem::path& file);

// Whether the text is a variant that `extends` another scenario.
bool is_variant(std::string_view text);

// Reads and requires a valid scenario; throws InputError listing every problem.
Scenario load_scenario(const std::filesystem::path& file);

}  // namespace pipesim
