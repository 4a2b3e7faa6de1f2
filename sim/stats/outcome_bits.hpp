#pragma once
// Whether each iteration met each promise (a milestone's target date, a target's deadline),
// one bit per iteration. Two runs on the same random numbers (common random numbers) can
// then be compared iteration by iteration, which gives the exact standard error of their
// difference. The one structure in a run that grows with the iteration count: an eighth
// of a byte per iteration and promise (a million iterations of 50 promises: 6 MB).

#include <cstdint>
#include <vector>

namespace pipesim {

class OutcomeBits {
  public:
    OutcomeBits() = default;
    OutcomeBits(std::size_t promises, std::uint64_t iterations);

    // Iterations are written by chunks of a multiple of 64, so two threads never share a
    // word.
    void set(std::size_t promise, std::uint64_t iteration) {
        words_[promise * words_per_promise_ + iteration / 64] |= std::uint64_t{1}
                                                                 << (iteration % 64);
    }
    std::size_t promises() const { return promises_; }
    std::uint64_t bytes() const { return words_.size() * sizeof(std::uint64_t); }
    // The words of iterations [first, last), where `first` is a multiple of 64.
    struct WordRange {
        std::size_t first;
        std::size_t last;
    };
    static WordRange words_of(std::uint64_t first, std::uint64_t last);

    bool operator==(const OutcomeBits&) const = default;

    // Over the first `iterations`: how often `this` met its promise number `promise` where
    // `other` did not meet its number `other_promise`, and the reverse.
    struct Discordance {
        std::uint64_t only_this;
        std::uint64_t only_other;
    };
    Discordance discordance(const OutcomeBits& other, std::size_t promise,
                            std::size_t other_promise, std::uint64_t iterations) const;

  private:
    friend struct TallyBytes;
    std::size_t promises_ = 0;
    std::size_t words_per_promise_ = 0;
    std::vector<std::uint64_t> words_;
};

// The difference of two paired proportions, p_this - p_other, and its standard error
// from the discordant pairs.
struct PairedDifference {
    double difference;
    double standard_error;
};
PairedDifference paired_difference(OutcomeBits::Discordance discordance, std::uint64_t iterations);

}  // namespace pipesim
