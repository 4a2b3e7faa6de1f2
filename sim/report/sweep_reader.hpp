#pragma once
// Reads a sweep.json (from `pipesim sweep` or `pipesim compare`) back for its page. Lists
// every problem as one InputError: file, line and column for malformed JSON; the point,
// the promise and the key otherwise.

#include <filesystem>
#include <string>
#include <string_view>

#include "sweep/sweep_run.hpp"

namespace pipesim {

// Whether the text is a sweep's rather than a run's results: a JSON object with 'varied'
// or 'points'. False for text that is not JSON at all.
bool is_sweep_json(std::string_view text);

// `source` names the file in messages.
SweepResults read_sweep_text(std::string_view text, const std::string& source);
SweepResults read_sweep_file(const std::filesystem::path& file);

}  // namespace pipesim
