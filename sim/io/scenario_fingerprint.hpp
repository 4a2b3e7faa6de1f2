#pragma once
// A scenario's content as one hash: the bytes of its file and of every file it `extends`,
// followed from file to file, so that a changed base changes the variants built on it. Not
// the file names: a renamed or moved file with the same bytes (and the same base bytes) has
// the same fingerprint.

#include <filesystem>
#include <string>

namespace pipesim {

// SHA-256 in hex. A file that cannot be read is hashed as a marker saying so, never thrown
// about: reading it is the run's job, which reports the problem.
std::string scenario_fingerprint(const std::filesystem::path& file);

}  // namespace pipesim
