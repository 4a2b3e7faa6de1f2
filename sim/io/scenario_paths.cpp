#include "io/scenario_paths.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>

#include "core/text.hpp"
#include "model/scenario.hpp"

namespace pipesim {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::optional<double> as_number(const std::string& scalar) {
    double value = 0.0;
    const char* end = scalar.data() + scalar.size();
    const auto [ptr, error] = std::from_chars(scalar.data(), end, value);
    if (error != std::errc() || ptr != end || scalar.empty()) return std::nullopt;
    return value;
}

// The extent of a scalar's text from where it starts: a quoted scalar to its closing
// quote, a plain one to the next flow delimiter, comment or line end.
std::size_t token_length(std::string_view text, std::size_t start) {
    if (start >= text.size()) return 0;
    const char first = text[start];
    if (first == '"' || first == '\'') {
        const std::size_t close = text.find(first, start + 1);
        return close == std::string_view::npos ? 0 : close + 1 - start;
    }
    std::size_t end = start;
    while (end < text.size() && text[end] != ',' && text[end] != ']' && text[end] != '}' &&
           text[end] != '\n' && text[end] != '\r' &&
           !(text[end] == '#' && end > start && text[end - 1] == ' '))
        ++end;
    while (end > start && text[end - 1] == ' ') --end;
    return end - start;
}

// The name of a list entry: its id, or its position.
std::string entry_name(const YAML::Node& entry, std::size_t index) {
    if (entry.IsMap() && entry["id"] && entry["id"].IsScalar()) return entry["id"].Scalar();
    return std::to_string(index);
}

class NumberCollector {
  public:
    NumberCollector(std::string_view text, const std::string& source)
        : text_(text), source_(source) {}

    void collect(const YAML::Node& node, const std::string& path) {
        if (node.IsMap()) {
            for (const auto& entry : node) {
                const std::string key = entry.first.Scalar();
                if (path.empty() && key == "pipesim") continue;
                collect(entry.second, path.empty() ? key : path + "." + key);
            }
        } else if (node.IsSequence()) {
            for (std::size_t i = 0; i < node.size(); ++i)
                collect(node[i], path + "." + entry_name(node[i], i));
        } else if (node.IsScalar()) {
            add(node, path);
        }
    }

    std::vector<NumberInText> numbers;

  private:
    void add(const YAML::Node& node, const std::string& path) {
        const auto value = as_number(node.Scalar());
        if (!value) return;
        const auto mark = node.Mark();
        const auto offset = static_cast<std::size_t>(mark.pos);
        const std::size_t length = token_length(text_, offset);
        // Only scalars whose text is where yaml-cpp says (not a multi-line plain scalar).
        if (length == 0) return;
        numbers.push_back(
            {path, offset, length, {source_, mark.line + 1, mark.column + 1}, *value});
    }

    std::string_view text_;
    const std::string& source_;
};

std::optional<YAML::Node> parse(std::string_view text) {
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::vector<NumberInText> numbers_by_path(std::string_view text, const std::string& source) {
    const auto root = parse(text);
    if (!root) return {};
    NumberCollector collector(text, source);
    collector.collect(*root, "");
    return std::move(collector.numbers);
}

std::vector<std::string> scale_paths(std::string_view text) {
    std::vector<std::string> paths{"durations.scale"};
    for (const Category category :
         {Category::rail, Category::airport, Category::road, Category::school, Category::hospital,
          Category::commerce, Category::investment, Category::reform, Category::other})
        paths.push_back("categories." + std::string(category_name(category)) + ".duration_scale");
    const auto root = parse(text);
    if (!root || !root->IsMap()) return paths;
    if (const auto projects = (*root)["projects"]; projects && projects.IsSequence())
        for (std::size_t p = 0; p < projects.size(); ++p) {
            const std::string project = "projects." + entry_name(projects[p], p);
            paths.push_back(project + ".duration_scale");
            if (const auto activities = projects[p]["activities"];
                activities && activities.IsSequence())
                for (std::size_t a = 0; a < activities.size(); ++a)
                    paths.push_back(project + ".activities." + entry_name(activities[a], a) +
                                    ".duration.scale");
        }
    if (const auto assumptions = (*root)["assumptions"]; assumptions && assumptions.IsMap())
        for (const auto& entry : assumptions)
            paths.push_back("assumptions." + entry.first.Scalar() + ".duration.scale");
    return paths;
}

bool is_scale_path(std::string_view path) {
    return path == "durations.scale" || ends_with(path, ".duration_scale") ||
           ends_with(path, ".duration.scale");
}

std::string closest_paths(std::string_view path, const std::vector<std::string>& known) {
    std::vector<std::pair<std::size_t, std::string_view>> ranked;
    for (const std::string& candidate : known)
        ranked.emplace_back(edit_distance(path, candidate), candidate);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string list;
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i)
        list += (i == 0 ? "" : ", ") + std::string(ranked[i].second);
    return list.empty() ? "" : "; the closest paths are " + list;
}

}  // namespace pipesim
