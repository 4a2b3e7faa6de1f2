#pragma once
// When a milestone lands or a target is reached: the histogram of the day over all
// iterations with the cumulative share over it (the chance of being done by each day),
// the target date as a vertical line and the P50 and P80 dates marked.

#include <optional>
#include <string>

#include "core/date.hpp"
#include "stats/date_histogram.hpp"

namespace pipesim::svg {

struct DateChart {
    std::string title;
    DateHistogram histogram;     // `beyond` counts after the horizon or never
    std::optional<Date> target;  // a milestone's target, a target's deadline
    std::optional<Date> p50;     // nullopt: beyond the horizon
    std::optional<Date> p80;
};

std::string date_chart(const DateChart& chart);

}  // namespace pipesim::svg
