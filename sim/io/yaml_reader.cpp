#include "io/yaml_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>
#include <utility>

#include "core/text.hpp"

namespace pipesim::io {

// Appended piece by piece: GCC 12 sees a false overlap (-Wrestrict) in "'" + std::string(text)
// once this is compiled out of line.
std::string in_quotes(std::string_view text) {
    std::string quoted(1, '\'');
    quoted.append(text).push_back('\'');
    return quoted;
}

std::string list_of(Keys keys) {
    std::string text;
    for (auto key : keys) text += (text.empty() ? "" : ", ") + std::string(key);
    return text;
}

std::string did_you_mean(std::string_view word, Keys candidates) {
    const std::string guess = closest_match(word, candidates);
    return guess.empty() ? "" : " (did you mean " + in_quotes(guess) + "?)";
}

std::string did_you_mean_or_choices(std::string_view word, Keys candidates) {
    const std::string guess = did_you_mean(word, candidates);
    return guess.empty() ? " (expected one of: " + list_of(candidates) + ")" : guess;
}

bool is_valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

YamlFile::YamlFile(std::string source_name, std::string_view text)
    : source(std::move(source_name)) {
    for (std::size_t begin = 0; begin <= text.size();) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        lines.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
}

void YamlReader::problem(const YAML::Node& node, std::string entity, std::string reason) {
    file_.problems.add(where(node), std::move(entity), std::move(reason));
}

SourceLocation YamlReader::where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0) return {file_.source, file_.last_line, 0};
    return {file_.source, mark.line + 1, mark.column + 1};
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& entity,
                            std::string_view what) {
    if (!node.IsMap()) {
        problem(node, entity, std::string(what) + " must be a mapping of keys to values");
        return false;
    }
    if (node.Mark().line >= 0) file_.last_line = node.Mark().line + 1;
    return true;
}

bool YamlReader::expect_sequence(const YAML::Node& node, const std::string& entity,
                                 std::string_view key) {
    if (node.IsSequence()) return true;
    problem(node, entity, in_quotes(key) + " must be a list");
    return false;
}

void YamlReader::check_keys(const YAML::Node& map, Keys allowed, const std::string& entity) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
        if (!entry.first.IsScalar()) {
            problem(entry.first, entity, "a key must be a plain word");
            continue;
        }
        const std::string& key = entry.first.Scalar();
        if (!seen.insert(key).second)
            problem(entry.first, entity, "duplicate key " + in_quotes(key));
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        problem(entry.first, entity,
                "unknown key " + in_quotes(key) + did_you_mean_or_choices(key, allowed));
        file_.unknown_keys.emplace(entry.first.Mark().line, entry.first.Mark().column);
    }
}

YAML::Node YamlReader::required(const YAML::Node& map, std::string_view key,
                                const std::string& entity) {
    YAML::Node value = map[std::string(key)];
    if (value && value.IsNull()) {
        problem(key_of(map, key), entity, in_quotes(key) + " has no value");
        return YAML::Node(YAML::NodeType::Undefined);
    }
    const std::array<std::string_view, 1> wanted{key};
    if (!value && lacks_all(map, wanted))
        problem(map, entity, "missing required key " + in_quotes(key));
    return value;
}

bool YamlReader::lacks_all(const YAML::Node& map, Keys keys) const {
    if (file_.unclosed_quote) return false;
    for (auto key : keys) {
        if (map[std::string(key)]) return false;
        const std::array<std::string_view, 1> wanted{key};
        for (const auto& entry : map) {
            const YAML::Mark mark = entry.first.Mark();
            if (file_.unknown_keys.count({mark.line, mark.column}) &&
                !closest_match(entry.first.Scalar(), wanted).empty())
                return false;
        }
    }
    return true;
}

YAML::Node YamlReader::key_of(const YAML::Node& map, std::string_view key) {
    for (const auto& entry : map)
        if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.first;
    return map;
}

// yaml-cpp lets a quoted string with no closing quote run on, folded, to the end of the
// file, swallowing every key after it. Text values must close their quotes on their line.
bool YamlReader::opens_unclosed_quote(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= file_.lines.size()) return false;
    const std::string_view line = file_.lines[static_cast<std::size_t>(mark.line)];
    const auto column = static_cast<std::size_t>(mark.column);
    if (column >= line.size() || (line[column] != '"' && line[column] != '\'')) return false;
    const char quote = line[column];
    for (std::size_t i = column + 1; i < line.size(); ++i) {
        if (quote == '"' && line[i] == '\\')
            ++i;
        else if (line[i] == quote)
            return false;
    }
    return true;
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, const std::string& entity,
                                            std::string_view key) {
    if (!node.IsScalar()) {
        problem(node, entity, in_quotes(key) + " must be text");
        return std::nullopt;
    }
    if (!is_valid_utf8(node.Scalar())) {
        problem(node, entity, in_quotes(key) + " is not valid UTF-8 text");
        return std::nullopt;
    }
    if (opens_unclosed_quote(node)) {
        problem(node, entity, in_quotes(key) + " opens a quote that is not closed on its line");
        file_.unclosed_quote = true;
        return std::nullopt;
    }
    return node.Scalar();
}

std::string YamlReader::name_of(const YAML::Node& map, const std::string& entity,
                                std::string fallback) {
    if (const YAML::Node name = map["name"])
        if (auto given = text(name, entity, "name")) return *given;
    return fallback;
}

std::optional<double> YamlReader::number(const YAML::Node& node, const std::string& entity,
                                         std::string_view key) {
    if (!node.IsScalar()) {
        problem(node, entity, in_quotes(key) + " must be a number");
        return std::nullopt;
    }
    return number_in(node.Scalar(), node, entity, key);
}

std::optional<double> YamlReader::number_in(const std::string& written, const YAML::Node& node,
                                            const std::string& entity, std::string_view key) {
    std::string lowered(written);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lowered == ".nan" || lowered == "nan" || lowered.find("inf") != std::string::npos) {
        problem(node, entity, in_quotes(key) + " is not a finite number (got " + written + ")");
        return std::nullopt;
    }
    double value = 0;
    const char* first = written.data() + (written.starts_with('+') ? 1 : 0);
    const auto [end, error] = std::from_chars(first, written.data() + written.size(), value);
    if (error == std::errc::result_out_of_range ||
        (error == std::errc{} && !std::isfinite(value))) {
        problem(node, entity, in_quotes(key) + " is out of range (got " + written + ")");
        return std::nullopt;
    }
    if (error != std::errc{} || end != written.data() + written.size()) {
        problem(node, entity,
                in_quotes(key) + " must be a number (got " + in_quotes(written) + ")");
        return std::nullopt;
    }
    return value;
}

std::optional<std::uint64_t> YamlReader::whole_number(const YAML::Node& node,
                                                      const std::string& entity,
                                                      std::string_view key,
                                                      const WholeRange& range) {
    const std::string must = in_quotes(key) + " must be a whole number " + std::string(range.text);
    if (!node.IsScalar()) {
        problem(node, entity, must);
        return std::nullopt;
    }
    const std::string& text = node.Scalar();
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range) {
        problem(node, entity, in_quotes(key) + " is too large (got " + text + ")");
        return std::nullopt;
    }
    if (error != std::errc{} || end != text.data() + text.size() || value < range.min ||
        value > range.max) {
        problem(node, entity, must + " (got " + in_quotes(text) + ")");
        return std::nullopt;
    }
    return value;
}

std::optional<Date> YamlReader::date(const YAML::Node& node, const std::string& entity,
                                     std::string_view key) {
    if (node.IsScalar())
        if (auto parsed = Date::parse(node.Scalar())) return parsed;
    problem(node, entity,
            in_quotes(key) + " must be a calendar date written YYYY-MM-DD (got " +
                (node.IsScalar() ? in_quotes(node.Scalar()) : std::string("a non-date")) + ")");
    return std::nullopt;
}

std::optional<std::string> YamlReader::identifier(const YAML::Node& map, const std::string& owner,
                                                  std::string_view what) {
    const YAML::Node node = required(map, "id", owner);
    if (!node) return std::nullopt;
    auto id = text(node, owner, "id");
    if (!id) return std::nullopt;
    if (!is_valid_id(*id)) {
        problem(node, owner,
                std::string(what) + " id " + in_quotes(*id) +
                    " may only use lowercase letters, digits, '-' and '_'");
        return std::nullopt;
    }
    return id;
}

std::optional<std::string> YamlReader::written_id(const YAML::Node& map) {
    const YAML::Node id = map["id"];
    if (!id || !id.IsScalar() || !is_valid_id(id.Scalar())) return std::nullopt;
    return id.Scalar();
}

// ---- distributions ---------------------------------------------------------------------

std::optional<Distribution> YamlReader::distribution(const YAML::Node& node,
                                                     const std::string& entity,
                                                     std::string_view noun) {
    if (!expect_map(node, entity, "a distribution")) return std::nullopt;
    const YAML::Node kind_node = node["dist"];
    if (!kind_node || !kind_node.IsScalar()) {
        problem(node, entity,
                "a distribution needs 'dist: <kind>' (fixed, uniform, triangular, pert, "
                "normal, lognormal, discrete)");
        return std::nullopt;
    }
    const std::string& kind = kind_node.Scalar();
    auto built = build_distribution(kind, node, entity, std::string(noun));
    if (!built) return std::nullopt;
    if (auto why = find_parameter_problem(*built)) {
        problem(node, entity, "invalid " + kind + " " + std::string(noun) + ": " + *why);
        return std::nullopt;
    }
    return built;
}

std::optional<Distribution> YamlReader::build_distribution(const std::string& kind,
                                                           const YAML::Node& node,
                                                           const std::string& entity,
                                                           const std::string& noun) {
    using Names1 = std::array<std::string_view, 1>;
    using Names2 = std::array<std::string_view, 2>;
    using Names3 = std::array<std::string_view, 3>;
    const std::string described = kind + " " + noun;
    if (kind == "fixed") {
        if (auto p = parameters(node, Names1{"value"}, entity, described))
            return FixedDistribution{(*p)[0]};
    } else if (kind == "uniform") {
        if (auto p = parameters(node, Names2{"min", "max"}, entity, described))
            return UniformDistribution{(*p)[0], (*p)[1]};
    } else if (kind == "triangular") {
        if (auto p = parameters(node, Names3{"min", "mode", "max"}, entity, described))
            return TriangularDistribution{(*p)[0], (*p)[1], (*p)[2]};
    } else if (kind == "pert") {
        if (auto p = parameters(node, Names3{"min", "mode", "max"}, entity, described))
            return PertDistribution{(*p)[0], (*p)[1], (*p)[2]};
    } else if (kind == "normal") {
        if (auto p = parameters(node, Names2{"mean", "sd"}, entity, described))
            return NormalDistribution{(*p)[0], (*p)[1]};
    } else if (kind == "lognormal") {
        return lognormal(node, entity, noun);
    } else if (kind == "discrete") {
        constexpr std::array<std::string_view, 3> keys{"dist", "values", "weights"};
        check_keys(node, keys, entity);
        auto values = number_list(node, "values", entity, noun);
        auto weights = number_list(node, "weights", entity, noun);
        if (values && weights) return DiscreteDistribution{std::move(*values), std::move(*weights)};
    } else {
        constexpr std::array<std::string_view, 7> kinds{"fixed",  "uniform",   "triangular", "pert",
                                                        "normal", "lognormal", "discrete"};
        problem(node["dist"], entity,
                "unknown distribution " + in_quotes(kind) + did_you_mean_or_choices(kind, kinds));
    }
    return std::nullopt;
}

// Reads exactly the named parameters (and `dist`); nullopt if any is missing or not a number.
std::optional<std::vector<double>> YamlReader::parameters(const YAML::Node& node, Keys names,
                                                          const std::string& entity,
                                                          const std::string& kind_and_noun) {
    std::vector<std::string_view> allowed(names.begin(), names.end());
    allowed.push_back("dist");
    check_keys(node, allowed, entity);
    std::vector<double> values;
    for (auto name : names) {
        const YAML::Node value = node[std::string(name)];
        if (!value) {
            problem(node, entity, kind_and_noun + " is missing " + in_quotes(name));
        } else if (auto parsed = number(value, entity, name)) {
            values.push_back(*parsed);
        }
    }
    if (values.size() != names.size()) return std::nullopt;
    return values;
}

std::optional<Distribution> YamlReader::lognormal(const YAML::Node& node, const std::string& entity,
                                                  const std::string& noun) {
    using Names2 = std::array<std::string_view, 2>;
    const std::string invalid = "invalid lognormal " + noun + ": ";
    if (node["p10"] || node["p90"]) {
        auto p = parameters(node, Names2{"p10", "p90"}, entity, "lognormal " + noun);
        if (!p) return std::nullopt;
        if (!((*p)[0] > 0 && (*p)[1] > (*p)[0])) {
            problem(node, entity,
                    invalid + "needs 0 < p10 < p90 (got p10 " + number_text((*p)[0]) + ", p90 " +
                        number_text((*p)[1]) + ")");
            return std::nullopt;
        }
        return lognormal_from_p10_p90((*p)[0], (*p)[1]);
    }
    auto p = parameters(node, Names2{"mean", "sd"}, entity, "lognormal (by mean/sd) " + noun);
    if (!p) return std::nullopt;
    if (!((*p)[0] > 0 && (*p)[1] >= 0)) {
        problem(node, entity,
                invalid + "needs mean > 0 and sd >= 0 (got mean " + number_text((*p)[0]) + ", sd " +
                    number_text((*p)[1]) + ")");
        return std::nullopt;
    }
    return lognormal_from_mean_sd((*p)[0], (*p)[1]);
}

std::optional<std::vector<double>> YamlReader::number_list(const YAML::Node& map,
                                                           std::string_view key,
                                                           const std::string& entity,
                                                           const std::string& noun) {
    const YAML::Node list = map[std::string(key)];
    if (!list) {
        problem(map, entity, "discrete " + noun + " is missing " + in_quotes(key));
        return std::nullopt;
    }
    if (!expect_sequence(list, entity, key)) return std::nullopt;
    std::vector<double> values;
    for (const auto& item : list) {
        auto value = number(item, entity, key);
        if (!value) return std::nullopt;
        values.push_back(*value);
    }
    if (values.empty()) {
        problem(list, entity, in_quotes(key) + " must not be empty");
        return std::nullopt;
    }
    return values;
}

}  // namespace pipesim::io
