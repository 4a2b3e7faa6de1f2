#pragma once
// Whether a run fits in memory, checked before it starts: a run's day histograms grow with
// tallied nodes x horizon days x worker threads, and a plan of a few hundred thousand
// activities over a long horizon would otherwise exhaust the machine part way through
// (and be killed by the system rather than stopped with a reason).

#include <cstdint>

namespace pipesim {

// Bytes of a run's day histograms: one set per worker, one merged, one in the summary.
std::uint64_t histogram_bytes(std::uint64_t tallied_nodes, std::int32_t horizon_days,
                              unsigned workers);

std::uint64_t physical_memory_bytes();

// Throws InputError naming both sizes and what lowers the need when `needed` exceeds
// `available`.
void require_memory(std::uint64_t needed, std::uint64_t available);

}  // namespace pipesim
