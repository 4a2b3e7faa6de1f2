#include "io/part_reader.hpp"

#include <algorithm>
#include <array>

namespace pipesim::io {
namespace {

// The model parses these words; the lists only feed "did you mean" suggestions.
constexpr std::array<std::string_view, 9> category_words{
    "rail", "airport", "road", "school", "hospital", "commerce", "investment", "reform", "other"};
constexpr std::array<std::string_view, 4> profile_words{"even", "front-loaded", "back-loaded",
                                                        "s-curve"};
constexpr std::array<std::string_view, 5> selection_keys{"funnels", "projects", "categories",
                                                         "tags", "milestones"};

// A selection key holds one word or a list of words.
template <typename Each>
void for_each_word(const YAML::Node& node, Each each) {
    if (!node.IsSequence()) return each(node);
    for (const auto& word : node) each(word);
}

}  // namespace

std::optional<Category> PartReader::category(const YAML::Node& node, const std::string& entity) {
    return word(node, entity, "category", category_words, parse_category);
}

std::vector<std::string> PartReader::tags_of(const YAML::Node& map, const std::string& entity) {
    std::vector<std::string> tags;
    const YAML::Node list = map["tags"];
    if (!list || !expect_sequence(list, entity, "tags")) return tags;
    for (const auto& tag : list)
        if (auto label = text(tag, entity, "tags")) tags.push_back(*label);
    return tags;
}

std::optional<SpendProfile> PartReader::profile_of(const YAML::Node& map,
                                                   const std::string& entity) {
    const YAML::Node given = map["profile"];
    if (!given) return SpendProfile::even;
    return word(given, entity, "profile", profile_words, parse_profile);
}

std::optional<double> PartReader::probability(const YAML::Node& node, const std::string& entity) {
    const auto chance = number(node, entity, "probability");
    if (chance && !(*chance >= 0 && *chance <= 1)) {
        problem(node, entity,
                "'probability' must lie in [0, 1] (got " + number_text(*chance) + ")");
        return std::nullopt;
    }
    return chance;
}

std::optional<std::size_t> PartReader::stage_of(const Funnel& funnel, const YAML::Node& node,
                                                const std::string& entity) {
    const auto stage = text(node, entity, "stage");
    if (!stage) return std::nullopt;
    return stage_of(funnel, *stage, node, entity);
}

std::optional<std::size_t> PartReader::stage_of(const Funnel& funnel, const std::string& stage,
                                                const YAML::Node& node, const std::string& entity) {
    std::vector<std::string_view> ids;
    for (const auto& known : funnel.stages) {
        if (known.id == stage) return ids.size();
        ids.push_back(known.id);
    }
    problem(node, entity,
            "unknown stage " + in_quotes(stage) + " in funnel " + in_quotes(funnel.id) +
                did_you_mean(stage, ids));
    return std::nullopt;
}

// ---- selections --------------------------------------------------------------------------

std::optional<Selection> PartReader::read_selection(const YAML::Node& node,
                                                    const std::string& entity, Keys refused) {
    if (!expect_map(node, entity, "'of'")) return std::nullopt;
    check_keys(node, selection_keys, entity);
    bool ok = gives_none_of(node, refused, entity);
    const auto given = [&](std::string_view key) -> YAML::Node {
        if (std::find(refused.begin(), refused.end(), key) != refused.end())
            return YAML::Node(YAML::NodeType::Undefined);
        return node[std::string(key)];
    };
    Selection selection;
    if (const YAML::Node projects = given("projects")) {
        std::vector<std::string_view> known;
        for (const auto& project : draft_.scenario.projects) known.push_back(project.id);
        ok = read_ids(projects, entity, "project", known, selection.projects) && ok;
    }
    if (const YAML::Node funnels = given("funnels")) {
        // A funnel left out for its own problems is still a name the planner gave.
        std::vector<std::string_view> known(draft_.left_out_funnels.begin(),
                                            draft_.left_out_funnels.end());
        for (const auto& funnel : draft_.scenario.funnels) known.push_back(funnel.id);
        ok = read_ids(funnels, entity, "funnel", known, selection.funnels) && ok;
    }
    if (const YAML::Node milestones = given("milestones")) {
        // A milestone left out for its own problems is still a name the planner gave.
        std::vector<std::string_view> known(draft_.left_out_activities.begin(),
                                            draft_.left_out_activities.end());
        for (const auto& project : draft_.scenario.projects)
            for (const auto& activity : project.activities)
                if (activity.kind == ActivityKind::milestone) known.push_back(activity.id);
        ok = read_ids(milestones, entity, "milestone", known, selection.milestones) && ok;
    }
    if (const YAML::Node categories = given("categories")) {
        for_each_word(categories, [&](const YAML::Node& word) {
            const auto known = category(word, entity);
            if (known) selection.categories.push_back(*known);
            ok = ok && known;
        });
    }
    if (const YAML::Node tags = given("tags")) {
        for_each_word(tags, [&](const YAML::Node& word) {
            const auto tag = text(word, entity, "tags");
            if (tag) selection.tags.push_back(*tag);
            ok = ok && tag;
        });
    }
    if (!ok) return std::nullopt;
    return selection;
}

bool PartReader::gives_none_of(const YAML::Node& selection, Keys refused,
                               const std::string& entity) {
    bool none = true;
    for (auto key : refused) {
        if (!selection[std::string(key)]) continue;
        problem(key_of(selection, key), entity,
                in_quotes(key) +
                    " has no place here: this 'of' selects the activities of "
                    "projects, by projects, categories and tags");
        none = false;
    }
    return none;
}

bool PartReader::read_ids(const YAML::Node& node, const std::string& entity, std::string_view what,
                          Keys known, std::vector<std::string>& ids) {
    bool ok = true;
    for_each_word(node, [&](const YAML::Node& word) {
        const auto id = text(word, entity, std::string(what) + "s");
        if (id && std::find(known.begin(), known.end(), *id) != known.end()) {
            ids.push_back(*id);
            return;
        }
        if (id)
            problem(
                word, entity,
                "unknown " + std::string(what) + " " + in_quotes(*id) + did_you_mean(*id, known));
        ok = false;
    });
    return ok;
}

std::vector<const Activity*> PartReader::activities_of(const Selection& of) const {
    std::vector<const Activity*> chosen;
    for (const auto& project : draft_.scenario.projects)
        if (of.matches(project.id, false, project.category, project.tags))
            for (const auto& activity : project.activities) chosen.push_back(&activity);
    return chosen;
}

ActivityIndex PartReader::index_activities() const {
    ActivityIndex index;
    for (const auto& project : draft_.scenario.projects)
        for (const auto& activity : project.activities) index.emplace(activity.id, &activity);
    return index;
}

const Activity* PartReader::named_activity(const ActivityIndex& index, const std::string& id,
                                           const YAML::Node& node, const std::string& entity) {
    if (const auto found = index.find(id); found != index.end()) return found->second;
    if (draft_.left_out_activities.count(id)) return nullptr;
    std::vector<std::string_view> known;
    for (const auto& entry : index) known.push_back(entry.first);
    problem(node, entity, "unknown activity " + in_quotes(id) + did_you_mean(id, known));
    return nullptr;
}

}  // namespace pipesim::io
