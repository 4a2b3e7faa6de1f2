#include "model/reference_classes.hpp"

#include <string>
#include <utility>

namespace pipesim {
namespace {

struct Bounds {
    double lower = 0;
    double upper = 0;
};

// A project type of Mott MacDonald (2002), Table 2, "Optimism Bias Guidelines" (the table
// behind the Green Book's supplementary guidance): how far works duration and capital
// expenditure overran, lower and upper bound, written as fractions.
struct GreenBookClass {
    Bounds duration;
    Bounds capex;
};

constexpr GreenBookClass standard_buildings{{0.01, 0.04}, {0.02, 0.24}};
constexpr GreenBookClass non_standard_buildings{{0.02, 0.39}, {0.04, 0.51}};
constexpr GreenBookClass standard_civil_engineering{{0.01, 0.20}, {0.03, 0.44}};
constexpr GreenBookClass non_standard_civil_engineering{{0.03, 0.25}, {0.06, 0.66}};

// Flyvbjerg, Holm & Buhl (2002): mean escalation from the cost estimated at the decision to
// build to the actual cost, in constant prices, in their sample of 258 transport projects.
constexpr double rail_mean_cost_escalation = 0.447;
constexpr double road_mean_cost_escalation = 0.204;

// The guidance starts an appraisal at the upper bound and expects the lower bound once the
// risks are managed, at contract award. A default cannot know how far along a project is,
// so its most likely uplift lies halfway.
constexpr PertDistribution halfway(Bounds bounds) {
    return {bounds.lower, (bounds.lower + bounds.upper) / 2, bounds.upper};
}

// Keeps the guidance's bounds but puts the mean where the larger, transport-only sample puts
// it; a PERT's mean is (min + 4 mode + max) / 6.
constexpr PertDistribution with_mean(Bounds bounds, double mean) {
    return {bounds.lower, (6 * mean - bounds.lower - bounds.upper) / 4, bounds.upper};
}

// A mean too near a bound would need a mode outside the bounds.
constexpr bool mode_within_bounds(const PertDistribution& pert) {
    return pert.min <= pert.mode && pert.mode <= pert.max;
}
static_assert(mode_within_bounds(with_mean(non_standard_civil_engineering.capex,
                                           rail_mean_cost_escalation)));
static_assert(mode_within_bounds(with_mean(standard_civil_engineering.capex,
                                           road_mean_cost_escalation)));

constexpr const char* guidance =
    "HM Treasury, Green Book supplementary guidance 'Optimism bias' (2003), from Mott MacDonald, "
    "Review of Large Public Procurement in the UK (2002), Table 2 'Optimism Bias Guidelines': ";
constexpr const char* flyvbjerg =
    "Flyvbjerg, Holm & Buhl, 'Underestimating costs in public works projects: error or lie?', "
    "Journal of the American Planning Association 68(3), 2002: ";
constexpr const char* see_doc = " (docs/reference-classes.md)";

Uplift uplift(Category category, const GreenBookClass& kind, Distribution cost,
              const std::string& source) {
    Uplift result;
    result.category = category;
    result.duration = halfway(kind.duration);
    result.cost = std::move(cost);
    result.source = source + see_doc;
    return result;
}

}  // namespace

std::vector<Uplift> default_uplifts() {
    const std::string from_guidance = guidance;
    const std::string from_flyvbjerg = flyvbjerg;
    return {
        uplift(Category::rail, non_standard_civil_engineering,
               with_mean(non_standard_civil_engineering.capex, rail_mean_cost_escalation),
               from_guidance +
                   "non-standard civil engineering, duration 3-25 %, capital expenditure 6-66 %; " +
                   from_flyvbjerg + "rail, mean cost escalation 44.7 %"),
        uplift(Category::airport, non_standard_civil_engineering,
               halfway(non_standard_civil_engineering.capex),
               from_guidance +
                   "non-standard civil engineering, duration 3-25 %, capital expenditure 6-66 %"),
        uplift(Category::road, standard_civil_engineering,
               with_mean(standard_civil_engineering.capex, road_mean_cost_escalation),
               from_guidance +
                   "standard civil engineering, duration 1-20 %, capital expenditure 3-44 %; " +
                   from_flyvbjerg + "roads, mean cost escalation 20.4 %"),
        uplift(Category::school, standard_buildings, halfway(standard_buildings.capex),
               from_guidance + "standard buildings, duration 1-4 %, capital expenditure 2-24 %"),
        uplift(
            Category::hospital, non_standard_buildings, halfway(non_standard_buildings.capex),
            from_guidance + "non-standard buildings, duration 2-39 %, capital expenditure 4-51 %"),
    };
}

}  // namespace pipesim
