#pragma once
// Reads a results.json back for the report. Checks what the report needs and lists every
// problem (file, line and column for malformed JSON; the milestone or target and the key
// otherwise) as one InputError. Sections the run may leave out (drivers) may be absent.

#include <filesystem>
#include <string>
#include <string_view>

#include "report/published_results.hpp"

namespace pipesim {

// `source` names the file in messages.
PublishedResults read_results_text(std::string_view text, const std::string& source);
PublishedResults read_results_file(const std::filesystem::path& file);

}  // namespace pipesim
