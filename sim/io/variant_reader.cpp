#include "io/variant_reader.hpp"

#include <array>
#include <filesystem>

#include "io/overrides.hpp"
#include "io/yaml_reader.hpp"

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 4> variant_keys{"pipesim", "extends", "name", "set"};

class VariantReader : public YamlReader {
  public:
    VariantReader(YamlFile& file) : YamlReader(file), file_(file) {}

    std::optional<ScenarioText> read(const YAML::Node& root) {
        check_keys(root, variant_keys, "");
        const auto version = number(required(root, "pipesim", ""), "", "pipesim");
        if (version && *version != 1.0)
            problem(root["pipesim"], "",
                    "this is format version 1; the file says " + number_text(*version));
        const auto base = text(required(root, "extends", ""), "", "extends");
        const auto name = root["name"] ? text(root["name"], "", "name") : std::nullopt;
        const std::vector<Override> overrides = read_set(root["set"]);
        if (!file_.problems.empty() || !base) return std::nullopt;
        return read_base(root["extends"], *base, overrides, name);
    }

  private:
    std::vector<Override> read_set(const YAML::Node& set) {
        std::vector<Override> overrides;
        if (!set || !expect_map(set, "set", "a map of paths to numbers")) return overrides;
        for (const auto& entry : set) {
            const std::string path = entry.first.Scalar();
            if (const auto value = number(entry.second, "set " + path, path))
                overrides.push_back({path, *value, where(entry.first), "set"});
        }
        return overrides;
    }

    std::optional<ScenarioText> read_base(const YAML::Node& extends, const std::string& base,
                                          const std::vector<Override>& overrides,
                                          const std::optional<std::string>& name) {
        const auto path = std::filesystem::path(file_.source).parent_path() / base;
        ProblemList base_problems;
        const auto text = read_scenario_bytes(path, base_problems);
        if (!text) {
            problem(extends, "extends " + base,
                    "cannot read the base scenario: " + base_problems.items().front().reason);
            return std::nullopt;
        }
        if (is_variant(*text)) {
            problem(extends, "extends " + base,
                    "the base is itself a variant; extend its base instead and repeat its "
                    "set: entries");
            return std::nullopt;
        }
        return ScenarioText{std::move(*text), path.string(), file_.source, overrides, name};
    }

    YamlFile& file_;
};

}  // namespace

bool extends_another(const YAML::Node& root) {
    return root.IsMap() && root["extends"];
}

std::optional<ScenarioText> read_variant_text(const YAML::Node& root, const std::string& source,
                                              std::string_view text, ProblemList& problems) {
    YamlFile file(source, text);
    std::optional<ScenarioText> variant = VariantReader(file).read(root);
    for (const Problem& p : file.problems.items()) problems.add(p.where, p.entity, p.reason);
    return variant;
}

ScenarioReading read_variant(const YAML::Node& root, const std::string& source,
                             std::string_view text) {
    ScenarioReading failed;
    failed.scenario.source = source;
    const std::optional<ScenarioText> variant =
        read_variant_text(root, source, text, failed.problems);
    return variant ? read_with_overrides(*variant, {}) : failed;
}

}  // namespace pipesim::io
