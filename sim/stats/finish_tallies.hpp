#pragma once
// What a run keeps of its nodes' finishes: a day-resolution histogram of each tallied
// node's finish, and shifted sums for its mean and spread. Memory depends on the graph and the
// horizon, never on the iteration count.
//
// Histograms hold integers, so merging them in any order gives the same answer; the sums
// are floating point, so the engine merges them in a fixed (chunk) order.

#include <cmath>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace pipesim {

// Counts of finishes per calendar day index 0 .. horizon_days - 1, then one bin for
// "after the horizon".
class FinishHistograms {
  public:
    FinishHistograms(std::size_t slots, std::int32_t horizon_days);

    void add(std::size_t slot, std::int64_t day_index) {
        const std::int64_t bin = day_index < bins_ - 1 ? day_index : bins_ - 1;
        ++counts_[slot * static_cast<std::size_t>(bins_) + static_cast<std::size_t>(bin)];
    }
    void merge(const FinishHistograms& other);

    std::span<const std::uint32_t> of(std::size_t slot) const {
        return {counts_.data() + slot * static_cast<std::size_t>(bins_),
                static_cast<std::size_t>(bins_)};
    }
    std::int32_t horizon_days() const { return static_cast<std::int32_t>(bins_ - 1); }

    // How many of a slot's finishes fall on day indices 0 .. last_day (within the horizon).
    std::uint64_t count_by(std::size_t slot, std::int64_t last_day) const;

    bool operator==(const FinishHistograms&) const = default;

  private:
    friend struct TallyBytes;
    std::int64_t bins_;
    std::vector<std::uint32_t> counts_;
};

// Per slot, over the iterations in which the node happens: their count and the sums of
// (t - shift) and (t - shift)^2. Shifting by a value near the mean (the deterministic
// finish) keeps the variance free of cancellation.
class FinishMoments {
  public:
    explicit FinishMoments(std::shared_ptr<const std::vector<double>> shifts);

    void add(std::size_t slot, double t) {
        const bool happens = std::isfinite(t);
        const double x = happens ? t - (*shifts_)[slot] : 0.0;
        sums_[3 * slot] += happens ? 1.0 : 0.0;
        sums_[3 * slot + 1] += x;
        sums_[3 * slot + 2] += x * x;
    }
    void merge(const FinishMoments& other);

    // In how many iterations the node happened.
    std::uint64_t happened(std::size_t slot) const {
        return static_cast<std::uint64_t>(sums_[3 * slot]);
    }
    // The shift when it never happens.
    double mean(std::size_t slot) const;
    // Sample standard deviation (n - 1 in the denominator); 0 for fewer than two samples.
    double standard_deviation(std::size_t slot) const;

    // Same shifts and bit-identical sums.
    bool operator==(const FinishMoments& other) const;

  private:
    friend struct TallyBytes;
    std::shared_ptr<const std::vector<double>> shifts_;  // shared by every chunk's moments
    std::vector<double> sums_;
};

}  // namespace pipesim
