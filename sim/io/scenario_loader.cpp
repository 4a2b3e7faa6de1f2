#include "io/scenario_loader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/text.hpp"

namespace pipesim {
namespace {

using Keys = std::span<const std::string_view>;

constexpr std::array<std::string_view, 4> top_keys{"pipesim", "plan", "assumptions", "projects"};
constexpr std::array<std::string_view, 6> plan_keys{"name",    "start",      "status_date",
                                                    "horizon", "iterations", "seed"};
constexpr std::array<std::string_view, 2> assumption_keys{"duration", "why"};
constexpr std::array<std::string_view, 6> project_keys{"id",   "name",       "category",
                                                       "tags", "activities", "milestones"};
constexpr std::array<std::string_view, 5> activity_keys{"id", "name", "duration", "after",
                                                        "start_no_earlier_than"};
constexpr std::array<std::string_view, 5> milestone_keys{"id", "name", "target", "after",
                                                         "start_no_earlier_than"};
constexpr std::array<std::string_view, 3> dependency_keys{"id", "type", "lag"};
constexpr std::array<std::string_view, 9> category_names{
    "rail", "airport", "road", "school", "hospital", "commerce", "investment", "reform", "other"};
constexpr std::uint64_t max_iterations = 1'000'000'000;
constexpr std::string_view iterations_range = "from 1 to 1,000,000,000";

std::string in_quotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string list_of(Keys keys) {
    std::string text;
    for (auto key : keys) text += (text.empty() ? "" : ", ") + std::string(key);
    return text;
}

// Shortest text that reads back as the same double, for messages.
std::string number_text(double value) {
    std::array<char, 32> buffer{};
    auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

// An assumption id starts with a letter, so "-5" or "1e3" is read as a number of days.
bool names_assumption(std::string_view word) {
    return !word.empty() && word[0] >= 'a' && word[0] <= 'z' &&
           std::all_of(word.begin(), word.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
           });
}

bool is_valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// Walks the YAML tree, turning nodes into model values and every fault into a Problem.
class ScenarioReader {
  public:
    ScenarioReader(std::string source, std::string_view text) : source_(std::move(source)) {
        for (std::size_t begin = 0; begin <= text.size();) {
            const std::size_t end = std::min(text.find('\n', begin), text.size());
            lines_.push_back(text.substr(begin, end - begin));
            begin = end + 1;
        }
    }

    ScenarioReading read(const YAML::Node& root) {
        reading_.scenario.source = source_;
        if (!expect_map(root, "", "the scenario")) return std::move(reading_);
        check_keys(root, top_keys, "");
        read_version(root);
        read_plan(root);
        read_assumptions(root["assumptions"]);
        read_projects(root);
        resolve_references();
        return std::move(reading_);
    }

    void problem(const YAML::Node& node, std::string entity, std::string reason) {
        reading_.problems.add(where(node), std::move(entity), std::move(reason));
    }

  private:
    SourceLocation where(const YAML::Node& node) const {
        const YAML::Mark mark = node.Mark();
        if (mark.line < 0) return {source_, last_line_, 0};
        return {source_, mark.line + 1, mark.column + 1};
    }

    // ---- generic shape checks ------------------------------------------------------

    bool expect_map(const YAML::Node& node, const std::string& entity, std::string_view what) {
        if (node.IsMap()) return remember(node), true;
        problem(node, entity, std::string(what) + " must be a mapping of keys to values");
        return false;
    }

    bool expect_sequence(const YAML::Node& node, const std::string& entity, std::string_view key) {
        if (node.IsSequence()) return true;
        problem(node, entity, in_quotes(key) + " must be a list");
        return false;
    }

    void remember(const YAML::Node& node) {
        if (node.Mark().line >= 0) last_line_ = node.Mark().line + 1;
    }

    void check_keys(const YAML::Node& map, Keys allowed, const std::string& entity) {
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
            std::string reason = "unknown key " + in_quotes(key);
            const std::string guess = closest_match(key, allowed);
            reason += guess.empty() ? " (expected one of: " + list_of(allowed) + ")"
                                    : " (did you mean " + in_quotes(guess) + "?)";
            problem(entry.first, entity, reason);
        }
    }

    YAML::Node required(const YAML::Node& map, std::string_view key, const std::string& entity) {
        YAML::Node value = map[std::string(key)];
        if (value && value.IsNull()) {
            problem(key_of(map, key), entity, in_quotes(key) + " has no value");
            return YAML::Node(YAML::NodeType::Undefined);
        }
        // One fault, one message: a misspelt key was reported as unknown already, and after
        // an unclosed quote the missing keys are only its echo.
        if (!value && !misspelt(map, key) && !unclosed_quote_)
            problem(map, entity, "missing required key " + in_quotes(key));
        return value;
    }

    // yaml-cpp lets a quoted string with no closing quote run on, folded, to the end of the
    // file, swallowing every key after it. Text values must close their quotes on their line.
    bool opens_unclosed_quote(const YAML::Node& node) const {
        const YAML::Mark mark = node.Mark();
        if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= lines_.size()) return false;
        const std::string_view line = lines_[static_cast<std::size_t>(mark.line)];
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

    static YAML::Node key_of(const YAML::Node& map, std::string_view key) {
        for (const auto& entry : map)
            if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.first;
        return map;
    }

    static bool misspelt(const YAML::Node& map, std::string_view key) {
        const std::array<std::string_view, 1> wanted{key};
        for (const auto& entry : map)
            if (entry.first.IsScalar() && entry.first.Scalar() != key &&
                !closest_match(entry.first.Scalar(), wanted).empty())
                return true;
        return false;
    }

    std::optional<std::string> text(const YAML::Node& node, const std::string& entity,
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
            unclosed_quote_ = true;
            return std::nullopt;
        }
        return node.Scalar();
    }

    std::optional<double> number(const YAML::Node& node, const std::string& entity,
                                 std::string_view key) {
        if (!node.IsScalar()) {
            problem(node, entity, in_quotes(key) + " must be a number");
            return std::nullopt;
        }
        const std::string& text = node.Scalar();
        std::string lowered(text);
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lowered == ".nan" || lowered == "nan" || lowered.find("inf") != std::string::npos) {
            problem(node, entity, in_quotes(key) + " is not a finite number (got " + text + ")");
            return std::nullopt;
        }
        double value = 0;
        const char* first = text.data() + (text.starts_with('+') ? 1 : 0);
        const auto [end, error] = std::from_chars(first, text.data() + text.size(), value);
        if (error == std::errc::result_out_of_range ||
            (error == std::errc{} && !std::isfinite(value))) {
            problem(node, entity, in_quotes(key) + " is out of range (got " + text + ")");
            return std::nullopt;
        }
        if (error != std::errc{} || end != text.data() + text.size()) {
            problem(node, entity,
                    in_quotes(key) + " must be a number (got " + in_quotes(text) + ")");
            return std::nullopt;
        }
        return value;
    }

    std::optional<std::uint64_t> whole_number(const YAML::Node& node, const std::string& entity,
                                              std::string_view key, std::string_view range) {
        if (!node.IsScalar()) {
            problem(node, entity, in_quotes(key) + " must be a whole number " + std::string(range));
            return std::nullopt;
        }
        const std::string& text = node.Scalar();
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc::result_out_of_range) {
            problem(node, entity, in_quotes(key) + " is too large (got " + text + ")");
            return std::nullopt;
        }
        if (error != std::errc{} || end != text.data() + text.size()) {
            problem(node, entity,
                    in_quotes(key) + " must be a whole number " + std::string(range) + " (got " +
                        in_quotes(text) + ")");
            return std::nullopt;
        }
        return value;
    }

    std::optional<Date> date(const YAML::Node& node, const std::string& entity,
                             std::string_view key) {
        if (node.IsScalar())
            if (auto parsed = Date::parse(node.Scalar())) return parsed;
        problem(node, entity,
                in_quotes(key) + " must be a calendar date written YYYY-MM-DD (got " +
                    (node.IsScalar() ? in_quotes(node.Scalar()) : std::string("a non-date")) + ")");
        return std::nullopt;
    }

    std::optional<std::string> identifier(const YAML::Node& map, const std::string& owner,
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

    // ---- plan ------------------------------------------------------------------------

    void read_version(const YAML::Node& root) {
        const YAML::Node version = required(root, "pipesim", "");
        if (!version) return;
        if (!version.IsScalar() || version.Scalar() != "1")
            problem(version, "", "unsupported format version (this pipesim reads 'pipesim: 1')");
    }

    void read_plan(const YAML::Node& root) {
        const YAML::Node plan = required(root, "plan", "");
        if (!plan || !expect_map(plan, "plan", "'plan'")) return;
        check_keys(plan, plan_keys, "plan");
        PlanSettings& settings = reading_.scenario.plan;
        if (auto node = required(plan, "name", "plan"))
            if (auto name = text(node, "plan", "name")) settings.name = *name;
        const auto start = read_date(plan, "start", true);
        const auto horizon = read_date(plan, "horizon", true);
        const auto status = read_date(plan, "status_date", false);
        if (start) settings.start = *start;
        if (horizon) settings.horizon_end = *horizon;
        start_known_ = start.has_value();
        horizon_known_ = horizon.has_value();
        settings.status_date = status.value_or(settings.start);
        if (start && horizon && *horizon <= *start)
            problem(plan["horizon"], "plan", "the horizon must come after the plan start");
        if (start && status && *status < *start)
            problem(plan["status_date"], "plan", "the status date is before the plan start");
        if (horizon && status && *status > *horizon)
            problem(plan["status_date"], "plan", "the status date is after the horizon");
        if (auto node = plan["iterations"]) {
            auto iterations = whole_number(node, "plan", "iterations", iterations_range);
            if (iterations && (*iterations < 1 || *iterations > max_iterations))
                problem(node, "plan",
                        "'iterations' must be a whole number " + std::string(iterations_range) +
                            " (got '" + std::to_string(*iterations) + "')");
            else if (iterations)
                settings.iterations = *iterations;
        }
        if (auto node = plan["seed"])
            if (auto seed = whole_number(node, "plan", "seed", "from 0 to 2^64 - 1"))
                settings.seed = *seed;
    }

    std::optional<Date> read_date(const YAML::Node& map, std::string_view key, bool needed) {
        const YAML::Node node = needed ? required(map, key, "plan") : map[std::string(key)];
        if (!node) return std::nullopt;
        return date(node, "plan", key);
    }

    // ---- durations -------------------------------------------------------------------

    std::optional<Distribution> distribution(const YAML::Node& node, const std::string& entity) {
        if (!expect_map(node, entity, "a distribution")) return std::nullopt;
        const YAML::Node kind_node = node["dist"];
        if (!kind_node || !kind_node.IsScalar()) {
            problem(node, entity,
                    "a distribution needs 'dist: <kind>' (fixed, uniform, triangular, pert, "
                    "normal, lognormal, discrete)");
            return std::nullopt;
        }
        const std::string& kind = kind_node.Scalar();
        auto built = build_distribution(kind, node, entity);
        if (!built) return std::nullopt;
        if (auto why = find_parameter_problem(*built)) {
            problem(node, entity, "invalid " + kind + " duration: " + *why);
            return std::nullopt;
        }
        return built;
    }

    // Reads the named parameters; nullopt if any is missing or not a number.
    template <std::size_t N>
    std::optional<std::array<double, N>> parameters(const YAML::Node& node,
                                                    const std::array<std::string_view, N>& names,
                                                    const std::string& entity,
                                                    std::string_view kind) {
        std::array<double, N> values{};
        bool complete = true;
        for (std::size_t i = 0; i < N; ++i) {
            const YAML::Node value = node[std::string(names[i])];
            if (!value) {
                problem(node, entity,
                        std::string(kind) + " duration is missing " + in_quotes(names[i]));
                complete = false;
            } else if (auto parsed = number(value, entity, names[i])) {
                values[i] = *parsed;
            } else {
                complete = false;
            }
        }
        if (!complete) return std::nullopt;
        return values;
    }

    template <std::size_t N>
    std::optional<std::array<double, N>> only_parameters(
        const YAML::Node& node, const std::array<std::string_view, N>& names,
        const std::string& entity, std::string_view kind) {
        std::vector<std::string_view> allowed(names.begin(), names.end());
        allowed.push_back("dist");
        check_keys(node, allowed, entity);
        return parameters(node, names, entity, kind);
    }

    std::optional<Distribution> build_distribution(const std::string& kind, const YAML::Node& node,
                                                   const std::string& entity) {
        using Names1 = std::array<std::string_view, 1>;
        using Names2 = std::array<std::string_view, 2>;
        using Names3 = std::array<std::string_view, 3>;
        if (kind == "fixed") {
            if (auto p = only_parameters(node, Names1{"value"}, entity, kind))
                return FixedDistribution{(*p)[0]};
        } else if (kind == "uniform") {
            if (auto p = only_parameters(node, Names2{"min", "max"}, entity, kind))
                return UniformDistribution{(*p)[0], (*p)[1]};
        } else if (kind == "triangular") {
            if (auto p = only_parameters(node, Names3{"min", "mode", "max"}, entity, kind))
                return TriangularDistribution{(*p)[0], (*p)[1], (*p)[2]};
        } else if (kind == "pert") {
            if (auto p = only_parameters(node, Names3{"min", "mode", "max"}, entity, kind))
                return PertDistribution{(*p)[0], (*p)[1], (*p)[2]};
        } else if (kind == "normal") {
            if (auto p = only_parameters(node, Names2{"mean", "sd"}, entity, kind))
                return NormalDistribution{(*p)[0], (*p)[1]};
        } else if (kind == "lognormal") {
            return lognormal(node, entity);
        } else if (kind == "discrete") {
            return discrete(node, entity);
        } else {
            constexpr std::array<std::string_view, 7> kinds{
                "fixed", "uniform", "triangular", "pert", "normal", "lognormal", "discrete"};
            const std::string guess = closest_match(kind, kinds);
            problem(node["dist"], entity,
                    "unknown distribution " + in_quotes(kind) +
                        (guess.empty() ? " (expected one of: " + list_of(kinds) + ")"
                                       : " (did you mean " + in_quotes(guess) + "?)"));
        }
        return std::nullopt;
    }

    std::optional<Distribution> lognormal(const YAML::Node& node, const std::string& entity) {
        using Names2 = std::array<std::string_view, 2>;
        if (node["p10"] || node["p90"]) {
            auto p = only_parameters(node, Names2{"p10", "p90"}, entity, "lognormal");
            if (!p) return std::nullopt;
            if (!((*p)[0] > 0 && (*p)[1] > (*p)[0])) {
                problem(node, entity,
                        "invalid lognormal duration: needs 0 < p10 < p90 (got p10 " +
                            number_text((*p)[0]) + ", p90 " + number_text((*p)[1]) + ")");
                return std::nullopt;
            }
            return lognormal_from_p10_p90((*p)[0], (*p)[1]);
        }
        auto p = only_parameters(node, Names2{"mean", "sd"}, entity, "lognormal (by mean/sd)");
        if (!p) return std::nullopt;
        if (!((*p)[0] > 0 && (*p)[1] >= 0)) {
            problem(node, entity,
                    "invalid lognormal duration: needs mean > 0 and sd >= 0 (got mean " +
                        number_text((*p)[0]) + ", sd " + number_text((*p)[1]) + ")");
            return std::nullopt;
        }
        return lognormal_from_mean_sd((*p)[0], (*p)[1]);
    }

    std::optional<std::vector<double>> number_list(const YAML::Node& map, std::string_view key,
                                                   const std::string& entity) {
        const YAML::Node list = map[std::string(key)];
        if (!list) {
            problem(map, entity, "discrete duration is missing " + in_quotes(key));
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

    std::optional<Distribution> discrete(const YAML::Node& node, const std::string& entity) {
        constexpr std::array<std::string_view, 3> keys{"dist", "values", "weights"};
        check_keys(node, keys, entity);
        auto values = number_list(node, "values", entity);
        auto weights = number_list(node, "weights", entity);
        if (!values || !weights) return std::nullopt;
        return DiscreteDistribution{std::move(*values), std::move(*weights)};
    }

    // A number (fixed days), an assumption id, or a distribution mapping.
    std::optional<Distribution> duration(const YAML::Node& node, const std::string& entity,
                                         std::string& assumption) {
        if (node.IsMap()) return distribution(node, entity);
        if (node.IsScalar()) {
            const std::string& word = node.Scalar();
            if (names_assumption(word)) {
                assumption = word;
                return lookup_assumption(node, entity, word);
            }
            auto days = number(node, entity, "duration");
            if (!days) return std::nullopt;
            Distribution fixed = FixedDistribution{*days};
            if (auto why = find_parameter_problem(fixed)) {
                problem(node, entity, "invalid duration: " + *why);
                return std::nullopt;
            }
            return fixed;
        }
        problem(node, entity,
                "'duration' must be a number of days, an assumption id or a distribution");
        return std::nullopt;
    }

    std::optional<Distribution> lookup_assumption(const YAML::Node& node, const std::string& entity,
                                                  const std::string& id) {
        for (const auto& assumption : reading_.scenario.assumptions)
            if (assumption.id == id) return assumption.value;
        if (faulty_assumptions_.count(id)) return std::nullopt;  // already reported
        std::vector<std::string_view> known;
        for (const auto& assumption : reading_.scenario.assumptions) known.push_back(assumption.id);
        const std::string guess = closest_match(id, known);
        problem(node, entity,
                "unknown assumption " + in_quotes(id) +
                    (guess.empty() ? "" : " (did you mean " + in_quotes(guess) + "?)"));
        return std::nullopt;
    }

    // ---- assumptions -----------------------------------------------------------------

    void read_assumptions(const YAML::Node& assumptions) {
        if (!assumptions || assumptions.IsNull()) return;
        if (!expect_map(assumptions, "assumptions", "'assumptions'")) return;
        std::set<std::string> seen;
        for (const auto& entry : assumptions) {
            const std::string id = entry.first.IsScalar() ? entry.first.Scalar() : "";
            if (!is_valid_id(id)) {
                problem(entry.first, "assumptions",
                        "assumption id " + in_quotes(id) +
                            " may only use lowercase letters, digits, '-' and '_'");
                continue;
            }
            if (!seen.insert(id).second) {
                problem(entry.first, "assumptions", "duplicate assumption id " + in_quotes(id));
                continue;
            }
            read_assumption(id, entry.first, entry.second);
        }
    }

    void read_assumption(const std::string& id, const YAML::Node& key, const YAML::Node& body) {
        const std::string entity = "assumption " + id;
        if (!expect_map(body, entity, "an assumption")) {
            faulty_assumptions_.insert(id);
            return;
        }
        check_keys(body, assumption_keys, entity);
        Assumption assumption{id, FixedDistribution{0}, "", where(key)};
        bool ok = true;
        if (auto why = required(body, "why", entity)) {
            auto reason = text(why, entity, "why");
            ok = ok && reason && !reason->empty();
            if (reason && reason->empty()) problem(why, entity, "'why' must give a reason");
            if (reason) assumption.why = *reason;
        } else {
            ok = false;
        }
        std::string nested;
        const YAML::Node value = required(body, "duration", entity);
        std::optional<Distribution> parsed;
        if (value && value.IsScalar() && names_assumption(value.Scalar()))
            problem(value, entity,
                    "an assumption must give its own distribution, not refer to another");
        else if (value)
            parsed = duration(value, entity, nested);
        if (parsed && ok) {
            assumption.value = *parsed;
            reading_.scenario.assumptions.push_back(std::move(assumption));
        } else {
            faulty_assumptions_.insert(id);
        }
    }

    // ---- projects --------------------------------------------------------------------

    void read_projects(const YAML::Node& root) {
        const YAML::Node projects = required(root, "projects", "");
        if (!projects || !expect_sequence(projects, "", "projects")) return;
        if (projects.size() == 0)
            problem(projects, "", "'projects' must list at least one project");
        std::map<std::string, SourceLocation> seen;
        for (const auto& node : projects) {
            pending_dependencies_.clear();
            activity_lines_.clear();
            auto project = read_project(node);
            if (!project) continue;
            auto [it, fresh] = seen.emplace(project->id, project->where);
            if (!fresh) {
                problem(node, project->id,
                        "duplicate project id (first defined at line " +
                            std::to_string(it->second.line) + ")");
                continue;
            }
            for (auto& [id, after] : pending_dependencies_) dependency_nodes_.emplace(id, after);
            reading_.scenario.projects.push_back(std::move(*project));
        }
    }

    std::optional<Project> read_project(const YAML::Node& node) {
        if (!expect_map(node, "", "a project")) return std::nullopt;
        auto id = identifier(node, "", "project");
        const std::string entity = id.value_or("project");
        check_keys(node, project_keys, entity);
        Project project;
        project.where = where(node);
        if (id) project.id = *id;
        project.name = project.id;
        if (auto name = node["name"])
            if (auto value = text(name, entity, "name")) project.name = *value;
        if (auto category = required(node, "category", entity))
            read_category(category, entity, project);
        if (auto tags = node["tags"]) read_tags(tags, entity, project);
        read_activities(node["activities"], ActivityKind::work, project);
        read_activities(node["milestones"], ActivityKind::milestone, project);
        if (!id) return std::nullopt;
        return project;
    }

    void read_category(const YAML::Node& node, const std::string& entity, Project& project) {
        auto name = text(node, entity, "category");
        if (!name) return;
        if (auto category = parse_category(*name)) {
            project.category = *category;
            return;
        }
        const std::string guess = closest_match(*name, category_names);
        problem(node, entity,
                "unknown category " + in_quotes(*name) +
                    (guess.empty() ? " (expected one of: " + list_of(category_names) + ")"
                                   : " (did you mean " + in_quotes(guess) + "?)"));
    }

    void read_tags(const YAML::Node& node, const std::string& entity, Project& project) {
        if (!expect_sequence(node, entity, "tags")) return;
        for (const auto& tag : node)
            if (auto value = text(tag, entity, "tags")) project.tags.push_back(*value);
    }

    void read_activities(const YAML::Node& list, ActivityKind kind, Project& project) {
        if (!list || list.IsNull()) return;
        const std::string_view key = kind == ActivityKind::work ? "activities" : "milestones";
        if (!expect_sequence(list, project.id, key)) return;
        for (const auto& node : list) {
            auto activity = read_activity(node, kind, project.id);
            if (!activity) continue;
            const auto [first, fresh] = activity_lines_.emplace(activity->id, activity->where.line);
            if (!fresh) {
                problem(node, activity->id,
                        "duplicate id in project " + in_quotes(project.id) +
                            " (first defined at line " + std::to_string(first->second) + ")");
                continue;
            }
            // Dependencies are read once every id is known (YAML::Node's assignment would
            // rebind rather than copy, so nodes are only ever constructed).
            if (const YAML::Node after = node["after"])
                pending_dependencies_.emplace_back(activity->id, after);
            project.activities.push_back(std::move(*activity));
        }
    }

    std::optional<Activity> read_activity(const YAML::Node& node, ActivityKind kind,
                                          const std::string& project_id) {
        const std::string_view what = kind == ActivityKind::work ? "an activity" : "a milestone";
        if (!expect_map(node, project_id, what)) return std::nullopt;
        auto local =
            identifier(node, project_id, kind == ActivityKind::work ? "activity" : "milestone");
        Activity activity;
        activity.kind = kind;
        activity.where = where(node);
        activity.id = project_id + "." + local.value_or("?");
        const std::string& entity = activity.id;
        check_keys(node, kind == ActivityKind::work ? Keys(activity_keys) : Keys(milestone_keys),
                   entity);
        activity.name = local.value_or("");
        bool ok = local.has_value();
        if (auto name = node["name"])
            if (auto value = text(name, entity, "name")) activity.name = *value;
        if (kind == ActivityKind::work) {
            if (auto value = required(node, "duration", entity)) {
                auto parsed = duration(value, entity, activity.assumption);
                ok = ok && parsed.has_value();
                if (parsed) activity.duration = *parsed;
            } else {
                ok = false;
            }
        }
        if (auto target = node["target"]) {
            activity.target = date(target, entity, "target");
            if (start_known_ && activity.target && *activity.target < reading_.scenario.plan.start)
                problem(target, entity, "the target date is before the plan start");
        }
        if (auto snet = node["start_no_earlier_than"]) {
            activity.start_no_earlier_than = date(snet, entity, "start_no_earlier_than");
            if (horizon_known_ && activity.start_no_earlier_than &&
                *activity.start_no_earlier_than > reading_.scenario.plan.horizon_end)
                problem(snet, entity, "'start_no_earlier_than' is after the plan horizon");
        }
        if (!ok) {
            if (local) faulty_activities_.insert(activity.id);
            return std::nullopt;
        }
        return activity;
    }

    // ---- dependencies (after every id is known) ----------------------------------------

    void resolve_references() {
        std::set<std::string> known;
        std::vector<std::string_view> names;
        for (const auto& project : reading_.scenario.projects)
            for (const auto& activity : project.activities) known.insert(activity.id);
        for (const auto& id : known) names.push_back(id);
        for (auto& project : reading_.scenario.projects)
            for (auto& activity : project.activities)
                if (auto it = dependency_nodes_.find(activity.id); it != dependency_nodes_.end())
                    read_dependencies(it->second, project.id, activity, known, names);
    }

    void read_dependencies(const YAML::Node& list, const std::string& project_id,
                           Activity& activity, const std::set<std::string>& known, Keys names) {
        if (list.IsNull()) return;
        if (!expect_sequence(list, activity.id, "after")) return;
        for (const auto& item : list) {
            auto dependency = read_dependency(item, activity.id);
            if (!dependency) continue;
            std::string full = dependency->predecessor;
            if (full.find('.') == std::string::npos) full = project_id + "." + full;
            if (faulty_activities_.count(full)) continue;  // its own problem is reported
            if (!known.count(full)) {
                const std::string guess = closest_match(full, names);
                problem(item, activity.id,
                        "depends on unknown activity " + in_quotes(dependency->predecessor) +
                            (guess.empty() ? "" : " (did you mean " + in_quotes(guess) + "?)"));
                continue;
            }
            dependency->predecessor = full;
            activity.predecessors.push_back(std::move(*dependency));
        }
    }

    std::optional<Dependency> read_dependency(const YAML::Node& item, const std::string& entity) {
        Dependency dependency;
        dependency.where = where(item);
        if (item.IsScalar()) {
            dependency.predecessor = item.Scalar();
            return dependency;
        }
        if (!item.IsMap()) {
            problem(item, entity, "a dependency must be an id or a mapping {id, type, lag}");
            return std::nullopt;
        }
        check_keys(item, dependency_keys, entity);
        const YAML::Node id = required(item, "id", entity);
        auto name = id ? text(id, entity, "id") : std::nullopt;
        if (!name) return std::nullopt;
        dependency.predecessor = *name;
        if (auto type = item["type"]) {
            auto parsed = link_type(type, entity);
            if (!parsed) return std::nullopt;
            dependency.type = *parsed;
        }
        if (auto lag = item["lag"]) {
            auto days = number(lag, entity, "lag");
            if (!days) return std::nullopt;
            dependency.lag_days = *days;
        }
        return dependency;
    }

    std::optional<LinkType> link_type(const YAML::Node& node, const std::string& entity) {
        if (node.IsScalar()) {
            for (LinkType type : {LinkType::fs, LinkType::ss, LinkType::ff, LinkType::sf})
                if (node.Scalar() == link_type_name(type)) return type;
        }
        problem(node, entity,
                "dependency type must be FS, SS, FF or SF (got " +
                    (node.IsScalar() ? in_quotes(node.Scalar()) : "a non-word") + ")");
        return std::nullopt;
    }

    std::string source_;
    std::vector<std::string_view> lines_;  // of the file's text, for quote checks
    int last_line_ = 1;
    ScenarioReading reading_;
    std::set<std::string> faulty_assumptions_;
    std::map<std::string, YAML::Node> dependency_nodes_;
    std::vector<std::pair<std::string, YAML::Node>> pending_dependencies_;  // current project
    std::unordered_map<std::string, int> activity_lines_;  // full id -> line first defined
    std::set<std::string> faulty_activities_;
    bool start_known_ = false;
    bool horizon_known_ = false;
    bool unclosed_quote_ = false;
};

// Problems with the bytes themselves, before YAML sees them.
bool check_raw_text(std::string_view text, const std::string& source, ProblemList& problems) {
    if (text.find('\0') != std::string_view::npos) {
        problems.add({source, 0, 0}, "", "this is a binary file, not a YAML scenario");
        return false;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        const auto before = text.substr(0, *bad);
        const auto line = 1 + std::count(before.begin(), before.end(), '\n');
        const auto column =
            *bad - (before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1) + 1;
        problems.add({source, static_cast<int>(line), static_cast<int>(column)}, "",
                     "the file is not valid UTF-8 text");
        return false;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        problems.add({source, 0, 0}, "",
                     "the file has no content (a scenario needs 'pipesim', 'plan' and 'projects')");
        return false;
    }
    return true;
}

}  // namespace

ScenarioReading read_scenario_text(std::string_view text, const std::string& source_name) {
    ScenarioReading failed;
    failed.scenario.source = source_name;
    if (!check_raw_text(text, source_name, failed.problems)) return failed;
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(std::string(text));
    } catch (const YAML::DeepRecursion&) {
        // yaml-cpp's position for this points past the end of the file: leave it out.
        failed.problems.add({source_name, 0, 0}, "", "the YAML nests more than 500 levels deep");
        return failed;
    } catch (const YAML::Exception& error) {
        failed.problems.add({source_name, error.mark.line + 1, error.mark.column + 1}, "",
                            "not valid YAML: " + error.msg);
        return failed;
    }
    if (documents.empty() || (documents.size() == 1 && documents.front().IsNull())) {
        failed.problems.add({source_name, 0, 0}, "",
                            "the file has no content (a scenario needs 'pipesim', 'plan' and "
                            "'projects')");
        return failed;
    }
    if (documents.size() != 1) {
        failed.problems.add(
            {source_name, 0, 0}, "",
            "expected exactly one YAML document, found " + std::to_string(documents.size()));
        return failed;
    }
    try {
        return ScenarioReader(source_name, text).read(documents.front());
    } catch (const YAML::Exception& error) {
        failed.problems.add({source_name, error.mark.line + 1, error.mark.column + 1}, "",
                            "could not read the YAML structure: " + error.msg);
        return failed;
    }
}

ScenarioReading read_scenario_file(const std::filesystem::path& file) {
    ScenarioReading failed;
    const std::string source = file.string();
    failed.scenario.source = source;
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (error || !std::filesystem::exists(status)) {
        failed.problems.add({source, 0, 0}, "", "no such file");
        return failed;
    }
    if (!std::filesystem::is_regular_file(status)) {
        failed.problems.add({source, 0, 0}, "", "not a regular file");
        return failed;
    }
    const auto size = std::filesystem::file_size(file, error);
    if (!error && size > max_scenario_file_bytes) {
        failed.problems.add({source, 0, 0}, "",
                            "the file is " + std::to_string(size >> 20) +
                                " MiB; scenario files are limited to " +
                                std::to_string(max_scenario_file_bytes >> 20) + " MiB");
        return failed;
    }
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream contents;
    contents << stream.rdbuf();
    if (!stream && !stream.eof()) {
        failed.problems.add({source, 0, 0}, "", "cannot read the file");
        return failed;
    }
    return read_scenario_text(contents.str(), source);
}

Scenario load_scenario(const std::filesystem::path& file) {
    ScenarioReading reading = read_scenario_file(file);
    reading.problems.throw_if_any();
    return std::move(reading.scenario);
}

}  // namespace pipesim
