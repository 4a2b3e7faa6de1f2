#pragma once
// Whether a run fits in memory, checked before it starts: a run's day histograms grow with
// tallied nodes x horizon days x worker threads, and the outcome bits a sweep or comparison
// keeps grow with promises x iterations; a plan of a few hundred thousand activities over a
// long horizon, or a comparison of a billion iterations, would otherwise exhaust the
// machine part way through (and be killed by the system rather than stopped with a reason).

#include <cstdint>

namespace pipesim {

// Bytes of a run's day histograms: one set per worker, one merged, one in the summary.
std::uint64_t histogram_bytes(std::uint64_t tallied_nodes, std::int32_t horizon_days,
                              unsigned workers);

// Bytes of the outcome bits of a run (OutcomeBits): a bit per promise per iteration, in
// 64-bit words.
std::uint64_t outcome_bytes(std::uint64_t promises, std::uint64_t iterations);

std::uint64_t physical_memory_bytes();

// What a run needs, by part.
struct MemoryNeed {
    std::uint64_t histograms = 0;
    // The run's own outcome bits and those its caller keeps through it.
    std::uint64_t outcomes = 0;
};

// Throws InputError naming each part, the machine's memory and what lowers the need when
// the need exceeds `available`.
void require_memory(const MemoryNeed& need, std::uint64_t available);

}  // namespace pipesim
