#include "model/scenario.hpp"

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

}  // namespace

std::string_view category_name(Category category) {
    for (const auto& [value, name] : category_names)
        if (value == category) return name;
    return "other";
}

std::optional<Category> parse_category(std::string_view name) {
    for (const auto& [value, known] : category_names)
        if (known == name) return value;
    return std::nullopt;
}

std::string_view link_type_name(LinkType type) {
    switch (type) {
        case LinkType::fs:
            return "FS";
        case LinkType::ss:
            return "SS";
        case LinkType::ff:
            return "FF";
        case LinkType::sf:
            return "SF";
    }
    return "FS";
}

}  // namespace pipesim
