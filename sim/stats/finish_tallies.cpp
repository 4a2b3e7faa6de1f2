#include "stats/finish_tallies.hpp"

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

std::uint64_t FinishHistograms::count_by(std::size_t slot, std::int64_t last_day) const {
    const auto counts = of(slot);
    std::uint64_t count = 0;
    for (std::int64_t day = 0; day <= last_day && day + 1 < bins_; ++day)
        count += counts[static_cast<std::size_t>(day)];
    return count;
}

FinishMoments::FinishMoments(std::shared_ptr<const std::vector<double>> shifts)
    : shifts_(std::move(shifts)), sums_(3 * shifts_->size(), 0.0) {}

void FinishMoments::merge(const FinishMoments& other) {
    assert(other.sums_.size() == sums_.size());
    for (std::size_t i = 0; i < sums_.size(); ++i) sums_[i] += other.sums_[i];
}

bool FinishMoments::operator==(const FinishMoments& other) const {
    return *shifts_ == *other.shifts_ && sums_ == other.sums_;
}

double FinishMoments::mean(std::size_t slot) const {
    const double n = sums_[3 * slot];
    if (n == 0) return (*shifts_)[slot];
    return (*shifts_)[slot] + sums_[3 * slot + 1] / n;
}

double FinishMoments::standard_deviation(std::size_t slot) const {
    const double n = sums_[3 * slot];
    if (n < 2) return 0.0;
    const double sum = sums_[3 * slot + 1];
    const double squares = std::max(0.0, sums_[3 * slot + 2] - sum * sum / n);
    return std::sqrt(squares / (n - 1.0));
}

}  // namespace pipesim
