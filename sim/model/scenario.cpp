#include "model/scenario.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace pipesim {
namespace {

constexpr std::array<std::pair<Category, std::string_view>, 9> category_names{{
    {Category::rail, "rail"},
    {Category::airport, "airport"},
    {Category::road, "road"},
    {Category::school, "school"},
    {Category::hospital, "hospital"},
    {Category::commerce, "commerce"},
    {Category::investment, "investment"},
    {Category::reform, "reform"},
    {Category::other, "other"},
}};

constexpr std::array<std::pair<LinkType, std::string_view>, 4> link_type_names{{
    {LinkType::fs, "FS"},
    {LinkType::ss, "SS"},
    {LinkType::ff, "FF"},
    {LinkType::sf, "SF"},
}};

constexpr std::array<std::pair<SpendProfile, std::string_view>, 4> profile_names{{
    {SpendProfile::even, "even"},
    {SpendProfile::front_loaded, "front-loaded"},
    {SpendProfile::back_loaded, "back-loaded"},
    {SpendProfile::s_curve, "s-curve"},
}};

constexpr std::array<std::pair<TargetMeasure, std::string_view>, 5> measure_names{{
    {TargetMeasure::items, "items"},
    {TargetMeasure::value, "value"},
    {TargetMeasure::funds, "funds"},
    {TargetMeasure::spend, "spend"},
    {TargetMeasure::milestones, "milestones"},
}};

constexpr std::array<std::pair<CorrelatedQuantity, std::string_view>, 3> correlated_names{{
    {CorrelatedQuantity::durations, "durations"},
    {CorrelatedQuantity::costs, "costs"},
    {CorrelatedQuantity::risks, "risks"},
}};

template <typename Enum, std::size_t N>
std::string_view name_in(const std::array<std::pair<Enum, std::string_view>, N>& table,
                         Enum value) {
    for (const auto& [known, name] : table)
        if (known == value) return name;
    return table.front().second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_in(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view name) {
    for (const auto& [value, known] : table)
        if (known == name) return value;
    return std::nullopt;
}

template <typename T>
bool listed_or_any(const std::vector<T>& list, const T& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool Selection::matches(std::string_view group, bool funnel, Category category,
                        const std::vector<std::string>& group_tags) const {
    const auto& ids = funnel ? funnels : projects;
    const auto& other_ids = funnel ? projects : funnels;
    // Naming only the other kind of group selects none of this kind.
    if (ids.empty() && !other_ids.empty()) return false;
    if (!listed_or_any(ids, std::string(group))) return false;
    if (!listed_or_any(categories, category)) return false;
    return tags.empty() || std::any_of(group_tags.begin(), group_tags.end(), [&](const auto& tag) {
               return std::find(tags.begin(), tags.end(), tag) != tags.end();
           });
}

bool Selection::counts_milestone(std::string_view id) const {
    return listed_or_any(milestones, std::string(id));
}

std::string_view category_name(Category category) {
    return name_in(category_names, category);
}

std::optional<Category> parse_category(std::string_view name) {
    return value_in(category_names, name);
}

std::string_view profile_name(SpendProfile profile) {
    return name_in(profile_names, profile);
}

std::optional<SpendProfile> parse_profile(std::string_view name) {
    return value_in(profile_names, name);
}

std::string_view measure_name(TargetMeasure measure) {
    return name_in(measure_names, measure);
}

std::optional<TargetMeasure> parse_measure(std::string_view name) {
    return value_in(measure_names, name);
}

std::string_view link_type_name(LinkType type) {
    return name_in(link_type_names, type);
}

std::string_view correlated_name(CorrelatedQuantity quantity) {
    return name_in(correlated_names, quantity);
}

std::optional<CorrelatedQuantity> parse_correlated(std::string_view name) {
    return value_in(correlated_names, name);
}

}  // namespace pipesim
