#include "stats/outcome_bits.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace pipesim {

OutcomeBits::OutcomeBits(std::size_t promises, std::uint64_t iterations)
    : promises_(promises),
      words_per_promise_(static_cast<std::size_t>((iterations + 63) / 64)),
      words_(promises * words_per_promise_, 0) {}

OutcomeBits::WordRange OutcomeBits::words_of(std::uint64_t first, std::uint64_t last) {
    return {static_cast<std::size_t>(first / 64), static_cast<std::size_t>((last + 63) / 64)};
}

OutcomeBits::Discordance OutcomeBits::discordance(const OutcomeBits& other, std::size_t promise,
                                                  std::size_t other_promise,
                                                  std::uint64_t iterations) const {
    Discordance counts{0, 0};
    const std::size_t words = static_cast<std::size_t>((iterations + 63) / 64);
    const std::uint64_t* mine = words_.data() + promise * words_per_promise_;
    const std::uint64_t* theirs = other.words_.data() + other_promise * other.words_per_promise_;
    for (std::size_t w = 0; w < words; ++w) {
        // Bits past `iterations` in the last word were never set.
        counts.only_this += static_cast<std::uint64_t>(std::popcount(mine[w] & ~theirs[w]));
        counts.only_other += static_cast<std::uint64_t>(std::popcount(theirs[w] & ~mine[w]));
    }
    return counts;
}

PairedDifference paired_difference(OutcomeBits::Discordance discordance, std::uint64_t n) {
    const auto count = static_cast<double>(n);
    const double d =
        (static_cast<double>(discordance.only_this) - static_cast<double>(discordance.only_other)) /
        count;
    // Each iteration's difference is -1, 0 or 1: its variance is the discordant share less
    // the squared mean (with n - 1 for the sample variance).
    const double discordant =
        static_cast<double>(discordance.only_this + discordance.only_other) / count;
    const double variance = n > 1 ? (discordant - d * d) * count / (count - 1.0) : 0.0;
    return {d, std::sqrt(std::max(variance, 0.0) / count)};
}

}  // namespace pipesim
