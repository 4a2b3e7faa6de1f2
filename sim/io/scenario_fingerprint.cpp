#include "io/scenario_fingerprint.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>

#include "core/sha256.hpp"
#include "io/scenario_loader.hpp"

namespace pipesim {
namespace {

// The file `extends:` names, relative to the variant as the variant reader takes it.
std::optional<std::filesystem::path> base_of(const std::filesystem::path& file,
                                             const std::string& text) {
    try {
        const YAML::Node root = YAML::Load(text);
        if (root.IsMap() && root["extends"] && root["extends"].IsScalar())
            return file.parent_path() / root["extends"].Scalar();
    } catch (const YAML::Exception&) {
    }
    return std::nullopt;
}

// Each part is hashed with its length first, so that no two sequences of files hash the
// same bytes.
void add_part(Sha256& hash, std::string_view part) {
    hash.add(std::to_string(part.size())).add(":").add(part);
}

}  // namespace

std::string scenario_fingerprint(const std::filesystem::path& file) {
    Sha256 hash;
    std::set<std::filesystem::path> seen;  // a cycle of extends ends where it closes
    for (std::optional<std::filesystem::path> next = file; next;) {
        std::error_code error;
        const std::filesystem::path canonical = std::filesystem::weakly_canonical(*next, error);
        if (!seen.insert(error ? *next : canonical).second) break;
        ProblemList problems;
        const std::optional<std::string> text = read_scenario_bytes(*next, problems);
        if (!text) {
            add_part(hash, "unreadable");
            break;
        }
        add_part(hash, *text);
        next = base_of(*next, *text);
    }
    return hash.hex();
}

}  // namespace pipesim
