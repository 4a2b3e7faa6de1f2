#pragma once
// The bytes of a file a planner names on the command line, refused with an InputError
// naming the file when it is missing, not a regular file or unreadable.

#include <filesystem>
#include <string>

namespace pipesim {

std::string read_input_file(const std::filesystem::path& file);

}  // namespace pipesim
