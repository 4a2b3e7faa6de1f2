#include "io/overrides.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "io/scenario_paths.hpp"
#include "io/variant_reader.hpp"
#include "io/yaml_reader.hpp"

namespace pipesim {
namespace {

std::string entity_of_override(const Override& override) {
    return override.origin + " " + override.path;
}

struct Splice {
    std::size_t offset;
    std::size_t length;
    std::string text;
};

std::string spliced(std::string_view text, std::vector<Splice> splices) {
    std::sort(splices.begin(), splices.end(),
              [](const Splice& a, const Splice& b) { return a.offset > b.offset; });
    std::string result(text);
    for (const Splice& s : splices) result.replace(s.offset, s.length, s.text);
    return result;
}

bool is_duplicate(const std::vector<Override>& overrides, std::size_t i) {
    for (std::size_t j = 0; j < i; ++j)
        if (overrides[j].path == overrides[i].path) return true;
    return false;
}

// Whether `path` is `<prefix><id><suffix>`, and the id if so.
std::optional<std::string> id_in(std::string_view path, std::string_view prefix,
                                 std::string_view suffix) {
    if (path.size() <= prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
        path.substr(path.size() - suffix.size()) != suffix)
        return std::nullopt;
    return std::string(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
}

// Which activities a scale path stretches.
bool scales(std::string_view path, const Project& project, const Activity& activity) {
    if (path == "durations.scale") return true;
    if (const auto category = id_in(path, "categories.", ".duration_scale"))
        return *category == category_name(project.category);
    if (const auto id = id_in(path, "projects.", ".duration_scale")) return *id == project.id;
    if (const auto id = id_in(path, "projects.", ".duration.scale")) {
        const std::string full = *id;  // "<project>.activities.<activity>"
        return full == project.id + ".activities." + activity.id.substr(activity.id.find('.') + 1);
    }
    if (const auto id = id_in(path, "assumptions.", ".duration.scale"))
        return *id == activity.assumption;
    return false;
}

void apply_scale(const Override& override, Scenario& scenario, ProblemList& problems) {
    for (Project& project : scenario.projects)
        for (Activity& activity : project.activities)
            if (scales(override.path, project, activity)) {
                activity.duration = scaled(activity.duration, override.value);
                // The loader checked the duration as written; stretched, it can leave the
                // doubles (1e300 days times 1e10) and would reach the engine as NaN.
                if (const auto problem = find_parameter_problem(activity.duration))
                    problems.add(override.where, entity_of_override(override),
                                 "the duration of " + activity.id + " scaled by " +
                                     number_text(override.value) + " " + *problem);
            }
}

}  // namespace

std::vector<std::string> overridable_paths(std::string_view text, const std::string& source) {
    std::vector<std::string> paths;
    for (const NumberInText& number : numbers_by_path(text, source)) paths.push_back(number.path);
    for (std::string& path : scale_paths(text)) paths.push_back(std::move(path));
    return paths;
}

ProblemList unknown_paths(std::string_view text, const std::string& source,
                          const std::vector<Override>& overrides) {
    const std::vector<std::string> known = overridable_paths(text, source);
    ProblemList problems;
    for (const Override& o : overrides)
        if (std::find(known.begin(), known.end(), o.path) == known.end())
            problems.add(
                o.where, entity_of_override(o),
                (is_scale_path(o.path) ? "no such scale in " : "no number at this path in ") +
                    source + closest_paths(o.path, known));
    return problems;
}

ScenarioReading read_with_overrides(std::string_view text, const std::string& source,
                                    const std::vector<Override>& overrides) {
    const std::vector<NumberInText> numbers = numbers_by_path(text, source);
    ProblemList problems = unknown_paths(text, source, overrides);
    std::vector<Splice> splices;
    std::vector<const Override*> scale_overrides;
    for (std::size_t i = 0; i < overrides.size(); ++i) {
        const Override& o = overrides[i];
        if (is_duplicate(overrides, i)) {
            problems.add(o.where, entity_of_override(o), "the path is set more than once");
            continue;
        }
        if (is_scale_path(o.path)) {
            if (!(o.value > 0.0 && std::isfinite(o.value)))
                problems.add(
                    o.where, entity_of_override(o),
                    "a scale must be a finite number above 0, not " + number_text(o.value));
            else
                scale_overrides.push_back(&o);
            continue;
        }
        const auto number = std::find_if(numbers.begin(), numbers.end(),
                                         [&](const NumberInText& n) { return n.path == o.path; });
        if (number != numbers.end())
            splices.push_back({number->offset, number->length, number_text(o.value)});
    }
    if (!problems.empty()) {
        ScenarioReading failed;
        failed.scenario.source = source;
        failed.problems = std::move(problems);
        return failed;
    }
    ScenarioReading reading = read_scenario_text(spliced(text, std::move(splices)), source);
    for (const Override* o : scale_overrides) apply_scale(*o, reading.scenario, reading.problems);
    return reading;
}

ScenarioText read_scenario_text_file(const std::filesystem::path& file) {
    ProblemList problems;
    std::optional<std::string> text = read_scenario_bytes(file, problems);
    problems.throw_if_any();
    if (!is_variant(*text)) return scenario_text_of(std::move(*text), file.string());
    const std::optional<ScenarioText> variant =
        io::read_variant_text(YAML::Load(*text), file.string(), *text, problems);
    problems.throw_if_any();
    return *variant;
}

ScenarioReading read_with_overrides(const ScenarioText& scenario,
                                    const std::vector<Override>& overrides) {
    std::vector<Override> all;
    for (const Override& o : scenario.set)
        if (std::none_of(overrides.begin(), overrides.end(),
                         [&](const Override& other) { return other.path == o.path; }))
            all.push_back(o);
    all.insert(all.end(), overrides.begin(), overrides.end());
    ScenarioReading reading = read_with_overrides(scenario.text, scenario.source, all);
    reading.scenario.source = scenario.file;
    if (scenario.name) reading.scenario.plan.name = *scenario.name;
    return reading;
}

}  // namespace pipesim
