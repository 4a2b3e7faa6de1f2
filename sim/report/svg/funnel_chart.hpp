#pragma once
// An investment funnel at one date: a centred bar per stage, as wide as the items
// expected to have reached it, narrowing from leads to funds in place, each labelled with
// its expected count and P10-P90 range.

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "stats/summary.hpp"

namespace pipesim::svg {

struct FunnelStageBar {
    std::string name;
    ValueForecast reached;  // items that have reached the stage by the date
};

struct FunnelChart {
    std::string title;
    Date at;
    std::uint64_t items = 0;  // in the funnel: the widest bar
    std::vector<FunnelStageBar> stages;
};

std::string funnel_chart(const FunnelChart& chart);

}  // namespace pipesim::svg
