#pragma once
// What the readers of a scenario's parts share: the scenario as read so far, the parts left
// out for problems of their own, and the words a scenario uses for the model's choices.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/yaml_reader.hpp"
#include "model/scenario.hpp"

namespace pipesim::io {

// The scenario as read so far.
struct Draft {
    Scenario scenario;
    bool start_known = false;    // plan.start could be read
    bool horizon_known = false;  // plan.horizon_end could be read
    // Parts left out for problems of their own, by full id: a mention of one elsewhere is an
    // echo of that problem, not a fault of its own.
    std::set<std::string> left_out_activities;
    std::set<std::string> left_out_items;
    std::set<std::string> left_out_funnels;
    std::set<std::string> left_out_risks;
};

// The activities and milestones of a draft's projects, by full id.
using ActivityIndex = std::map<std::string_view, const Activity*>;

class PartReader : public YamlReader {
  public:
    PartReader(YamlFile& file, Draft& draft) : YamlReader(file), draft_(draft) {}

  protected:
    std::optional<Category> category(const YAML::Node& node, const std::string& entity);
    // A project's or funnel's `tags`: none when it gives none.
    std::vector<std::string> tags_of(const YAML::Node& map, const std::string& entity);
    // How the map spreads money over a span: its `profile`, even when it gives none.
    std::optional<SpendProfile> profile_of(const YAML::Node& map, const std::string& entity);
    // A `probability:` in [0, 1].
    std::optional<double> probability(const YAML::Node& node, const std::string& entity);
    // The index in `funnel` of the stage the node names.
    std::optional<std::size_t> stage_of(const Funnel& funnel, const YAML::Node& node,
                                        const std::string& entity);
    // The same for a stage id already read from the node.
    std::optional<std::size_t> stage_of(const Funnel& funnel, const std::string& stage,
                                        const YAML::Node& node, const std::string& entity);

    // An `of:` selection. Keys in `refused` are faults: parts that select only projects'
    // activities have no use for funnels or lists of milestones.
    std::optional<Selection> read_selection(const YAML::Node& node, const std::string& entity,
                                            Keys refused = {});
    // Every activity and milestone of the projects a selection matches.
    std::vector<const Activity*> activities_of(const Selection& of) const;

    // Taken once every project is read: parts read later name activities by full id.
    ActivityIndex index_activities() const;
    // The activity or milestone `id` names, reported when unknown; null also for one left out
    // for its own problems, which are reported already.
    const Activity* named_activity(const ActivityIndex& index, const std::string& id,
                                   const YAML::Node& node, const std::string& entity);

    Draft& draft_;

  private:
    bool gives_none_of(const YAML::Node& selection, Keys refused, const std::string& entity);
    bool read_ids(const YAML::Node& node, const std::string& entity, std::string_view what,
                  Keys known, std::vector<std::string>& ids);
};

}  // namespace pipesim::io
