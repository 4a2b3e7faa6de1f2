#pragma once
// `correlations:`: groups of durations, costs or risks that share a cause, so move together.

#include <map>
#include <optional>
#include <set>
#include <string>

#include "io/part_reader.hpp"

namespace pipesim::io {

class CorrelationReader : public PartReader {
  public:
    using PartReader::PartReader;

    void read(const YAML::Node& list);

  private:
    std::optional<Correlation> read_correlation(const YAML::Node& node);
    std::optional<double> read_rho(const YAML::Node& map, const std::string& entity);
    bool read_group(const YAML::Node& map, const std::string& entity, Correlation& correlation);
    bool read_members(const YAML::Node& list, const std::string& entity, Correlation& correlation);
    bool member_fits(const std::string& id, const YAML::Node& node, const std::string& entity,
                     CorrelatedQuantity quantity);
    bool risk_fits(const std::string& id, const YAML::Node& node, const std::string& entity);
    bool activity_fits(const std::string& id, const YAML::Node& node, const std::string& entity,
                       CorrelatedQuantity quantity);
    bool read_of(const YAML::Node& node, const std::string& entity, Correlation& correlation);
    bool has_enough_members(const YAML::Node& map, const std::string& entity,
                            const Correlation& correlation);

    ActivityIndex activities_;
    std::set<std::string> risks_;                   // ids of the risks read
    std::map<std::string, int> correlation_lines_;  // correlation id -> line first defined
};

}  // namespace pipesim::io
