#pragma once
// The traffic light a planner reads first: how likely a milestone is to be on time, or a
// target to be reached, against two thresholds. Always shown with its words, never by
// colour alone.

#include <optional>
#include <string_view>

namespace pipesim {

struct StatusThresholds {
    double green = 0.8;  // at least this probability: on track
    double amber = 0.5;  // at least this (and below green): at risk; below: off track
};

enum class Status { on_track, at_risk, off_track, no_target };

// no_target when there is no probability to judge (a milestone without a target date).
Status status_of(std::optional<double> probability, StatusThresholds thresholds);
// "On track", "At risk", "Off track", "No target".
std::string_view status_label(Status status);
// The CSS class that colours it: "green", "amber", "red", "none".
std::string_view status_colour(Status status);

}  // namespace pipesim
