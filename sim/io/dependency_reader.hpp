#pragma once
// `after:` lists and `only_if:` conditions. They are read once every activity and funnel stage
// is known, so a link may point forwards in the file and across projects and funnels.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "io/quantity_reader.hpp"

namespace pipesim::io {

class DependencyReader : public PartReader {
  public:
    DependencyReader(YamlFile& file, Draft& draft, QuantityReader& quantities)
        : PartReader(file, draft), quantities_(quantities) {}

    // Keeps the `after:` list of an activity or of an item's stage ("funnel.item.stage") for
    // later. Ids without a dot are local to `project`; empty where only full ids may be used.
    void defer(const std::string& node_id, const SourceLocation& part, const YAML::Node& after,
               std::string project);
    // Keeps an activity's `only_if:` for later, as `defer` keeps its `after:` list.
    void defer_condition(const std::string& activity_id, const SourceLocation& part,
                         const YAML::Node& only_if, std::string project);
    // Reads every deferred list and condition into the parts the draft kept.
    void resolve();

  private:
    struct Deferred {
        YAML::Node node;
        std::string project;
    };
    // By id and place, so a duplicate's list never lands on the part it duplicates.
    using Key = std::tuple<std::string, int, int>;

    void resolve(const std::string& node_id, const SourceLocation& part,
                 std::vector<Dependency>& predecessors);
    std::optional<Dependency> read_dependency(const YAML::Node& item, const std::string& entity);
    std::optional<LinkType> link_type(const YAML::Node& node, const std::string& entity);
    bool read_lag(const YAML::Node& node, const std::string& entity, Dependency& dependency);
    void resolve_condition(Activity& activity);
    std::optional<Condition> read_condition(const YAML::Node& node, const std::string& entity,
                                            const std::string& project);
    bool read_when(const YAML::Node& node, const std::string& entity, Condition& condition);
    std::optional<std::string> condition_activity(const YAML::Node& node, const std::string& entity,
                                                  const std::string& project);
    bool left_out(const std::string& id) const;
    void collect_known_ids();

    QuantityReader& quantities_;
    std::map<Key, Deferred> deferred_;
    std::map<Key, Deferred> conditions_;
    std::set<std::string> known_;
    std::vector<std::string_view> known_names_;
};

}  // namespace pipesim::io
