// The default optimism-bias uplifts: usable, one per category with a reference class, each
// with its source, and exactly the numbers docs/reference-classes.md states and explains.

#include "model/reference_classes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace pipesim {
namespace {

const char* const reference_document = PIPESIM_SCENARIO_DIR "/../docs/reference-classes.md";

// Every parameter below is worked out to a few roundings from the published figures.
constexpr double tolerance = 1e-12;

struct Documented {
    Category category;
    PertDistribution duration;
    PertDistribution cost;
};

// The table of docs/reference-classes.md, written out again by hand so that a slip in the
// code's arithmetic shows up here.
const std::vector<Documented> documented_table = {
    {Category::rail, {0.03, 0.14, 0.25}, {0.06, 0.4905, 0.66}},
    {Category::airport, {0.03, 0.14, 0.25}, {0.06, 0.36, 0.66}},
    {Category::road, {0.01, 0.105, 0.20}, {0.03, 0.1885, 0.44}},
    {Category::school, {0.01, 0.025, 0.04}, {0.02, 0.13, 0.24}},
    {Category::hospital, {0.02, 0.205, 0.39}, {0.04, 0.275, 0.51}},
};

const Uplift* find_uplift(const std::vector<Uplift>& uplifts, Category category) {
    const auto found = std::find_if(uplifts.begin(), uplifts.end(),
                                    [&](const Uplift& u) { return u.category == category; });
    return found == uplifts.end() ? nullptr : &*found;
}

// The least value the distribution can take.
double lowest_value(const Distribution& distribution) {
    struct Lowest {
        double operator()(const FixedDistribution& d) const { return d.value; }
        double operator()(const UniformDistribution& d) const { return d.min; }
        double operator()(const TriangularDistribution& d) const { return d.min; }
        double operator()(const PertDistribution& d) const { return d.min; }
        // Truncated at zero and positive by construction.
        double operator()(const NormalDistribution&) const { return 0; }
        double operator()(const LogNormalDistribution&) const { return 0; }
        double operator()(const DiscreteDistribution& d) const {
            return *std::min_element(d.values.begin(), d.values.end());
        }
    };
    return std::visit(Lowest{}, distribution);
}

const PertDistribution& as_pert(const std::optional<Distribution>& distribution) {
    const auto* pert = distribution ? std::get_if<PertDistribution>(&*distribution) : nullptr;
    if (!pert) throw std::runtime_error("not a PERT distribution");
    return *pert;
}

void expect_pert(const std::optional<Distribution>& actual, const PertDistribution& expected,
                 const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_TRUE(actual.has_value());
    ASSERT_TRUE(std::holds_alternative<PertDistribution>(*actual)) << kind_name(*actual);
    const PertDistribution& pert = as_pert(actual);
    EXPECT_NEAR(pert.min, expected.min, tolerance);
    EXPECT_NEAR(pert.mode, expected.mode, tolerance);
    EXPECT_NEAR(pert.max, expected.max, tolerance);
}

// How the document writes a PERT: "PERT(0.06, 0.4905, 0.66)" in its table and
// "{dist: pert, min: 0.06, mode: 0.4905, max: 0.66}" in its scenario snippet.
std::string table_text(const PertDistribution& pert) {
    char text[96];
    std::snprintf(text, sizeof text, "PERT(%g, %g, %g)", pert.min, pert.mode, pert.max);
    return text;
}
std::string yaml_text(const PertDistribution& pert) {
    char text[128];
    std::snprintf(text, sizeof text, "{dist: pert, min: %g, mode: %g, max: %g}", pert.min,
                  pert.mode, pert.max);
    return text;
}

// "3-25 %": how a source names the bounds it took from the Green Book table.
std::string percent_range(const PertDistribution& pert) {
    char text[64];
    std::snprintf(text, sizeof text, "%g-%g %%", pert.min * 100, pert.max * 100);
    return text;
}

std::string read_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

TEST(ReferenceClasses, EveryDistributionIsUsableAndNeverNegative) {
    for (const Uplift& uplift : default_uplifts()) {
        SCOPED_TRACE(std::string(category_name(uplift.category)));
        EXPECT_TRUE(uplift.duration || uplift.cost);
        for (const auto& part : {uplift.duration, uplift.cost}) {
            if (!part) continue;
            EXPECT_EQ(find_parameter_problem(*part), std::nullopt);
            EXPECT_GE(lowest_value(*part), 0.0);
        }
    }
}

TEST(ReferenceClasses, OneEntryForEachCategoryWithAReferenceClass) {
    const std::vector<Uplift> uplifts = default_uplifts();
    std::multiset<Category> categories;
    for (const Uplift& uplift : uplifts) categories.insert(uplift.category);
    const std::multiset<Category> expected{Category::rail, Category::airport, Category::road,
                                           Category::school, Category::hospital};
    EXPECT_EQ(categories, expected);
}

TEST(ReferenceClasses, EverySourceNamesItsPublicationTableAndBounds) {
    for (const Uplift& uplift : default_uplifts()) {
        SCOPED_TRACE(std::string(category_name(uplift.category)));
        EXPECT_NE(uplift.source.find("Mott MacDonald"), std::string::npos) << uplift.source;
        EXPECT_NE(uplift.source.find("Table 2"), std::string::npos) << uplift.source;
        EXPECT_NE(uplift.source.find("docs/reference-classes.md"), std::string::npos);
        EXPECT_NE(uplift.source.find(percent_range(as_pert(uplift.duration))), std::string::npos)
            << uplift.source;
        EXPECT_NE(uplift.source.find(percent_range(as_pert(uplift.cost))), std::string::npos)
            << uplift.source;
    }
    const std::vector<Uplift> uplifts = default_uplifts();
    EXPECT_NE(find_uplift(uplifts, Category::rail)->source.find("Flyvbjerg"), std::string::npos);
    EXPECT_NE(find_uplift(uplifts, Category::rail)->source.find("44.7 %"), std::string::npos);
    EXPECT_NE(find_uplift(uplifts, Category::road)->source.find("20.4 %"), std::string::npos);
}

TEST(ReferenceClasses, NumbersAreTheDocumentedTable) {
    const std::vector<Uplift> uplifts = default_uplifts();
    for (const Documented& row : documented_table) {
        const std::string category(category_name(row.category));
        const Uplift* uplift = find_uplift(uplifts, row.category);
        ASSERT_NE(uplift, nullptr) << category;
        expect_pert(uplift->duration, row.duration, category + " duration");
        expect_pert(uplift->cost, row.cost, category + " cost");
    }
}

// Flyvbjerg, Holm & Buhl (2002): rail +44.7 %, roads +20.4 % mean cost escalation.
TEST(ReferenceClasses, RailAndRoadCostsAverageFlyvbjergsMeans) {
    const std::vector<Uplift> uplifts = default_uplifts();
    EXPECT_NEAR(mean(*find_uplift(uplifts, Category::rail)->cost), 0.447, tolerance);
    EXPECT_NEAR(mean(*find_uplift(uplifts, Category::road)->cost), 0.204, tolerance);
}

TEST(ReferenceClasses, OtherUpliftsCentreBetweenTheGreenBookBounds) {
    for (const Uplift& uplift : default_uplifts()) {
        SCOPED_TRACE(std::string(category_name(uplift.category)));
        std::vector<PertDistribution> centred{as_pert(uplift.duration)};
        if (uplift.category != Category::rail && uplift.category != Category::road)
            centred.push_back(as_pert(uplift.cost));
        for (const PertDistribution& pert : centred) {
            EXPECT_NEAR(pert.mode, (pert.min + pert.max) / 2, tolerance);
            EXPECT_NEAR(mean(Distribution{pert}), pert.mode, tolerance);
        }
    }
}

TEST(ReferenceClasses, DocumentShowsTheSameNumbers) {
    const std::string document = read_text(reference_document);
    ASSERT_FALSE(document.empty()) << "cannot read " << reference_document;
    for (const Uplift& uplift : default_uplifts()) {
        const std::string category(category_name(uplift.category));
        SCOPED_TRACE(category);
        const PertDistribution& duration = as_pert(uplift.duration);
        const PertDistribution& cost = as_pert(uplift.cost);

        const std::string row_start = "\n| `" + category + "` |";
        const std::size_t row = document.find(row_start);
        ASSERT_NE(row, std::string::npos) << "no table row for " << category;
        const std::string row_text =
            document.substr(row + 1, document.find('\n', row + 1) - (row + 1));
        EXPECT_NE(row_text.find(table_text(duration)), std::string::npos) << row_text;
        EXPECT_NE(row_text.find(table_text(cost)), std::string::npos) << row_text;

        const std::string snippet = "  - category: " + category +
                                    "\n    duration: " + yaml_text(duration) +
                                    "\n    cost: " + yaml_text(cost) + "\n";
        EXPECT_NE(document.find(snippet), std::string::npos) << "missing:\n" << snippet;
    }
}

}  // namespace
}  // namespace pipesim
