#include "io/target_reader.hpp"

#include <algorithm>
#include <array>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 7> target_keys{"id", "name",     "measure", "stage",
                                                      "of", "at_least", "by"};
constexpr std::array<std::string_view, 5> measure_words{"items", "value", "funds", "spend",
                                                        "milestones"};

// Items and their value are counted at a funnel stage; the other measures have none.
bool counts_at_a_stage(TargetMeasure measure) {
    return measure == TargetMeasure::items || measure == TargetMeasure::value;
}

// A share of the selection makes sense only for things counted one by one.
bool counts_one_by_one(TargetMeasure measure) {
    return measure == TargetMeasure::items || measure == TargetMeasure::milestones;
}

bool looks_at_funnels(TargetMeasure measure) {
    return measure != TargetMeasure::spend && measure != TargetMeasure::milestones;
}

template <typename Group>
std::vector<const Group*> selected(const std::vector<Group>& groups, const Selection& of,
                                   bool funnels) {
    std::vector<const Group*> chosen;
    for (const auto& group : groups)
        if (of.matches(group.id, funnels, group.category, group.tags)) chosen.push_back(&group);
    return chosen;
}

bool has_cost(const Project& project) {
    return std::any_of(project.activities.begin(), project.activities.end(),
                       [](const Activity& activity) { return activity.cost.has_value(); });
}

bool has_counted_milestone(const Project& project, const Selection& of) {
    return std::any_of(
        project.activities.begin(), project.activities.end(), [&](const Activity& activity) {
            return activity.kind == ActivityKind::milestone && of.counts_milestone(activity.id);
        });
}

}  // namespace

void TargetReader::read(const YAML::Node& list) {
    if (!list || list.IsNull() || !expect_sequence(list, "", "targets")) return;
    for (const auto& node : list)
        if (auto target = read_target(node)) draft_.scenario.targets.push_back(std::move(*target));
}

std::optional<Target> TargetReader::read_target(const YAML::Node& node) {
    if (!expect_map(node, "", "a target")) return std::nullopt;
    const auto written = written_id(node);
    const std::string entity = written ? "target " + *written : "target";
    check_keys(node, target_keys, entity);
    auto id = identifier(node, "", "target");
    Target target;
    target.where = where(node);
    target.id = id.value_or("");
    target.name = name_of(node, entity, target.id);
    std::optional<TargetMeasure> measure;
    if (const YAML::Node given = required(node, "measure", entity))
        measure = word(given, entity, "measure", measure_words, parse_measure);
    const auto stage = read_stage(node, entity, measure);
    std::optional<Selection> of = Selection{};
    if (const YAML::Node given = node["of"]) of = read_selection(given, entity);
    const bool enough = read_threshold(node, entity, measure, target);
    const auto deadline = read_deadline(node, entity);
    if (!id) return std::nullopt;
    const auto [first, fresh] = target_lines_.emplace(*id, target.where.line);
    if (!fresh)
        problem(
            node, entity,
            "duplicate target id (first defined at line " + std::to_string(first->second) + ")");
    if (measure && of && !of->milestones.empty() && *measure != TargetMeasure::milestones) {
        problem(key_of(node["of"], "milestones"), entity,
                "'milestones' in 'of' is only for milestones targets (this one measures " +
                    std::string(measure_name(*measure)) + ")");
        return std::nullopt;
    }
    if (!fresh || !measure || !stage || !of || !enough || !deadline) return std::nullopt;
    target.measure = *measure;
    target.stage = *stage;
    target.of = std::move(*of);
    target.deadline = *deadline;
    if (!looks_at_something(node, entity, target)) return std::nullopt;
    return target;
}

// The stage counted: required for items and value, refused for the others. Empty when none.
std::optional<std::string> TargetReader::read_stage(const YAML::Node& map,
                                                    const std::string& entity,
                                                    std::optional<TargetMeasure> measure) {
    const YAML::Node given = map["stage"];
    if (measure && !counts_at_a_stage(*measure) && given) {
        problem(key_of(map, "stage"), entity,
                "'stage' is only for items and value targets (this one measures " +
                    std::string(measure_name(*measure)) + ")");
        return std::nullopt;
    }
    if (measure && counts_at_a_stage(*measure)) {
        const YAML::Node stage = required(map, "stage", entity);
        if (!stage) return std::nullopt;
        return text(stage, entity, "stage");
    }
    return std::string();
}

// `at_least`: a count or an amount; for items and milestones also a share written "80%".
bool TargetReader::read_threshold(const YAML::Node& map, const std::string& entity,
                                  std::optional<TargetMeasure> measure, Target& target) {
    const YAML::Node node = required(map, "at_least", entity);
    if (!node) return false;
    if (node.IsScalar() && node.Scalar().ends_with('%'))
        return read_share(node, entity, measure, target);
    const auto amount = number(node, entity, "at_least");
    if (amount && *amount < 0) {
        problem(node, entity, "'at_least' must not be negative (got " + number_text(*amount) + ")");
        return false;
    }
    if (amount) target.at_least = *amount;
    return amount.has_value();
}

bool TargetReader::read_share(const YAML::Node& node, const std::string& entity,
                              std::optional<TargetMeasure> measure, Target& target) {
    const std::string& written = node.Scalar();
    if (measure && !counts_one_by_one(*measure)) {
        problem(node, entity,
                "a share (" + written +
                    ") is only for items and milestones targets; this one measures " +
                    std::string(measure_name(*measure)) + ", so give an amount");
        return false;
    }
    const auto percent = number_in(written.substr(0, written.size() - 1), node, entity, "at_least");
    if (percent && !(*percent > 0 && *percent <= 100)) {
        problem(node, entity, "a share must be above 0% and at most 100% (got " + written + ")");
        return false;
    }
    target.share = true;
    if (percent) target.at_least = *percent / 100;
    return percent.has_value();
}

std::optional<Date> TargetReader::read_deadline(const YAML::Node& map, const std::string& entity) {
    const YAML::Node node = required(map, "by", entity);
    if (!node) return std::nullopt;
    const auto deadline = date(node, entity, "by");
    if (!deadline) return std::nullopt;
    const PlanSettings& plan = draft_.scenario.plan;
    if (draft_.start_known && *deadline < plan.start) {
        problem(node, entity, "the deadline is before the plan start");
        return std::nullopt;
    }
    if (draft_.horizon_known && *deadline > plan.horizon_end) {
        problem(node, entity, "the deadline is after the plan horizon");
        return std::nullopt;
    }
    return deadline;
}

// A target over a selection that holds nothing its measure counts is always missed, or
// always met: a mistake either way.
bool TargetReader::looks_at_something(const YAML::Node& node, const std::string& entity,
                                      const Target& target) {
    const YAML::Node place = node["of"] ? node["of"] : node;
    if (looks_at_funnels(target.measure)) {
        const auto funnels = selected(draft_.scenario.funnels, target.of, true);
        if (!counts_stage_everywhere(node, entity, target, funnels)) return false;
        // A part left out for its own problems may be the one the target looks at.
        if (!draft_.left_out_funnels.empty() || !draft_.left_out_items.empty()) return true;
        if (target.measure == TargetMeasure::funds)
            return holds_some(place, entity, funnels, "funnel", "'funds'",
                              [](const Funnel* funnel) { return funnel->funds.has_value(); });
        return holds_some(place, entity, funnels, "funnel", "an item",
                          [](const Funnel* funnel) { return !funnel->items.empty(); });
    }
    if (!draft_.left_out_activities.empty()) return true;
    const auto projects = selected(draft_.scenario.projects, target.of, false);
    if (target.measure == TargetMeasure::spend)
        return holds_some(place, entity, projects, "project", "an activity with a 'cost'",
                          [](const Project* project) { return has_cost(*project); });
    return holds_some(
        place, entity, projects, "project",
        target.of.milestones.empty() ? "a milestone" : "a listed milestone",
        [&](const Project* project) { return has_counted_milestone(*project, target.of); });
}

bool TargetReader::counts_stage_everywhere(const YAML::Node& node, const std::string& entity,
                                           const Target& target,
                                           const std::vector<const Funnel*>& funnels) {
    if (!counts_at_a_stage(target.measure)) return true;
    return std::all_of(funnels.begin(), funnels.end(), [&](const Funnel* funnel) {
        return stage_of(*funnel, target.stage, node["stage"], entity).has_value();
    });
}

template <typename Group, typename Has>
bool TargetReader::holds_some(const YAML::Node& place, const std::string& entity,
                              const std::vector<const Group*>& groups, std::string_view kind,
                              std::string_view what, Has has) {
    if (groups.empty()) {
        problem(place, entity, "the target selects no " + std::string(kind));
        return false;
    }
    if (std::none_of(groups.begin(), groups.end(), has)) {
        problem(place, entity,
                "none of the selected " + std::string(kind) + "s has " + std::string(what));
        return false;
    }
    return true;
}

}  // namespace pipesim::io
