#include "io/uplift_reader.hpp"

#include <array>

#include "model/reference_classes.hpp"

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 4> uplift_keys{"category", "duration", "cost", "source"};
constexpr std::array<std::string_view, 2> uplift_parts{"duration", "cost"};
constexpr std::array<std::string_view, 1> default_word{"default"};
constexpr QuantityKey duration_uplift_key{"duration", "duration uplift", Quantity::ratio};
constexpr QuantityKey cost_uplift_key{"cost", "cost uplift", Quantity::ratio};

// What a word written for `default` says in a message: ", not 'defualt' (did you mean ...)".
std::string instead_of_default(const YAML::Node& node) {
    if (!node.IsScalar()) return "";
    return ", not " + in_quotes(node.Scalar()) + did_you_mean(node.Scalar(), default_word);
}

}  // namespace

void UpliftReader::read(const YAML::Node& node) {
    if (!node || node.IsNull()) return;
    if (node.IsSequence()) {
        for (const auto& item : node)
            if (auto uplift = read_uplift(item))
                draft_.scenario.uplifts.push_back(std::move(*uplift));
        return;
    }
    if (node.IsScalar() && node.Scalar() == default_word.front()) {
        draft_.scenario.uplifts = default_uplifts();
        return;
    }
    problem(node, "optimism_bias",
            "'optimism_bias' must be the word 'default' (pipesim's reference classes) or a list "
            "of uplifts by category" +
                instead_of_default(node));
}

std::optional<Uplift> UpliftReader::read_uplift(const YAML::Node& node) {
    if (!expect_map(node, "optimism_bias", "an uplift")) return std::nullopt;
    const YAML::Node given = node["category"];
    const std::string entity =
        given && given.IsScalar() ? "optimism bias " + given.Scalar() : "optimism bias";
    check_keys(node, uplift_keys, entity);
    Uplift uplift;
    uplift.where = where(node);
    std::optional<Category> kind;
    if (required(node, "category", entity)) kind = category(given, entity);
    bool ok = kind.has_value();
    quantities_.read_given(node, entity, duration_uplift_key, uplift.duration, ok);
    quantities_.read_given(node, entity, cost_uplift_key, uplift.cost, ok);
    if (const YAML::Node source = node["source"])
        if (auto text_given = text(source, entity, "source")) uplift.source = *text_given;
    if (lacks_all(node, uplift_parts)) {
        problem(node, entity, "an uplift needs at least one of: " + list_of(uplift_parts));
        ok = false;
    }
    if (!kind) return std::nullopt;
    const auto [first, fresh] = category_lines_.emplace(*kind, uplift.where.line);
    if (!fresh) {
        problem(node, entity,
                "duplicate uplift for category " + in_quotes(category_name(*kind)) +
                    " (first given at line " + std::to_string(first->second) + ")");
        return std::nullopt;
    }
    if (!ok) return std::nullopt;
    uplift.category = *kind;
    return uplift;
}

}  // namespace pipesim::io
