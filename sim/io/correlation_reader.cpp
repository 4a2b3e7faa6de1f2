#include "io/correlation_reader.hpp"

#include <array>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 5> correlation_keys{"id", "between", "members", "of", "rho"};
constexpr std::array<std::string_view, 2> group_keys{"members", "of"};
constexpr std::array<std::string_view, 3> correlated_words{"durations", "costs", "risks"};
// Durations and costs are those of projects' activities: funnels have none to correlate.
constexpr std::array<std::string_view, 2> not_for_correlations{"funnels", "milestones"};

// Whether an activity has the quantity a group correlates: work has a duration, and any
// activity or milestone may have a cost.
bool has_quantity(const Activity& activity, CorrelatedQuantity quantity) {
    if (quantity == CorrelatedQuantity::durations) return activity.kind == ActivityKind::work;
    return activity.cost.has_value();
}

}  // namespace

void CorrelationReader::read(const YAML::Node& list) {
    if (!list || list.IsNull() || !expect_sequence(list, "", "correlations")) return;
    activities_ = index_activities();
    for (const auto& risk : draft_.scenario.risks) risks_.insert(risk.id);
    for (const auto& node : list)
        if (auto correlation = read_correlation(node))
            draft_.scenario.correlations.push_back(std::move(*correlation));
}

std::optional<Correlation> CorrelationReader::read_correlation(const YAML::Node& node) {
    if (!expect_map(node, "", "a correlation")) return std::nullopt;
    const auto written = written_id(node);
    const std::string entity = written ? "correlation " + *written : "correlation";
    check_keys(node, correlation_keys, entity);
    auto id = identifier(node, "", "correlation");
    Correlation correlation;
    correlation.where = where(node);
    correlation.id = id.value_or("");
    std::optional<CorrelatedQuantity> quantity;
    if (const YAML::Node given = required(node, "between", entity))
        quantity = word(given, entity, "correlated quantity", correlated_words, parse_correlated);
    const auto rho = read_rho(node, entity);
    bool ok = quantity && rho;
    // Which ids may be members depends on what is correlated.
    if (quantity) {
        correlation.quantity = *quantity;
        ok = read_group(node, entity, correlation) && ok;
    }
    if (!id) return std::nullopt;
    const auto [first, fresh] = correlation_lines_.emplace(*id, correlation.where.line);
    if (!fresh) {
        problem(node, entity,
                "duplicate correlation id (first defined at line " + std::to_string(first->second) +
                    ")");
        return std::nullopt;
    }
    if (!ok) return std::nullopt;
    correlation.rho = *rho;
    return correlation;
}

std::optional<double> CorrelationReader::read_rho(const YAML::Node& map,
                                                  const std::string& entity) {
    const YAML::Node given = required(map, "rho", entity);
    if (!given) return std::nullopt;
    const auto rho = number(given, entity, "rho");
    if (rho && !(*rho >= -1 && *rho <= 1)) {
        problem(given, entity, "'rho' must lie in [-1, 1] (got " + number_text(*rho) + ")");
        return std::nullopt;
    }
    return rho;
}

// The members listed and those `of` selects: at least two, each with the quantity correlated.
bool CorrelationReader::read_group(const YAML::Node& map, const std::string& entity,
                                   Correlation& correlation) {
    const YAML::Node members = map["members"];
    const YAML::Node of = map["of"];
    if (!members && !of) {
        if (lacks_all(map, group_keys))
            problem(map, entity,
                    "a correlation needs 'members' (or, for durations and costs, 'of')");
        return false;
    }
    bool ok = !members || read_members(members, entity, correlation);
    ok = (!of || read_of(of, entity, correlation)) && ok;
    return ok && has_enough_members(map, entity, correlation);
}

bool CorrelationReader::read_members(const YAML::Node& list, const std::string& entity,
                                     Correlation& correlation) {
    if (!expect_sequence(list, entity, "members")) return false;
    bool ok = true;
    std::set<std::string> seen;
    for (const auto& item : list) {
        const auto id = text(item, entity, "members");
        if (id && !seen.insert(*id).second) {
            problem(item, entity, in_quotes(*id) + " is listed twice");
            ok = false;
        } else if (id && member_fits(*id, item, entity, correlation.quantity)) {
            correlation.members.push_back(*id);
        } else {
            ok = false;
        }
    }
    return ok;
}

bool CorrelationReader::member_fits(const std::string& id, const YAML::Node& node,
                                    const std::string& entity, CorrelatedQuantity quantity) {
    if (quantity == CorrelatedQuantity::risks) return risk_fits(id, node, entity);
    if (risks_.count(id) || draft_.left_out_risks.count(id)) {
        problem(node, entity,
                in_quotes(id) + " is a risk: correlate risks in a group with 'between: risks'");
        return false;
    }
    return activity_fits(id, node, entity, quantity);
}

bool CorrelationReader::risk_fits(const std::string& id, const YAML::Node& node,
                                  const std::string& entity) {
    if (risks_.count(id)) return true;
    if (draft_.left_out_risks.count(id)) return false;  // its own problem is reported
    if (activities_.count(id)) {
        problem(node, entity,
                in_quotes(id) + " is an activity: a group 'between: risks' correlates risks");
        return false;
    }
    const std::vector<std::string_view> known(risks_.begin(), risks_.end());
    problem(node, entity, "unknown risk " + in_quotes(id) + did_you_mean(id, known));
    return false;
}

bool CorrelationReader::activity_fits(const std::string& id, const YAML::Node& node,
                                      const std::string& entity, CorrelatedQuantity quantity) {
    const Activity* activity = named_activity(activities_, id, node, entity);
    if (!activity) return false;
    if (has_quantity(*activity, quantity)) return true;
    problem(node, entity,
            quantity == CorrelatedQuantity::durations
                ? in_quotes(id) + " is a milestone: it has no duration to correlate"
                : in_quotes(id) + " has no cost to correlate");
    return false;
}

bool CorrelationReader::read_of(const YAML::Node& node, const std::string& entity,
                                Correlation& correlation) {
    if (correlation.quantity == CorrelatedQuantity::risks) {
        problem(node, entity,
                "'of' selects activities, so it is only for durations and costs: list the risks "
                "in 'members'");
        return false;
    }
    correlation.of = read_selection(node, entity, not_for_correlations);
    return correlation.of.has_value();
}

bool CorrelationReader::has_enough_members(const YAML::Node& map, const std::string& entity,
                                           const Correlation& correlation) {
    std::set<std::string_view> group(correlation.members.begin(), correlation.members.end());
    if (correlation.of)
        for (const Activity* activity : activities_of(*correlation.of))
            if (has_quantity(*activity, correlation.quantity)) group.insert(activity->id);
    if (group.size() >= 2) return true;
    // An activity left out for its own problems may be one the selection would hold.
    if (correlation.of && !draft_.left_out_activities.empty()) return false;
    problem(map, entity,
            "a correlation needs at least 2 members (this one has " + std::to_string(group.size()) +
                ")");
    return false;
}

}  // namespace pipesim::io
