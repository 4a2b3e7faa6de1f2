#pragma once
// Why a milestone or a target misses: the activities and risks that drive its date.
//
// For an activity: its criticality index (the share of iterations, among those in which
// the milestone happens, that it lies on the chain of driving links behind it), its
// sensitivity (Spearman's rank correlation between its duration draw and the date), their
// product, cruciality, and the schedule sensitivity index, criticality x sd(activity's
// duration) / sd(milestone's date). A target's date is the day a sum crosses a threshold,
// driven by many paths at once, so targets have sensitivity but no criticality.
//
// For a risk: the same iterations replayed with the risk switched off, so what it costs in
// probability and P80 days is exact common random numbers.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace pipesim {

struct ActivityDriver {
    std::string activity;
    std::string name;
    std::optional<double> criticality;  // milestones only
    std::optional<double> sensitivity;  // nullopt: its duration is not drawn
    std::optional<double> cruciality;
    std::optional<double> sensitivity_index;
};

struct RiskImpact {
    std::string risk;
    std::optional<double> p_with;     // p_on_time or p_reached with every risk; nullopt
    std::optional<double> p_without;  // for a milestone without a target date
    std::optional<Date> p80_with;     // with this risk switched off
    std::optional<Date> p80_without;
};

// Probability points the risk costs; nullopt without a target date.
std::optional<double> p_points(const RiskImpact& impact);
// Days the risk pushes the P80 date out; nullopt when either lies beyond the horizon.
std::optional<int> p80_days(const RiskImpact& impact);

struct Drivers {
    std::vector<ActivityDriver> activities;  // most important first
    std::vector<RiskImpact> risks;           // largest loss of probability first, then days
};

// By default results list this many of each: the top of the ranking.
inline constexpr std::size_t listed_drivers = 20;

}  // namespace pipesim
