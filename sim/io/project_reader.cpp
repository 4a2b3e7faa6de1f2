#include "io/project_reader.hpp"

#include <array>
#include <map>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 6> project_keys{"id",   "name",       "category",
                                                       "tags", "activities", "milestones"};
constexpr std::array<std::string_view, 12> activity_keys{"id",
                                                         "name",
                                                         "duration",
                                                         "after",
                                                         "start_no_earlier_than",
                                                         "cost",
                                                         "probability",
                                                         "only_if",
                                                         "actual_start",
                                                         "actual_finish",
                                                         "remaining",
                                                         "percent_complete"};
constexpr std::array<std::string_view, 9> milestone_keys{
    "id",   "name",        "target",  "after",        "start_no_earlier_than",
    "cost", "probability", "only_if", "actual_finish"};
constexpr std::array<std::string_view, 2> chance_keys{"probability", "only_if"};
constexpr QuantityKey remaining_key{"remaining", "remaining duration", Quantity::duration};
constexpr std::array<std::string_view, 4> cost_parts{"amount", "per_day", "at_start", "at_finish"};
constexpr std::array<std::string_view, 5> cost_keys{"amount", "per_day", "at_start", "at_finish",
                                                    "profile"};

}  // namespace

void ProjectReader::read(const YAML::Node& root) {
    const YAML::Node projects = required(root, "projects", "");
    if (!projects || !expect_sequence(projects, "", "projects")) return;
    if (projects.size() == 0) problem(projects, "", "'projects' must list at least one project");
    std::map<std::string, SourceLocation> seen;
    for (const auto& node : projects) {
        activity_lines_.clear();
        auto project = read_project(node);
        if (!project) continue;
        auto [first, fresh] = seen.emplace(project->id, project->where);
        if (!fresh) {
            problem(node, project->id,
                    "duplicate project id (first defined at line " +
                        std::to_string(first->second.line) + ")");
            continue;
        }
        draft_.scenario.projects.push_back(std::move(*project));
    }
}

std::optional<Project> ProjectReader::read_project(const YAML::Node& node) {
    if (!expect_map(node, "", "a project")) return std::nullopt;
    const std::string entity = written_id(node).value_or("project");
    check_keys(node, project_keys, entity);
    auto id = identifier(node, "", "project");
    Project project;
    project.where = where(node);
    if (id) project.id = *id;
    project.name = name_of(node, entity, project.id);
    if (auto category_node = required(node, "category", entity))
        if (auto known = category(category_node, entity)) project.category = *known;
    project.tags = tags_of(node, entity);
    read_activities(node["activities"], ActivityKind::work, project);
    read_activities(node["milestones"], ActivityKind::milestone, project);
    if (!id) return std::nullopt;
    return project;
}

void ProjectReader::read_activities(const YAML::Node& list, ActivityKind kind, Project& project) {
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
        if (const YAML::Node after = node["after"])
            dependencies_.defer(activity->id, activity->where, after, project.id);
        if (const YAML::Node only_if = node["only_if"])
            dependencies_.defer_condition(activity->id, activity->where, only_if, project.id);
        project.activities.push_back(std::move(*activity));
    }
}

std::optional<Activity> ProjectReader::read_activity(const YAML::Node& node, ActivityKind kind,
                                                     const std::string& project_id) {
    const bool work = kind == ActivityKind::work;
    if (!expect_map(node, project_id, work ? "an activity" : "a milestone")) return std::nullopt;
    Activity activity;
    activity.kind = kind;
    activity.where = where(node);
    activity.id = project_id + "." + written_id(node).value_or("?");
    check_keys(node, work ? Keys(activity_keys) : Keys(milestone_keys), activity.id);
    auto local = identifier(node, project_id, work ? "activity" : "milestone");
    activity.name = name_of(node, activity.id, local.value_or(""));
    bool ok = local.has_value();
    if (work) ok = read_duration(node, activity) && ok;
    read_dates(node, activity);
    ok = read_progress(node, activity) && ok;
    // A faulty probability is reported but leaves the activity in, as a faulty date does.
    if (const YAML::Node chance = node["probability"])
        activity.probability = probability(chance, activity.id).value_or(1.0);
    if (const YAML::Node cost = node["cost"]) {
        activity.cost = read_cost(cost, activity.id);
        ok = ok && activity.cost;
    }
    if (!ok) {
        if (local) draft_.left_out_activities.insert(activity.id);
        return std::nullopt;
    }
    return activity;
}

bool ProjectReader::read_duration(const YAML::Node& node, Activity& activity) {
    const YAML::Node value = required(node, "duration", activity.id);
    if (!value) return false;
    auto estimate = quantities_.read(value, activity.id, duration_key);
    if (!estimate) return false;
    activity.duration = std::move(estimate->value);
    activity.assumption = std::move(estimate->assumption);
    return true;
}

// A faulty date is reported but leaves the activity in: nothing else depends on it.
void ProjectReader::read_dates(const YAML::Node& node, Activity& activity) {
    const PlanSettings& plan = draft_.scenario.plan;
    if (auto target = node["target"]) {
        activity.target = date(target, activity.id, "target");
        if (draft_.start_known && activity.target && *activity.target < plan.start)
            problem(target, activity.id, "the target date is before the plan start");
    }
    if (auto snet = node["start_no_earlier_than"]) {
        activity.start_no_earlier_than = date(snet, activity.id, "start_no_earlier_than");
        if (draft_.horizon_known && activity.start_no_earlier_than &&
            *activity.start_no_earlier_than > plan.horizon_end)
            problem(snet, activity.id, "'start_no_earlier_than' is after the plan horizon");
    }
}

// What had happened by the status date. Faulty dates are reported but leave the activity
// in, as other faulty dates do; a faulty remaining duration leaves it out, as a faulty
// duration does.
bool ProjectReader::read_progress(const YAML::Node& node, Activity& activity) {
    const YAML::Node started = node["actual_start"];
    const YAML::Node finished = node["actual_finish"];
    if (started) activity.actual_start = progress_date(started, activity.id, "actual_start");
    if (finished) activity.actual_finish = progress_date(finished, activity.id, "actual_finish");
    if (finished && !started && activity.kind == ActivityKind::work)
        problem(finished, activity.id, "'actual_finish' needs the 'actual_start' of the work");
    if (activity.actual_start && activity.actual_finish &&
        *activity.actual_finish < *activity.actual_start)
        problem(finished, activity.id, "'actual_finish' is before 'actual_start'");
    if (started || finished)
        for (const std::string_view key : chance_keys)
            if (const YAML::Node chance = node[std::string(key)])
                problem(chance, activity.id,
                        in_quotes(key) + " does not apply to work that has started: it happens");
    return read_remaining(node, activity);
}

// An actual date lies between the plan start and the status date: an actual start at the
// latest on it (work starting at 00:00 of it), an actual finish before it.
std::optional<Date> ProjectReader::progress_date(const YAML::Node& node, const std::string& entity,
                                                 std::string_view key) {
    const auto day = date(node, entity, key);
    if (!day || !draft_.start_known) return day;
    const PlanSettings& plan = draft_.scenario.plan;
    if (*day < plan.start)
        problem(node, entity, in_quotes(key) + " is before the plan start");
    else if (key == "actual_finish" && *day >= plan.status_date)
        problem(node, entity,
                "'actual_finish' must be before the status date " + plan.status_date.iso() +
                    " (work still going on that day is in progress)");
    else if (*day > plan.status_date)
        problem(node, entity,
                "'actual_start' is after the status date " + plan.status_date.iso() +
                    " (work that starts later has not started)");
    return day;
}

// Work in progress gives what is left: `remaining` days from the status date, or the
// `percent_complete` that leaves that share of its duration.
bool ProjectReader::read_remaining(const YAML::Node& node, Activity& activity) {
    const YAML::Node remaining = node["remaining"];
    const YAML::Node percent = node["percent_complete"];
    const YAML::Node given = remaining ? remaining : percent;
    const bool in_progress = node["actual_start"] && !node["actual_finish"];
    if (!given) {
        if (in_progress && activity.kind == ActivityKind::work)
            problem(node["actual_start"], activity.id,
                    "work in progress needs 'remaining' or 'percent_complete'");
        return true;
    }
    if (remaining && percent) {
        problem(percent, activity.id, "give one of 'remaining' and 'percent_complete', not both");
        return false;
    }
    const std::string key = remaining ? "'remaining'" : "'percent_complete'";
    if (node["actual_finish"]) {
        problem(given, activity.id, "finished work has no " + key);
        return false;
    }
    if (!in_progress) {
        problem(given, activity.id, key + " is for work in progress: give its 'actual_start'");
        return false;
    }
    if (remaining) {
        auto estimate = quantities_.read(remaining, activity.id, remaining_key);
        if (estimate) activity.remaining = std::move(estimate->value);
        return estimate.has_value();
    }
    const auto done = number(percent, activity.id, "percent_complete");
    if (!done) return false;
    if (*done < 0 || *done > 100) {
        problem(percent, activity.id, "'percent_complete' must be a number from 0 to 100");
        return false;
    }
    activity.remaining = scaled(activity.duration, 1.0 - *done / 100.0);
    return true;
}

std::optional<ActivityCost> ProjectReader::read_cost(const YAML::Node& node,
                                                     const std::string& entity) {
    if (!expect_map(node, entity, "'cost'")) return std::nullopt;
    check_keys(node, cost_keys, entity);
    ActivityCost cost;
    cost.where = where(node);
    bool ok = true;
    quantities_.read_given(node, entity, {"amount", "cost", Quantity::money}, cost.amount, ok);
    quantities_.read_given(node, entity, {"per_day", "daily cost", Quantity::money}, cost.per_day,
                           ok);
    quantities_.read_given(node, entity, {"at_start", "cost", Quantity::money}, cost.at_start, ok);
    quantities_.read_given(node, entity, {"at_finish", "cost", Quantity::money}, cost.at_finish,
                           ok);
    const auto spread = profile_of(node, entity);
    if (spread) cost.profile = *spread;
    ok = ok && spread;
    if (lacks_all(node, cost_parts)) {
        problem(node, entity, "a cost needs at least one of: " + list_of(cost_parts));
        ok = false;
    }
    if (!ok) return std::nullopt;
    return cost;
}

}  // namespace pipesim::io
