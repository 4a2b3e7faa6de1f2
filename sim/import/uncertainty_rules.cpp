#include "import/uncertainty_rules.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <span>

namespace pipesim::import {
namespace {

constexpr std::array<std::string_view, 2> top_keys{"default", "rules"};
constexpr std::array<std::string_view, 6> rule_keys{"code", "wbs", "name", "dist", "low", "high"};

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : "/") + part;
    return text;
}

class RulesReader {
  public:
    explicit RulesReader(const std::string& file) : file_(file) {}

    UncertaintyRules read(std::string_view text) {
        YAML::Node root;
        try {
            root = YAML::Load(std::string(text));
        } catch (const YAML::Exception& error) {
            throw InputError({file_, error.mark.line + 1, error.mark.column + 1}, "",
                             "not YAML: " + error.msg);
        }
        UncertaintyRules rules;
        if (root.IsNull()) return rules;
        expect_map(root, "the rules file");
        check_keys(root, top_keys);
        if (const YAML::Node fallback = root["default"]) read_rule(fallback, rules.fallback, false);
        if (const YAML::Node list = root["rules"]) {
            if (!list.IsSequence()) refuse(list, "'rules' must be a list");
            for (const YAML::Node& node : list) {
                UncertaintyRule rule;
                read_rule(node, rule, true);
                rules.rules.push_back(std::move(rule));
            }
        }
        return rules;
    }

  private:
    [[noreturn]] void refuse(const YAML::Node& node, const std::string& reason) const {
        throw InputError({file_, node.Mark().line + 1, node.Mark().column + 1}, "", reason);
    }
    void expect_map(const YAML::Node& node, const std::string& what) const {
        if (!node.IsMap()) refuse(node, what + " must be a mapping");
    }
    void check_keys(const YAML::Node& map, std::span<const std::string_view> keys) const {
        for (const auto& entry : map) {
            const std::string key = entry.first.Scalar();
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                refuse(entry.first, "unknown key '" + key + "'");
        }
    }

    void read_rule(const YAML::Node& node, UncertaintyRule& rule, bool selects) {
        expect_map(node, "a rule");
        check_keys(node, rule_keys);
        rule.where = {file_, node.Mark().line + 1, node.Mark().column + 1};
        bool selected = false;
        for (auto [key, field] : {std::pair{"code", &rule.code}, std::pair{"wbs", &rule.wbs},
                                  std::pair{"name", &rule.name}})
            if (const YAML::Node pattern = node[key]) {
                if (!selects)
                    refuse(pattern,
                           "the default applies to every activity: no '" + std::string(key) + "'");
                *field = pattern.Scalar();
                selected = true;
            }
        if (selects && !selected) refuse(node, "a rule needs at least one of: code, wbs, name");
        if (const YAML::Node shape = node["dist"]) rule.shape = shape_of(shape);
        if (const YAML::Node low = node["low"]) rule.low = percent(low);
        if (const YAML::Node high = node["high"]) rule.high = percent(high);
        if (rule.low > 0 || rule.low < -1) refuse(node, "'low' must lie from -100% to 0%");
        if (rule.high < 0) refuse(node, "'high' must be 0% or more");
    }

    RangeShape shape_of(const YAML::Node& node) const {
        static const std::map<std::string, RangeShape> shapes{
            {"triangular", RangeShape::triangular},
            {"pert", RangeShape::pert},
            {"uniform", RangeShape::uniform},
            {"fixed", RangeShape::fixed}};
        const auto it = shapes.find(node.Scalar());
        if (!node.IsScalar() || it == shapes.end())
            refuse(node, "'dist' must be one of: triangular, pert, uniform, fixed");
        return it->second;
    }

    // "-10%", "+25%" or a plain number of percent.
    double percent(const YAML::Node& node) const {
        std::string written = node.IsScalar() ? node.Scalar() : "";
        if (written.ends_with('%')) written.pop_back();
        if (written.starts_with('+')) written.erase(0, 1);
        double value = 0;
        const auto [end, error] =
            std::from_chars(written.data(), written.data() + written.size(), value);
        if (written.empty() || error != std::errc{} || end != written.data() + written.size())
            refuse(node, "a spread is a percentage such as -10% or +25%");
        return value / 100.0;
    }

    const std::string& file_;
};

}  // namespace

bool matches_pattern(std::string_view pattern, std::string_view text) {
    // Iterative glob with one backtrack point: linear enough for codes and names.
    std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

const UncertaintyRule& UncertaintyRules::rule_for(const ImportedActivity& activity) const {
    const std::string wbs_path = joined(activity.wbs);
    for (const UncertaintyRule& rule : rules)
        if ((rule.code.empty() || matches_pattern(rule.code, activity.code)) &&
            (rule.wbs.empty() || matches_pattern(rule.wbs, wbs_path)) &&
            (rule.name.empty() || matches_pattern(rule.name, activity.name)))
            return rule;
    return fallback;
}

Distribution range_around(const UncertaintyRule& rule, double days) {
    const double low = days * (1 + rule.low);
    const double high = days * (1 + rule.high);
    if (days <= 0 || rule.shape == RangeShape::fixed || low == high) return FixedDistribution{days};
    switch (rule.shape) {
        case RangeShape::pert:
            return PertDistribution{low, days, high};
        case RangeShape::uniform:
            return UniformDistribution{low, high};
        default:
            return TriangularDistribution{low, days, high};
    }
}

UncertaintyRules read_uncertainty_rules(std::string_view text, const std::string& file) {
    return RulesReader(file).read(text);
}

}  // namespace pipesim::import
