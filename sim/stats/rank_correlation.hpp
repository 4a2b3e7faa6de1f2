#pragma once
// Spearman's rank correlation between many inputs (activities' duration draws) and a few
// subjects (milestone dates, the days targets are reached), from sums that do not grow
// with the iteration count.
//
// An input's rank is its uniform draw, the value of its own distribution function; a
// subject's rank is its mid-rank among all iterations, read off the run's histogram of
// days. Both are centred at 1/2 and kept to 15 fractional bits, so every product is a
// small integer: a block's sums are exact in double arithmetic, and the running sums are
// exact integers that merge in any order, for bit-identical results on any thread count.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace pipesim {

class RankCorrelationSums {
  public:
    RankCorrelationSums(std::size_t subjects, std::size_t inputs);

    // A rank in [0, 1] as the exact small integer the sums use.
    static double quantised(double rank);

    // Adds a block: inputs[i * lanes + lane] and subjects[s * lanes + lane], quantised, for
    // lanes 0 .. count - 1.
    void add_block(std::span<const double> inputs, std::span<const double> subjects,
                   std::size_t lanes, std::size_t count);
    void merge(const RankCorrelationSums& other);

    std::int64_t iterations() const { return n_; }
    // nullopt when either side never varies.
    std::optional<double> correlation(std::size_t subject, std::size_t input) const;

    bool operator==(const RankCorrelationSums&) const = default;

  private:
    friend struct TallyBytes;
    std::size_t subjects_;
    std::size_t inputs_;
    std::int64_t n_ = 0;
    std::vector<std::int64_t> cross_;    // subject * inputs + input: sum of products
    std::vector<std::int64_t> input_;    // per input: sum, sum of squares
    std::vector<std::int64_t> subject_;  // per subject: sum, sum of squares
};

// Mid-ranks in [0, 1] of a day-resolution histogram's bins: for each bin, the share of
// counts below it plus half its own.
std::vector<double> mid_ranks(std::span<const std::uint32_t> histogram, std::uint64_t total);

}  // namespace pipesim
