#include "stats/tallies.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace pipesim {

FinishHistograms::FinishHistograms(std::size_t slots, std::int32_t horizon_days)
    : bins_(std::int64_t{horizon_days} + 1), counts_(slots * static_cast<std::size_t>(bins_), 0) {}

void FinishHistograms::merge(const FinishHistograms& other) {
    assert(other.counts_.size() == counts_.size());
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
}

FinishMoments::FinishMoments(std::shared_ptr<const std::vector<double>> shifts)
    : shifts_(std::move(shifts)), sums_(2 * shifts_->size(), 0.0) {}

void FinishMoments::merge(const FinishMoments& other) {
    assert(other.sums_.size() == sums_.size());
    for (std::size_t i = 0; i < sums_.size(); ++i) sums_[i] += other.sums_[i];
}

double FinishMoments::mean(std::size_t slot, std::uint64_t count) const {
    if (count == 0) return (*shifts_)[slot];
    return (*shifts_)[slot] + sums_[2 * slot] / static_cast<double>(count);
}

double FinishMoments::standard_deviation(std::size_t slot, std::uint64_t count) const {
    if (count < 2) return 0.0;
    const double n = static_cast<double>(count);
    const double sum = sums_[2 * slot];
    const double squares = std::max(0.0, sums_[2 * slot + 1] - sum * sum / n);
    return std::sqrt(squares / (n - 1.0));
}

}  // namespace pipesim
