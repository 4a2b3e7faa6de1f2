#include "io/dependency_reader.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 3> dependency_keys{"id", "type", "lag"};
constexpr std::array<std::string_view, 3> condition_keys{"id", "by", "later_than"};
constexpr std::array<std::string_view, 2> condition_dates{"by", "later_than"};
// An uncertain lag is a wait, so in days and not negative; only a plain number may be a lead.
constexpr QuantityKey lag_key{"lag", "lag", Quantity::duration};

bool names_funnel_stage(std::string_view id) {
    return std::count(id.begin(), id.end(), '.') == 2;
}

// An id without a dot is local to the project it is written in.
std::string full_id(const std::string& written, const std::string& project) {
    return written.find('.') == std::string::npos ? project + "." + written : written;
}

}  // namespace

void DependencyReader::defer(const std::string& node_id, const SourceLocation& part,
                             const YAML::Node& after, std::string project) {
    deferred_.emplace(Key{node_id, part.line, part.column}, Deferred{after, std::move(project)});
}

void DependencyReader::defer_condition(const std::string& activity_id, const SourceLocation& part,
                                       const YAML::Node& only_if, std::string project) {
    conditions_.emplace(Key{activity_id, part.line, part.column},
                        Deferred{only_if, std::move(project)});
}

void DependencyReader::resolve() {
    collect_known_ids();
    for (auto& project : draft_.scenario.projects)
        for (auto& activity : project.activities) {
            resolve(activity.id, activity.where, activity.predecessors);
            resolve_condition(activity);
        }
    for (auto& funnel : draft_.scenario.funnels)
        for (auto& item : funnel.items)
            for (std::size_t s = 0; s < funnel.stages.size(); ++s)
                resolve(item.id + "." + funnel.stages[s].id, item.where,
                        item.stages[s].predecessors);
}

void DependencyReader::collect_known_ids() {
    for (const auto& project : draft_.scenario.projects)
        for (const auto& activity : project.activities) known_.insert(activity.id);
    for (const auto& funnel : draft_.scenario.funnels)
        for (const auto& item : funnel.items)
            for (const auto& stage : funnel.stages) known_.insert(item.id + "." + stage.id);
    known_names_.assign(known_.begin(), known_.end());
}

void DependencyReader::resolve(const std::string& node_id, const SourceLocation& part,
                               std::vector<Dependency>& predecessors) {
    const auto found = deferred_.find(Key{node_id, part.line, part.column});
    if (found == deferred_.end()) return;
    const auto& [list, project] = found->second;
    if (list.IsNull() || !expect_sequence(list, node_id, "after")) return;
    for (const auto& item : list) {
        auto dependency = read_dependency(item, node_id);
        if (!dependency) continue;
        const std::string& written = dependency->predecessor;
        const bool local = written.find('.') == std::string::npos;
        if (local && project.empty()) {
            problem(item, node_id,
                    "a funnel stage waits for full ids ('project.activity' or "
                    "'funnel.item.stage'), not " +
                        in_quotes(written));
            continue;
        }
        const std::string full = full_id(written, project);
        if (left_out(full)) continue;  // its own problem is reported
        if (!known_.count(full)) {
            problem(item, node_id,
                    std::string("depends on unknown ") +
                        (names_funnel_stage(full) ? "funnel stage " : "activity ") +
                        in_quotes(written) + did_you_mean(full, known_names_));
            continue;
        }
        dependency->predecessor = full;
        predecessors.push_back(std::move(*dependency));
    }
}

bool DependencyReader::left_out(const std::string& id) const {
    if (draft_.left_out_activities.count(id)) return true;
    if (!names_funnel_stage(id)) return false;
    return draft_.left_out_items.count(id.substr(0, id.rfind('.'))) ||
           draft_.left_out_funnels.count(id.substr(0, id.find('.')));
}

std::optional<Dependency> DependencyReader::read_dependency(const YAML::Node& item,
                                                            const std::string& entity) {
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
    if (auto lag = item["lag"])
        if (!read_lag(lag, entity, dependency)) return std::nullopt;
    return dependency;
}

// A plain number is a fixed lag, or a lead when negative; anything else is drawn.
bool DependencyReader::read_lag(const YAML::Node& node, const std::string& entity,
                                Dependency& dependency) {
    if (node.IsScalar() && !names_assumption(node.Scalar())) {
        const auto days = number(node, entity, "lag");
        if (days) dependency.lag_days = *days;
        return days.has_value();
    }
    auto estimate = quantities_.read(node, entity, lag_key);
    if (estimate) dependency.uncertain_lag = std::move(estimate->value);
    return estimate.has_value();
}

std::optional<LinkType> DependencyReader::link_type(const YAML::Node& node,
                                                    const std::string& entity) {
    if (node.IsScalar()) {
        for (LinkType type : {LinkType::fs, LinkType::ss, LinkType::ff, LinkType::sf})
            if (node.Scalar() == link_type_name(type)) return type;
    }
    problem(node, entity,
            "dependency type must be FS, SS, FF or SF (got " +
                (node.IsScalar() ? in_quotes(node.Scalar()) : "a non-word") + ")");
    return std::nullopt;
}

// ---- conditions ---------------------------------------------------------------------------

// A condition that cannot be read is reported and dropped: the activity itself stays in.
void DependencyReader::resolve_condition(Activity& activity) {
    const auto found =
        conditions_.find(Key{activity.id, activity.where.line, activity.where.column});
    if (found == conditions_.end()) return;
    activity.only_if = read_condition(found->second.node, activity.id, found->second.project);
}

std::optional<Condition> DependencyReader::read_condition(const YAML::Node& node,
                                                          const std::string& entity,
                                                          const std::string& project) {
    if (!expect_map(node, entity, "'only_if'")) return std::nullopt;
    check_keys(node, condition_keys, entity);
    Condition condition;
    condition.where = where(node);
    const bool dated = read_when(node, entity, condition);
    const auto activity = condition_activity(node, entity, project);
    if (!dated || !activity) return std::nullopt;
    condition.activity = *activity;
    return condition;
}

// `by:` for the path taken when the activity finishes in time, `later_than:` for the
// fallback taken when it does not: exactly one of them.
bool DependencyReader::read_when(const YAML::Node& node, const std::string& entity,
                                 Condition& condition) {
    const YAML::Node by = node["by"];
    const YAML::Node later = node["later_than"];
    if (by && later) {
        problem(key_of(node, "later_than"), entity,
                "'only_if' takes one of 'by' and 'later_than', not both");
        return false;
    }
    if (!by && !later) {
        if (lacks_all(node, condition_dates))
            problem(node, entity,
                    "'only_if' needs a date: 'by' (it happens if the activity finishes by then) "
                    "or 'later_than' (it happens if the activity finishes later)");
        return false;
    }
    condition.when = by ? Condition::When::by : Condition::When::later_than;
    const auto day = by ? date(by, entity, "by") : date(later, entity, "later_than");
    if (day) condition.date = *day;
    return day.has_value();
}

// The full id of the activity or milestone the condition waits on.
std::optional<std::string> DependencyReader::condition_activity(const YAML::Node& node,
                                                                const std::string& entity,
                                                                const std::string& project) {
    const YAML::Node id = required(node, "id", entity);
    const auto written = id ? text(id, entity, "id") : std::nullopt;
    if (!written) return std::nullopt;
    const std::string full = full_id(*written, project);
    if (full == entity) {
        problem(id, entity,
                "'only_if' names the activity itself: it cannot wait on its own finish");
        return std::nullopt;
    }
    if (left_out(full)) return std::nullopt;  // its own problem is reported
    if (known_.count(full) && !names_funnel_stage(full)) return full;
    std::vector<std::string_view> activities;
    std::copy_if(known_names_.begin(), known_names_.end(), std::back_inserter(activities),
                 [](std::string_view known) { return !names_funnel_stage(known); });
    problem(
        id, entity,
        "'only_if' names unknown activity " + in_quotes(*written) + did_you_mean(full, activities));
    return std::nullopt;
}

}  // namespace pipesim::io
