#include "stats/date_histogram.hpp"

namespace pipesim {
namespace {

// Whole days, then whole weeks, then multiples of four weeks: bins a planner can name.
std::int32_t bin_width(std::int64_t span_days) {
    const auto bins = static_cast<std::int64_t>(chart_bins);
    if (span_days <= bins) return 1;
    const std::int64_t weeks = (span_days + 7 * bins - 1) / (7 * bins);
    if (weeks <= 2) return static_cast<std::int32_t>(7 * weeks);
    return static_cast<std::int32_t>(28 * ((weeks + 3) / 4));
}

}  // namespace

DateHistogram binned_dates(std::span<const std::uint32_t> days, Date plan_start) {
    DateHistogram histogram{plan_start, 1, {}, days.empty() ? 0 : days.back()};
    std::size_t first = 0;
    std::size_t last = 0;  // one past the last day with a count
    for (std::size_t d = 0; d + 1 < days.size(); ++d)
        if (days[d] > 0) {
            if (last == 0) first = d;
            last = d + 1;
        }
    if (last == 0) return histogram;
    histogram.first = plan_start.plus_days(static_cast<std::int32_t>(first));
    histogram.bin_days = bin_width(static_cast<std::int64_t>(last - first));
    const auto width = static_cast<std::size_t>(histogram.bin_days);
    histogram.counts.assign((last - first + width - 1) / width, 0);
    for (std::size_t d = first; d < last; ++d) histogram.counts[(d - first) / width] += days[d];
    return histogram;
}

}  // namespace pipesim
