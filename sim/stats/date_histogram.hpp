#pragma once
// A finish or reached-day distribution as a chart draws it: counts per bin of whole days,
// over the range where anything happens, wide enough bins to keep the chart readable.

#include <cstdint>
#include <span>
#include <vector>

#include "core/date.hpp"

namespace pipesim {

struct DateHistogram {
    Date first;                         // the first bin's first day
    std::int32_t bin_days = 1;          // days per bin
    std::vector<std::uint64_t> counts;  // iterations per bin
    std::uint64_t beyond = 0;           // after the horizon, or never
};

// At most this many bins: about one a week over a year's plan.
inline constexpr std::size_t chart_bins = 60;

// `days` is a day-resolution histogram from `plan_start` whose last bin holds what falls
// after the horizon (or never happens).
DateHistogram binned_dates(std::span<const std::uint32_t> days, Date plan_start);

}  // namespace pipesim
