#include "io/dependency_reader.hpp"

#include <algorithm>
#include <array>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 3> dependency_keys{"id", "type", "lag"};

bool names_funnel_stage(std::string_view id) {
    return std::count(id.begin(), id.end(), '.') == 2;
}

}  // namespace

void DependencyReader::defer(const std::string& node_id, const SourceLocation& part,
                             const YAML::Node& after, std::string project) {
    deferred_.emplace(Key{node_id, part.line, part.column}, Deferred{after, std::move(project)});
}

void DependencyReader::resolve() {
    collect_known_ids();
    for (auto& project : draft_.scenario.projects)
        for (auto& activity : project.activities)
            resolve(activity.id, activity.where, activity.predecessors);
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
        const std::string full = local ? project + "." + written : written;
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
    if (auto lag = item["lag"]) {
        auto days = number(lag, entity, "lag");
        if (!days) return std::nullopt;
        dependency.lag_days = *days;
    }
    return dependency;
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

}  // namespace pipesim::io
