#pragma once
// `targets:`: what a plan promises to reach by a date, and the selection it looks at.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/part_reader.hpp"

namespace pipesim::io {

class TargetReader : public PartReader {
  public:
    using PartReader::PartReader;

    void read(const YAML::Node& list);

  private:
    std::optional<Target> read_target(const YAML::Node& node);
    std::optional<std::string> read_stage(const YAML::Node& map, const std::string& entity,
                                          std::optional<TargetMeasure> measure);
    bool read_threshold(const YAML::Node& map, const std::string& entity,
                        std::optional<TargetMeasure> measure, Target& target);
    bool read_share(const YAML::Node& node, const std::string& entity,
                    std::optional<TargetMeasure> measure, Target& target);
    std::optional<Date> read_deadline(const YAML::Node& map, const std::string& entity);
    bool looks_at_something(const YAML::Node& node, const std::string& entity,
                            const Target& target);
    bool counts_stage_everywhere(const YAML::Node& node, const std::string& entity,
                                 const Target& target, const std::vector<const Funnel*>& funnels);
    template <typename Group, typename Has>
    bool holds_some(const YAML::Node& place, const std::string& entity,
                    const std::vector<const Group*>& groups, std::string_view kind,
                    std::string_view what, Has has);

    std::map<std::string, int> target_lines_;  // target id -> line first defined
};

}  // namespace pipesim::io
