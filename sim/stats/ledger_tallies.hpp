#pragma once
// What a run keeps of the ledger: for every measure its total at each report date, and for
// every target its total at the deadline and the day it reaches its threshold. As for
// finishes, integer histograms are merged in any order and floating-point sums in chunk
// order, and nothing grows with the iteration count.

#include <cstdint>
#include <vector>

#include "graph/ledger.hpp"
#include "stats/finish_tallies.hpp"
#include "stats/value_histogram.hpp"

namespace pipesim {

// Bins per value histogram: quantiles of money are good to a thousandth of the largest
// possible total.
inline constexpr std::size_t value_bins = 1000;

struct LedgerHistograms {
    LedgerHistograms(const Ledger& ledger, std::int32_t horizon_days);
    void merge(const LedgerHistograms& other);
    bool operator==(const LedgerHistograms&) const = default;

    std::size_t dates;
    std::vector<ValueHistogram> at_dates;     // measure * dates + date
    std::vector<ValueHistogram> at_deadline;  // per target
    FinishHistograms reached;                 // per target: the day its threshold is reached
};

class LedgerSums {
  public:
    explicit LedgerSums(const Ledger& ledger);
    void merge(const LedgerSums& other);

    void add_at_date(std::size_t measure, std::size_t date, double total) {
        at_dates_[measure * dates_ + date] += total;
    }
    // Sums are of the total less the threshold, which lies near it, so the variance
    // suffers no cancellation.
    void add_at_deadline(std::size_t target, double total) {
        const double x = total - thresholds_[target];
        deadline_[3 * target] += x;
        deadline_[3 * target + 1] += x * x;
        deadline_[3 * target + 2] += x < 0.0 ? -x : 0.0;
    }

    double mean_at_date(std::size_t measure, std::size_t date, std::uint64_t n) const;
    double mean_at_deadline(std::size_t target, std::uint64_t n) const;
    double sd_at_deadline(std::size_t target, std::uint64_t n) const;
    double expected_shortfall(std::size_t target, std::uint64_t n) const;

    bool operator==(const LedgerSums&) const = default;

  private:
    friend struct TallyBytes;
    std::size_t dates_;
    std::vector<double> at_dates_;
    std::vector<double> thresholds_;
    std::vector<double> deadline_;  // per target: sum, sum of squares, shortfall
};

}  // namespace pipesim
