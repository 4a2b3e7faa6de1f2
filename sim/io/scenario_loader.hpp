#pragma once
// Reads a scenario file (YAML, described in docs/scenario-format.md) into a Scenario,
// checking everything it can and collecting every problem with its file, line and column.

#include <filesystem>
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

// Never throws for bad content: problems are collected in the result.
ScenarioReading read_scenario_text(std::string_view text, const std::string& source_name);
ScenarioReading read_scenario_file(const std::filesystem::path& file);

// Reads and requires a valid scenario; throws InputError listing every problem.
Scenario load_scenario(const std::filesystem::path& file);

}  // namespace pipesim
