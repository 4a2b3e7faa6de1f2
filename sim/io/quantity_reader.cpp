#include "io/quantity_reader.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/overloaded.hpp"

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 3> assumption_keys{"duration", "value", "why"};
constexpr std::array<std::string_view, 2> assumption_measures{"duration", "value"};

std::string_view ways_to_write(Quantity quantity) {
    switch (quantity) {
        case Quantity::duration:
            return "a number of days, an assumption id or a distribution";
        case Quantity::money:
            return "an amount of money, an assumption id or a distribution";
        case Quantity::fraction:
            return "a number from 0 to 1 or a distribution";
        case Quantity::ratio:
            return "a number or a distribution";
    }
    return "a number, an assumption id or a distribution";
}

// The largest value a distribution can take; nullopt when it has no upper bound.
std::optional<double> largest_value(const Distribution& distribution) {
    using Largest = std::optional<double>;
    return std::visit(Overloaded{
                          [](const FixedDistribution& d) -> Largest { return d.value; },
                          [](const UniformDistribution& d) -> Largest { return d.max; },
                          [](const TriangularDistribution& d) -> Largest { return d.max; },
                          [](const PertDistribution& d) -> Largest { return d.max; },
                          [](const NormalDistribution&) -> Largest { return std::nullopt; },
                          [](const LogNormalDistribution&) -> Largest { return std::nullopt; },
                          [](const DiscreteDistribution& d) -> Largest {
                              return *std::max_element(d.values.begin(), d.values.end());
                          },
                      },
                      distribution);
}

// Only days and money are assumed: fractions and ratios are written in place.
bool may_be_assumed(Quantity quantity) {
    return quantity == Quantity::duration || quantity == Quantity::money;
}

}  // namespace

bool names_assumption(std::string_view word) {
    return !word.empty() && word[0] >= 'a' && word[0] <= 'z' && is_valid_id(word);
}

void QuantityReader::read_assumptions(const YAML::Node& table) {
    if (!table || table.IsNull()) return;
    if (!expect_map(table, "assumptions", "'assumptions'")) return;
    std::set<std::string> seen;
    for (const auto& entry : table) {
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

void QuantityReader::read_assumption(const std::string& id, const YAML::Node& key,
                                     const YAML::Node& body) {
    const std::string entity = "assumption " + id;
    if (!expect_map(body, entity, "an assumption")) {
        faulty_.insert(id);
        return;
    }
    check_keys(body, assumption_keys, entity);
    const auto why = reason(body, entity);
    const auto measure = measure_of(body, entity);
    const auto value = measure ? own_value(body, entity, *measure) : std::nullopt;
    if (!why || !value) {
        faulty_.insert(id);
        return;
    }
    measures_.emplace(id, measure->quantity);
    draft_.scenario.assumptions.push_back({id, *value, *why, where(key)});
}

std::optional<std::string> QuantityReader::reason(const YAML::Node& body,
                                                  const std::string& entity) {
    const YAML::Node why = required(body, "why", entity);
    if (!why) return std::nullopt;
    auto reason = text(why, entity, "why");
    if (reason && reason->empty()) {
        problem(why, entity, "'why' must give a reason");
        return std::nullopt;
    }
    return reason;
}

// Days or money: an assumption gives exactly one of `duration` and `value`.
std::optional<QuantityKey> QuantityReader::measure_of(const YAML::Node& body,
                                                      const std::string& entity) {
    if (body["duration"] && body["value"]) {
        problem(key_of(body, "value"), entity,
                "an assumption gives either 'duration' (days) or 'value' (money), not both");
        return std::nullopt;
    }
    if (lacks_all(body, assumption_measures)) {
        problem(body, entity, "missing required key 'duration' (days) or 'value' (money)");
        return std::nullopt;
    }
    if (body["value"]) return value_key;
    return duration_key;
}

// An assumption gives its own number or distribution: a chain of assumptions would hide
// where a number comes from.
std::optional<Distribution> QuantityReader::own_value(const YAML::Node& body,
                                                      const std::string& entity,
                                                      const QuantityKey& what) {
    const YAML::Node node = required(body, what.key, entity);
    if (!node) return std::nullopt;
    if (node.IsScalar() && names_assumption(node.Scalar())) {
        problem(node, entity, "an assumption must give its own distribution, not refer to another");
        return std::nullopt;
    }
    return written_in_place(node, entity, what);
}

std::optional<Estimate> QuantityReader::read(const YAML::Node& node, const std::string& entity,
                                             const QuantityKey& what) {
    if (node.IsScalar() && may_be_assumed(what.quantity) && names_assumption(node.Scalar())) {
        const std::string& id = node.Scalar();
        if (auto value = assumption(node, entity, id, what.quantity)) return Estimate{*value, id};
        return std::nullopt;
    }
    if (auto value = written_in_place(node, entity, what)) return Estimate{*value, ""};
    return std::nullopt;
}

std::optional<Estimate> QuantityReader::read_given(const YAML::Node& map, const std::string& entity,
                                                   const QuantityKey& what, bool& ok) {
    const YAML::Node node = map[std::string(what.key)];
    if (!node) return std::nullopt;
    auto estimate = read(node, entity, what);
    ok = ok && estimate;
    return estimate;
}

void QuantityReader::read_given(const YAML::Node& map, const std::string& entity,
                                const QuantityKey& what, std::optional<Distribution>& part,
                                bool& ok) {
    if (auto estimate = read_given(map, entity, what, ok)) part = std::move(estimate->value);
}

// A plain number or a distribution mapping.
std::optional<Distribution> QuantityReader::written_in_place(const YAML::Node& node,
                                                             const std::string& entity,
                                                             const QuantityKey& what) {
    std::optional<Distribution> value;
    if (node.IsMap())
        value = distribution(node, entity, what.noun);
    else if (node.IsScalar())
        value = plain_number(node, entity, what);
    else
        problem(node, entity,
                in_quotes(what.key) + " must be " + std::string(ways_to_write(what.quantity)));
    if (value && what.quantity == Quantity::fraction &&
        !keeps_to_fractions(*value, node, entity, what))
        return std::nullopt;
    return value;
}

std::optional<Distribution> QuantityReader::plain_number(const YAML::Node& node,
                                                         const std::string& entity,
                                                         const QuantityKey& what) {
    auto number_written = number(node, entity, what.key);
    if (!number_written) return std::nullopt;
    Distribution fixed = FixedDistribution{*number_written};
    if (auto why = find_parameter_problem(fixed)) {
        problem(node, entity, "invalid " + std::string(what.noun) + ": " + *why);
        return std::nullopt;
    }
    return fixed;
}

bool QuantityReader::keeps_to_fractions(const Distribution& value, const YAML::Node& node,
                                        const std::string& entity, const QuantityKey& what) {
    const std::string must = in_quotes(what.key) + " must lie in [0, 1]";
    const auto largest = largest_value(value);
    if (!largest)
        problem(node, entity,
                must + ": a " + std::string(kind_name(value)) + " distribution has no upper bound");
    else if (*largest > 1)
        problem(node, entity, must + " (its largest value is " + number_text(*largest) + ")");
    return largest && *largest <= 1;
}

std::optional<Distribution> QuantityReader::assumption(const YAML::Node& node,
                                                       const std::string& entity,
                                                       const std::string& id, Quantity wanted) {
    for (const auto& known : draft_.scenario.assumptions) {
        if (known.id != id) continue;
        const Quantity given = measures_.at(id);
        if (given == wanted) return known.value;
        // Only durations and money are assumed, so a mismatch is one for the other.
        problem(node, entity,
                "assumption " + in_quotes(id) +
                    (given == Quantity::duration ? " gives a duration, not an amount of money"
                                                 : " gives an amount of money, not a duration"));
        return std::nullopt;
    }
    if (faulty_.count(id)) return std::nullopt;  // its own problem is reported
    std::vector<std::string_view> known;
    for (const auto& assumption : draft_.scenario.assumptions) known.push_back(assumption.id);
    problem(node, entity, "unknown assumption " + in_quotes(id) + did_you_mean(id, known));
    return std::nullopt;
}

}  // namespace pipesim::io
