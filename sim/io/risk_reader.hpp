#pragma once
// `risks:`: events that may occur once in an iteration and then delay, lengthen or add cost to
// every activity they hit, and what a mitigation would leave of them.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/quantity_reader.hpp"

namespace pipesim::io {

class RiskReader : public PartReader {
  public:
    RiskReader(YamlFile& file, Draft& draft, QuantityReader& quantities)
        : PartReader(file, draft), quantities_(quantities) {}

    void read(const YAML::Node& list);

  private:
    std::optional<Risk> read_risk(const YAML::Node& node);
    std::optional<double> read_probability(const YAML::Node& map, const std::string& entity);
    bool read_reach(const YAML::Node& map, const std::string& entity, Risk& risk);
    bool read_hits(const YAML::Node& list, const std::string& entity, Risk& risk);
    bool read_of(const YAML::Node& node, const std::string& entity, Risk& risk);
    bool read_effect(const YAML::Node& map, const std::string& entity, RiskEffect& effect);
    bool read_window(const YAML::Node& map, const std::string& entity, Risk& risk);
    bool read_window_date(const YAML::Node& window, std::string_view key, const std::string& entity,
                          std::optional<Date>& day);
    std::optional<Mitigation> read_mitigation(const YAML::Node& node, const std::string& entity);

    QuantityReader& quantities_;
    ActivityIndex activities_;
    std::map<std::string, int> risk_lines_;  // risk id -> line first defined
};

}  // namespace pipesim::io
