#pragma once
// What pipesim does with the bytes of a file it did not write, or with command-line
// arguments a script may have built, in one call per reader: the
// fuzz targets feed these random bytes, and the regression tests the inputs that once broke
// them. Each returns normally for any input; a crash, hang, leak, sanitizer report or an
// exception other than InputError is a bug.

#include <string_view>

namespace pipesim::fuzz {

// Loads and validates a scenario and, when it is valid, compiles its network.
// Returns whether the network compiled.
bool read_untrusted_scenario(std::string_view text);

// Takes each line as the PATH=VALUES of a `--vary` and, when all parse, makes the sweep's
// points both ways (a grid, one at a time) and reads a small built-in scenario with the
// first and the last point's values, compiling the network of each that is valid.
// Returns whether both points read.
bool vary_untrusted(std::string_view arguments);

enum class ScheduleFormat { xer, mspdi };

// Imports a schedule with the default uncertainty rules. Returns whether it imported.
bool import_untrusted_schedule(std::string_view text);

// The format import_schedule() takes the text for, by its first bytes.
ScheduleFormat format_of(std::string_view text);

}  // namespace pipesim::fuzz
