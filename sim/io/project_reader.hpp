#pragma once
// `projects:` with their activities, milestones and costs.

#include <optional>
#include <string>
#include <unordered_map>

#include "io/dependency_reader.hpp"
#include "io/quantity_reader.hpp"

namespace pipesim::io {

class ProjectReader : public PartReader {
  public:
    ProjectReader(YamlFile& file, Draft& draft, QuantityReader& quantities,
                  DependencyReader& dependencies)
        : PartReader(file, draft), quantities_(quantities), dependencies_(dependencies) {}

    void read(const YAML::Node& root);

  private:
    std::optional<Project> read_project(const YAML::Node& node);
    void read_activities(const YAML::Node& list, ActivityKind kind, Project& project);
    std::optional<Activity> read_activity(const YAML::Node& node, ActivityKind kind,
                                          const std::string& project_id);
    bool read_duration(const YAML::Node& node, Activity& activity);
    void read_dates(const YAML::Node& node, Activity& activity);
    bool read_progress(const YAML::Node& node, Activity& activity);
    std::optional<Date> progress_date(const YAML::Node& node, const std::string& entity,
                                      std::string_view key);
    bool read_remaining(const YAML::Node& node, Activity& activity);
    std::optional<ActivityCost> read_cost(const YAML::Node& node, const std::string& entity);

    QuantityReader& quantities_;
    DependencyReader& dependencies_;
    std::unordered_map<std::string, int> activity_lines_;  // of the current project, by full id
};

}  // namespace pipesim::io
