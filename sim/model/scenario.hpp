#pragma once
// A scenario in the planner's words: plain data, as read from a scenario file and checked.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "model/distribution.hpp"

namespace pipesim {

enum class Category { rail, airport, road, school, hospital, commerce, investment, reform, other };

// Finish-to-start, start-to-start, finish-to-finish, start-to-finish.
enum class LinkType { fs, ss, ff, sf };

enum class ActivityKind { work, milestone };

// How money spread over a span arrives within it, as the share spent by the fraction x of
// the span: even x, front-loaded 1-(1-x)^2, back-loaded x^2, S-curve 3x^2-2x^3.
enum class SpendProfile { even, front_loaded, back_loaded, s_curve };

// The share spent by the fraction x in [0, 1] of the span.
constexpr double share_spent(SpendProfile profile, double x) {
    switch (profile) {
        case SpendProfile::even:
            return x;
        case SpendProfile::front_loaded:
            return 1.0 - (1.0 - x) * (1.0 - x);
        case SpendProfile::back_loaded:
            return x * x;
        case SpendProfile::s_curve:
            return x * x * (3.0 - 2.0 * x);
    }
    return x;
}

struct Dependency {
    std::string predecessor;  // full id, "project.activity"
    LinkType type = LinkType::fs;
    double lag_days = 0;                        // may be negative (a lead)
    std::optional<Distribution> uncertain_lag;  // when given, the lag in days, drawn
    SourceLocation where;
};

// A condition on another activity's finish under which an activity happens at all: the
// primary path when an approval comes by a date, a fallback path when it comes later.
struct Condition {
    enum class When { by, later_than };
    std::string activity;  // full id
    When when = When::by;
    Date date;
    SourceLocation where;
};

// What an activity spends, in the scenario's currency. As in AACE 57R-09, a
// time-independent amount and a time-dependent daily rate (so late work costs more) are
// both spread over the activity's span by the profile; lumps fall at its start or finish.
struct ActivityCost {
    std::optional<Distribution> amount;
    std::optional<Distribution> per_day;
    SpendProfile profile = SpendProfile::even;
    std::optional<Distribution> at_start;
    std::optional<Distribution> at_finish;
    SourceLocation where;
};

// Work with an uncertain duration, or a milestone: a zero-length event.
struct Activity {
    std::string id;  // full id, "project.activity"
    std::string name;
    ActivityKind kind = ActivityKind::work;
    Distribution duration = FixedDistribution{0};
    std::string assumption;  // id of the shared assumption the duration comes from, if any
    std::vector<Dependency> predecessors;
    std::optional<Date> start_no_earlier_than;
    std::optional<Date> target;  // milestones: the date it is promised by
    std::optional<ActivityCost> cost;
    double probability = 1.0;  // that it happens at all; when it does not, nor do its successors
    std::optional<Condition> only_if;  // and it happens only when this holds
    // Progress by the status date. Finished work keeps its actual dates and is not
    // sampled; work in progress keeps its actual start and takes `remaining` days from the
    // status date. A milestone that has happened has only an actual finish: its day.
    std::optional<Date> actual_start;
    std::optional<Date> actual_finish;
    std::optional<Distribution> remaining;
    SourceLocation where;
};

struct Project {
    std::string id;
    std::string name;
    Category category = Category::other;
    std::vector<std::string> tags;
    std::vector<Activity> activities;  // work and milestones, in file order
    SourceLocation where;
};

// A named, explained estimate that activities refer to, so all of a plan's guesses sit in
// one table a planner can read and edit.
struct Assumption {
    std::string id;
    Distribution value;
    std::string why;
    SourceLocation where;
};

// ---- Investment funnels -----------------------------------------------------------------

// One step of a funnel (lead -> negotiation -> signed -> started ...). Items enter at the
// first stage; each later stage is reached, with its probability, some days after the one
// before it, and an item that fails a stage drops out of the funnel.
struct FunnelStage {
    std::string id;  // local to the funnel, e.g. "signed"
    std::string name;
    double probability = 1.0;                      // of converting from the previous stage
    Distribution duration = FixedDistribution{0};  // days from reaching the previous stage
    std::string assumption;                        // id the duration comes from, if any
    std::string why;
    SourceLocation where;
};

// Money that arrives once an item reaches a stage: a fraction of the item's value, spread
// over some days by a profile ("funds in place").
struct FundsArrival {
    std::string stage;  // local stage id
    Distribution fraction = FixedDistribution{1};
    Distribution days = FixedDistribution{0};
    SpendProfile profile = SpendProfile::even;
    SourceLocation where;
};

// A funnel stage as one item meets it: the funnel's numbers unless the item gives its own.
struct ItemStage {
    double probability = 1.0;
    Distribution duration = FixedDistribution{0};
    std::vector<Dependency> predecessors;  // besides reaching the previous stage
};

// A prospective investment. Its stage nodes are named "funnel.item.stage" and take part in
// the project graph like any activity: they may wait for milestones and be waited for.
struct FunnelItem {
    std::string id;  // full id, "funnel.item"
    std::string name;
    std::size_t reached = 0;  // index of the stage it had reached by the status date
    Distribution value = FixedDistribution{0};
    // One per funnel stage. The first stage's duration is the days after the status date
    // at which an item still to come enters the funnel (0: it is there already).
    std::vector<ItemStage> stages;
    SourceLocation where;
};

struct Funnel {
    std::string id;
    std::string name;
    Category category = Category::investment;
    std::vector<std::string> tags;
    std::vector<FunnelStage> stages;  // in order
    std::optional<FundsArrival> funds;
    std::vector<FunnelItem> items;  // listed items, then the items batches generate
    SourceLocation where;
};

// ---- Targets ----------------------------------------------------------------------------

// What a target counts or sums: items reaching a funnel stage, their value, the funds in
// place, the cumulative spend of activities, or milestones achieved.
enum class TargetMeasure { items, value, funds, spend, milestones };

// What a target looks at. Each list that is not empty must match (an id, category or tag
// in it); empty lists match everything.
struct Selection {
    std::vector<std::string> projects;
    std::vector<std::string> funnels;
    std::vector<Category> categories;
    std::vector<std::string> tags;
    std::vector<std::string> milestones;  // full ids; milestones targets count only these

    // Whether a project (funnel = false) or funnel (funnel = true) is selected.
    bool matches(std::string_view group, bool funnel, Category category,
                 const std::vector<std::string>& group_tags) const;
    // Whether a milestone of a selected project is counted.
    bool counts_milestone(std::string_view id) const;
};

struct Target {
    std::string id;
    std::string name;
    TargetMeasure measure = TargetMeasure::items;
    std::string stage;  // items and value: the local stage id counted
    Selection of;
    double at_least = 0;  // a count or an amount; with share, a fraction in (0, 1]
    bool share = false;   // at_least is a share of the selection (items, milestones)
    Date deadline;
    SourceLocation where;
};

// ---- Risks, correlation and optimism bias ---------------------------------------------

// What a risk does to each activity it hits when it occurs: a delay added to the
// duration, a factor on it, a cost paid at the activity's finish. One draw per iteration
// serves every activity the risk hits (a risk driver).
struct RiskEffect {
    std::optional<Distribution> delay;
    std::optional<Distribution> multiplier;
    std::optional<Distribution> cost;
};

struct Mitigation {
    double probability = 0;            // after mitigation
    RiskEffect effect;                 // after mitigation; empty parts keep the unmitigated effect
    std::optional<Distribution> cost;  // of the mitigation itself, paid at the status date
};

struct Risk {
    std::string id;
    std::string name;
    std::string why;
    double probability = 0;
    std::vector<std::string> activities;  // full ids it hits
    std::optional<Selection> of;          // and every activity of the selected projects
    RiskEffect effect;
    // It can only occur while a hit activity is in progress between these dates.
    std::optional<Date> window_from;
    std::optional<Date> window_to;
    std::optional<Mitigation> mitigation;
    SourceLocation where;
};

// Rank correlation between uncertain quantities that share a cause, as a group (every
// pair in it) or a pair (a group of two). Applied by a Gaussian copula, so every
// marginal distribution is kept exactly.
enum class CorrelatedQuantity { durations, costs, risks };
struct Correlation {
    std::string id;
    CorrelatedQuantity quantity = CorrelatedQuantity::durations;
    std::vector<std::string> members;  // activity full ids (durations, costs) or risk ids
    std::optional<Selection> of;       // durations and costs: every activity of these
    double rho = 0;
    SourceLocation where;
};

// Planners' optimism bias for a category, drawn once per iteration per project: durations
// and costs are multiplied by 1 + uplift (uplift as a fraction, e.g. 0.2 for +20%).
struct Uplift {
    Category category = Category::other;
    std::optional<Distribution> duration;
    std::optional<Distribution> cost;
    std::string source;  // where the numbers come from
    SourceLocation where;
};

struct PlanSettings {
    std::string name;
    Date start;
    Date status_date;  // work before it is history; equals start when not given
    Date horizon_end;  // last day simulated dates are resolved to
    std::uint64_t iterations = 10000;
    std::uint64_t seed = 1;
    std::string currency;  // the unit every amount of money is in, e.g. "million yuan"
};

struct Scenario {
    std::string source;  // file the scenario was read from
    PlanSettings plan;
    std::vector<Assumption> assumptions;
    std::vector<Project> projects;
    std::vector<Funnel> funnels;
    std::vector<Target> targets;
    std::vector<Risk> risks;
    std::vector<Correlation> correlations;
    std::vector<Uplift> uplifts;  // at most one per category
};

std::string_view category_name(Category category);
std::optional<Category> parse_category(std::string_view name);
std::string_view link_type_name(LinkType type);
std::string_view profile_name(SpendProfile profile);
std::optional<SpendProfile> parse_profile(std::string_view name);
std::string_view measure_name(TargetMeasure measure);
std::optional<TargetMeasure> parse_measure(std::string_view name);
std::string_view correlated_name(CorrelatedQuantity quantity);
std::optional<CorrelatedQuantity> parse_correlated(std::string_view name);

}  // namespace pipesim
