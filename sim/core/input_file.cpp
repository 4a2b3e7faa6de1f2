#include "core/input_file.hpp"

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace pipesim {

std::string read_input_file(const std::filesystem::path& file) {
    const std::string source = file.string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        throw InputError(
            {source, 0, 0}, "",
            std::filesystem::exists(file, error) ? "not a regular file" : "no such file");
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream contents;
    contents << stream.rdbuf();
    if (!stream && !stream.eof()) throw InputError({source, 0, 0}, "", "cannot read the file");
    return contents.str();
}

}  // namespace pipesim
