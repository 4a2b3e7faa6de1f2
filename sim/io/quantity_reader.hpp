#pragma once
// The uncertain numbers of a scenario (durations, money, fractions), each written as a plain
// number, an assumption id or a distribution, and the `assumptions:` table they may name.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "io/part_reader.hpp"

namespace pipesim::io {

// What an uncertain number measures. It decides which assumptions the number may name and
// the range it must keep to. A ratio (a factor on a duration, an uplift) is not negative.
enum class Quantity { duration, money, fraction, ratio };

// Where an uncertain number is written and what it is.
struct QuantityKey {
    std::string_view key;   // the key it is given under, e.g. "per_day"
    std::string_view noun;  // what messages call it: "invalid pert <noun>: ..."
    Quantity quantity;
};

inline constexpr QuantityKey duration_key{"duration", "duration", Quantity::duration};
inline constexpr QuantityKey value_key{"value", "value", Quantity::money};

// Whether a word written for a number is an assumption id: they start with a letter, so "-5"
// or "1e3" is read as a number.
bool names_assumption(std::string_view word);

// An uncertain number as read, with the id of the assumption it came from, if any.
struct Estimate {
    Distribution value;
    std::string assumption;
};

class QuantityReader : public PartReader {
  public:
    using PartReader::PartReader;

    void read_assumptions(const YAML::Node& table);
    std::optional<Estimate> read(const YAML::Node& node, const std::string& entity,
                                 const QuantityKey& what);
    // The quantity under `what.key` when the map gives one; a fault clears `ok`.
    std::optional<Estimate> read_given(const YAML::Node& map, const std::string& entity,
                                       const QuantityKey& what, bool& ok);
    // The same into a part of the model that keeps no assumption id.
    void read_given(const YAML::Node& map, const std::string& entity, const QuantityKey& what,
                    std::optional<Distribution>& part, bool& ok);

  private:
    void read_assumption(const std::string& id, const YAML::Node& key, const YAML::Node& body);
    std::optional<std::string> reason(const YAML::Node& body, const std::string& entity);
    std::optional<QuantityKey> measure_of(const YAML::Node& body, const std::string& entity);
    std::optional<Distribution> own_value(const YAML::Node& body, const std::string& entity,
                                          const QuantityKey& what);
    std::optional<Distribution> written_in_place(const YAML::Node& node, const std::string& entity,
                                                 const QuantityKey& what);
    std::optional<Distribution> plain_number(const YAML::Node& node, const std::string& entity,
                                             const QuantityKey& what);
    bool keeps_to_fractions(const Distribution& value, const YAML::Node& node,
                            const std::string& entity, const QuantityKey& what);
    std::optional<Distribution> assumption(const YAML::Node& node, const std::string& entity,
                                           const std::string& id, Quantity wanted);

    std::map<std::string, Quantity> measures_;  // what each assumption read measures
    std::set<std::string> faulty_;              // assumptions left out for their own problems
};

}  // namespace pipesim::io
