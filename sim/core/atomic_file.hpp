#pragma once
// Output files appear whole or not at all: written under a temporary name in the same
// folder, flushed, then renamed over the final name. A failed or interrupted run leaves
// any earlier file of that name untouched.

#include <filesystem>
#include <string_view>

namespace pipesim {

// Throws std::runtime_error naming the path and the system's reason on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace pipesim
