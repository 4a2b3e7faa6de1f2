#include "io/risk_reader.hpp"

#include <array>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 11> risk_keys{"id",     "name",       "probability", "hits",
                                                     "of",     "delay",      "multiplier",  "cost",
                                                     "window", "mitigation", "why"};
constexpr std::array<std::string_view, 2> reach_keys{"hits", "of"};
constexpr std::array<std::string_view, 3> effect_parts{"delay", "multiplier", "cost"};
constexpr std::array<std::string_view, 2> window_keys{"from", "to"};
constexpr std::array<std::string_view, 5> mitigation_keys{"probability", "delay", "multiplier",
                                                          "cost", "cost_of_mitigation"};
// A risk hits the activities of projects: funnels have none, and it hits milestones by id.
constexpr std::array<std::string_view, 2> not_for_risks{"funnels", "milestones"};

constexpr QuantityKey delay_key{"delay", "delay", Quantity::duration};
constexpr QuantityKey multiplier_key{"multiplier", "multiplier", Quantity::ratio};
constexpr QuantityKey cost_key{"cost", "cost", Quantity::money};
constexpr QuantityKey mitigation_cost_key{"cost_of_mitigation", "mitigation cost", Quantity::money};

}  // namespace

void RiskReader::read(const YAML::Node& list) {
    if (!list || list.IsNull() || !expect_sequence(list, "", "risks")) return;
    activities_ = index_activities();
    for (const auto& node : list)
        if (auto risk = read_risk(node)) draft_.scenario.risks.push_back(std::move(*risk));
}

std::optional<Risk> RiskReader::read_risk(const YAML::Node& node) {
    if (!expect_map(node, "", "a risk")) return std::nullopt;
    const auto written = written_id(node);
    const std::string entity = written ? "risk " + *written : "risk";
    check_keys(node, risk_keys, entity);
    auto id = identifier(node, "", "risk");
    Risk risk;
    risk.where = where(node);
    risk.id = id.value_or("");
    risk.name = name_of(node, entity, risk.id);
    if (const YAML::Node why = node["why"])
        if (auto reason = text(why, entity, "why")) risk.why = *reason;
    const auto chance = read_probability(node, entity);
    bool ok = read_reach(node, entity, risk) && chance;
    ok = read_effect(node, entity, risk.effect) && ok;
    if (lacks_all(node, effect_parts)) {
        problem(node, entity, "a risk needs at least one of: " + list_of(effect_parts));
        ok = false;
    }
    ok = read_window(node, entity, risk) && ok;
    if (const YAML::Node given = node["mitigation"]) {
        risk.mitigation = read_mitigation(given, entity);
        ok = ok && risk.mitigation;
    }
    if (!id) return std::nullopt;
    const auto [first, fresh] = risk_lines_.emplace(*id, risk.where.line);
    if (!fresh) {
        problem(node, entity,
                "duplicate risk id (first defined at line " + std::to_string(first->second) + ")");
        return std::nullopt;
    }
    if (!ok) {
        draft_.left_out_risks.insert(*id);
        return std::nullopt;
    }
    risk.probability = *chance;
    return risk;
}

std::optional<double> RiskReader::read_probability(const YAML::Node& map,
                                                   const std::string& entity) {
    const YAML::Node given = required(map, "probability", entity);
    if (!given) return std::nullopt;
    return probability(given, entity);
}

// What the risk hits: the activities it lists and those of the projects it selects.
bool RiskReader::read_reach(const YAML::Node& map, const std::string& entity, Risk& risk) {
    const YAML::Node hits = map["hits"];
    const YAML::Node of = map["of"];
    if (!hits && !of) {
        if (lacks_all(map, reach_keys))
            problem(map, entity,
                    "a risk needs 'hits' (the activities it hits) or 'of' (the projects whose "
                    "activities it hits)");
        return false;
    }
    bool ok = !hits || read_hits(hits, entity, risk);
    return (!of || read_of(of, entity, risk)) && ok;
}

bool RiskReader::read_hits(const YAML::Node& list, const std::string& entity, Risk& risk) {
    if (!expect_sequence(list, entity, "hits")) return false;
    if (list.size() == 0) {
        problem(list, entity, "'hits' must list at least one activity or milestone");
        return false;
    }
    bool ok = true;
    for (const auto& item : list) {
        const auto id = text(item, entity, "hits");
        const Activity* hit = id ? named_activity(activities_, *id, item, entity) : nullptr;
        if (hit) risk.activities.push_back(hit->id);
        ok = ok && hit;
    }
    return ok;
}

bool RiskReader::read_of(const YAML::Node& node, const std::string& entity, Risk& risk) {
    risk.of = read_selection(node, entity, not_for_risks);
    if (!risk.of) return false;
    // An activity left out for its own problems may be the one the selection would hold.
    if (!activities_of(*risk.of).empty() || !draft_.left_out_activities.empty()) return true;
    problem(node, entity, "'of' selects no project with an activity or milestone");
    return false;
}

// The parts of an effect the map gives: a risk's own, or what a mitigation leaves of it.
bool RiskReader::read_effect(const YAML::Node& map, const std::string& entity, RiskEffect& effect) {
    bool ok = true;
    quantities_.read_given(map, entity, delay_key, effect.delay, ok);
    quantities_.read_given(map, entity, multiplier_key, effect.multiplier, ok);
    quantities_.read_given(map, entity, cost_key, effect.cost, ok);
    return ok;
}

bool RiskReader::read_window(const YAML::Node& map, const std::string& entity, Risk& risk) {
    const YAML::Node window = map["window"];
    if (!window) return true;
    if (!expect_map(window, entity, "'window'")) return false;
    check_keys(window, window_keys, entity);
    if (lacks_all(window, window_keys)) {
        problem(window, entity, "a window needs 'from', 'to' or both");
        return false;
    }
    const bool from_ok = read_window_date(window, "from", entity, risk.window_from);
    const bool to_ok = read_window_date(window, "to", entity, risk.window_to);
    if (risk.window_from && risk.window_to && *risk.window_from > *risk.window_to) {
        problem(window, entity,
                "the window's 'from' (" + risk.window_from->iso() + ") is after its 'to' (" +
                    risk.window_to->iso() + ")");
        return false;
    }
    return from_ok && to_ok;
}

bool RiskReader::read_window_date(const YAML::Node& window, std::string_view key,
                                  const std::string& entity, std::optional<Date>& day) {
    const YAML::Node node = window[std::string(key)];
    if (!node) return true;
    day = date(node, entity, key);
    if (!day) return false;
    const PlanSettings& plan = draft_.scenario.plan;
    if (draft_.start_known && *day < plan.start)
        problem(node, entity, "the window's " + in_quotes(key) + " is before the plan start");
    else if (draft_.horizon_known && *day > plan.horizon_end)
        problem(node, entity, "the window's " + in_quotes(key) + " is after the plan horizon");
    else
        return true;
    day.reset();
    return false;
}

std::optional<Mitigation> RiskReader::read_mitigation(const YAML::Node& node,
                                                      const std::string& entity) {
    if (!expect_map(node, entity, "'mitigation'")) return std::nullopt;
    check_keys(node, mitigation_keys, entity);
    Mitigation mitigation;
    const auto chance = read_probability(node, entity);
    bool ok = read_effect(node, entity, mitigation.effect) && chance;
    quantities_.read_given(node, entity, mitigation_cost_key, mitigation.cost, ok);
    if (!ok) return std::nullopt;
    mitigation.probability = *chance;
    return mitigation;
}

}  // namespace pipesim::io
