#include "stats/value_histogram.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace pipesim {

ValueHistogram::ValueHistogram(double upper, bool whole, std::size_t max_bins) {
    const double top = std::max(upper, 1.0);
    const bool bin_per_value = whole && top + 1.0 <= static_cast<double>(max_bins);
    const std::size_t bins = bin_per_value ? static_cast<std::size_t>(top) + 1 : max_bins;
    width_ = bin_per_value ? 1.0 : top / static_cast<double>(max_bins);
    counts_.assign(bins, 0);
    smallest_.assign(bins, std::numeric_limits<double>::infinity());
    largest_.assign(bins, -std::numeric_limits<double>::infinity());
}

void ValueHistogram::add(double value) {
    // Values past the top (beyond the upper bound's 1e-9 tail) share the last bin.
    const double position = std::floor(std::max(value, 0.0) / width_);
    const auto last = static_cast<double>(counts_.size() - 1);
    const auto bin = static_cast<std::size_t>(std::min(position, last));
    ++counts_[bin];
    smallest_[bin] = std::min(smallest_[bin], value);
    largest_[bin] = std::max(largest_[bin], value);
}

void ValueHistogram::merge(const ValueHistogram& other) {
    assert(other.counts_.size() == counts_.size());
    for (std::size_t b = 0; b < counts_.size(); ++b) {
        counts_[b] += other.counts_[b];
        smallest_[b] = std::min(smallest_[b], other.smallest_[b]);
        largest_[b] = std::max(largest_[b], other.largest_[b]);
    }
}

double ValueHistogram::quantile(double p, std::uint64_t total) const {
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(p * static_cast<double>(total))));
    std::uint64_t below = 0;
    for (std::size_t b = 0; b < counts_.size(); ++b) {
        if (below + counts_[b] < rank) {
            below += counts_[b];
            continue;
        }
        // The values in a bin are taken as evenly spread between its extremes.
        if (counts_[b] == 1) return smallest_[b];
        const double position =
            static_cast<double>(rank - below - 1) / static_cast<double>(counts_[b] - 1);
        return smallest_[b] + (largest_[b] - smallest_[b]) * position;
    }
    return 0.0;
}

}  // namespace pipesim
