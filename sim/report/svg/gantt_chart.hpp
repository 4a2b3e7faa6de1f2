#pragma once
// The probabilistic Gantt chart: per project, a bar per milestone from its P10 to its P90
// date with the P50 marked and the target date beside it, coloured by its traffic light
// and labelled with its probability, so colour is never the only signal.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace pipesim::svg {

struct GanttRow {
    std::string label;
    std::optional<Date> p10, p50, p90;  // nullopt: beyond the horizon
    std::optional<Date> target;
    std::string status;  // the bar's CSS class: green, amber, red, none
    std::string note;    // at the right: "44.5% At risk"
};

struct GanttGroup {
    std::string heading;  // the project
    std::vector<GanttRow> rows;
};

// `horizon` ends a bar whose P90 lies beyond it.
std::string gantt_chart(const std::string& title, const std::vector<GanttGroup>& groups,
                        Date horizon);

}  // namespace pipesim::svg
