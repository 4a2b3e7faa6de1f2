#include "report/sweep_reader.hpp"

#include <algorithm>

#include "core/input_file.hpp"
#include "report/json_fields.hpp"

namespace pipesim {
namespace {

std::vector<std::string> varied_paths(JsonFields& reader, const Json& root) {
    std::vector<std::string> paths;
    for (const auto& path : reader.list(root, "varied", "settings")) {
        if (!path.is_string()) {
            reader.problem("settings", "'varied' should hold paths (strings)");
            return {};
        }
        paths.push_back(path.get<std::string>());
    }
    return paths;
}

PromiseAtPoint promise(JsonFields& reader, const Json& item, const std::string& entity) {
    PromiseAtPoint p;
    p.id = reader.text(item, "id", entity);
    // Files from before names were kept have none: the id stands in.
    p.name = reader.field(item, "name", entity, false) ? reader.text(item, "name", entity) : p.id;
    p.kind = reader.text(item, "kind", entity);
    if (!p.kind.empty() && p.kind != "milestone" && p.kind != "target")
        reader.problem(entity,
                       "'kind' should be \"milestone\" or \"target\", not \"" + p.kind + "\"");
    p.p = reader.number(item, "p", entity);
    p.p_se = reader.number(item, "p_se", entity);
    p.p50 = reader.optional_date(item, "p50", entity);
    p.p80 = reader.optional_date(item, "p80", entity);
    p.difference = reader.optional_number(item, "difference", entity);
    p.difference_se = reader.optional_number(item, "difference_se", entity);
    p.independent_se = reader.optional_number(item, "independent_se", entity);
    return p;
}

// The values a point sets become its overrides; null leaves the scenario's own.
std::vector<Override> overrides(JsonFields& reader, const Json& item,
                                const std::vector<std::string>& varied, const std::string& entity) {
    std::vector<Override> set;
    const Json* values = reader.object(item, "values", entity);
    if (!values) return set;
    for (const auto& [path, value] : values->items())
        if (std::find(varied.begin(), varied.end(), path) == varied.end())
            reader.problem(entity, "'values' has '" + path + "', which 'varied' does not list");
    for (const std::string& path : varied) {
        const Json* value = reader.field(*values, path.c_str(), entity + " values");
        if (!value || value->is_null()) continue;
        if (value->is_number()) {
            set.push_back(vary_override(path, value->get<double>()));
        } else {
            reader.problem(entity + " values", "'" + path + "' should be a number or null");
        }
    }
    return set;
}

PointForecast point(JsonFields& reader, const Json& item, const std::vector<std::string>& varied,
                    const std::string& entity) {
    PointForecast p;
    p.label = reader.text(item, "label", entity);
    p.overrides = overrides(reader, item, varied, entity);
    const Json& promises = reader.list(item, "promises", entity);
    for (std::size_t i = 0; i < promises.size(); ++i)
        p.promises.push_back(
            promise(reader, promises[i], entity + ' ' + entity_of(promises[i], "promises", i)));
    return p;
}

}  // namespace

bool is_sweep_json(std::string_view text) {
    const Json root = Json::parse(text, nullptr, false);
    return root.is_object() && (root.contains("varied") || root.contains("points"));
}

SweepResults read_sweep_text(std::string_view text, const std::string& source) {
    const Json root = parse_json_object(text, source, "a sweep file");
    JsonFields reader(source);
    SweepResults sweep;
    sweep.scenario = reader.text(root, "scenario", "settings");
    sweep.iterations = reader.count(root, "iterations", "settings");
    sweep.seed = reader.count(root, "seed", "settings");
    sweep.varied = varied_paths(reader, root);
    const Json& points = reader.list(root, "points", "settings");
    const Json* listed = reader.field(root, "points", "settings", false);
    if (listed && listed->is_array() && points.empty())
        reader.problem("settings", "'points' is empty: a sweep has at least its base point");
    for (std::size_t i = 0; i < points.size(); ++i)
        sweep.points.push_back(
            point(reader, points[i], sweep.varied, "points[" + std::to_string(i) + ']'));
    reader.throw_if_any();
    return sweep;
}

SweepResults read_sweep_file(const std::filesystem::path& file) {
    return read_sweep_text(read_input_file(file), file.string());
}

}  // namespace pipesim
