#pragma once
// `funnels:` with their stages, funds, named items and batches of generated items.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/dependency_reader.hpp"
#include "io/quantity_reader.hpp"

namespace pipesim::io {

class FunnelReader : public PartReader {
  public:
    FunnelReader(YamlFile& file, Draft& draft, QuantityReader& quantities,
                 DependencyReader& dependencies)
        : PartReader(file, draft), quantities_(quantities), dependencies_(dependencies) {}

    void read(const YAML::Node& list);

  private:
    // The value an item takes when it gives none: the funnel's, when it has a usable one.
    struct DefaultValue {
        std::optional<Distribution> value;
        bool given = false;
    };

    std::optional<Funnel> read_funnel(const YAML::Node& node);
    bool has_own_id(const YAML::Node& node, const std::string& id, bool fresh);
    bool read_contents(const YAML::Node& node, const DefaultValue& value, Funnel& funnel);
    bool read_stages(const YAML::Node& map, Funnel& funnel, const std::string& entity);
    bool read_stage(const YAML::Node& node, Funnel& funnel, bool first);
    bool enters_plainly(const YAML::Node& node, const std::string& entity);
    template <typename Stage>
    bool read_conversion(const YAML::Node& node, const std::string& entity, Stage& stage);
    DefaultValue read_default_value(const YAML::Node& map, const std::string& entity);
    std::optional<FundsArrival> read_funds(const YAML::Node& node, const Funnel& funnel);

    void read_items(const YAML::Node& list, Funnel& funnel, const DefaultValue& fallback);
    std::optional<FunnelItem> read_item(const YAML::Node& node, const Funnel& funnel,
                                        const DefaultValue& fallback);
    bool read_overrides(const YAML::Node& map, const Funnel& funnel, FunnelItem& item);
    std::optional<std::size_t> reached_stage(const YAML::Node& map, const std::string& entity,
                                             const Funnel& funnel);
    std::optional<Distribution> item_value(const YAML::Node& map, const std::string& entity,
                                           const DefaultValue& fallback);

    void read_batches(const YAML::Node& list, Funnel& funnel, const DefaultValue& fallback);
    void read_batch(const YAML::Node& node, Funnel& funnel, const DefaultValue& fallback);
    bool clashes(const YAML::Node& node, const std::string& entity, const std::string& batch,
                 const std::vector<std::string>& numbers);

    QuantityReader& quantities_;
    DependencyReader& dependencies_;
    std::map<std::string, int> funnel_lines_;  // funnel id -> line first defined
    std::map<std::string, int> item_lines_;    // of the current funnel: local item id -> line
    std::uint64_t items_ = 0;                  // in every funnel so far, generated included
};

}  // namespace pipesim::io
