#include "io/part_reader.hpp"

#include <array>

namespace pipesim::io {
namespace {

// The model parses these words; the lists only feed "did you mean" suggestions.
constexpr std::array<std::string_view, 9> category_words{
    "rail", "airport", "road", "school", "hospital", "commerce", "investment", "reform", "other"};
constexpr std::array<std::string_view, 4> profile_words{"even", "front-loaded", "back-loaded",
                                                        "s-curve"};

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

}  // namespace pipesim::io
