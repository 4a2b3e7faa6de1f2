#pragma once
// The Monte Carlo run: iterations in fixed chunks, chunks spread over worker threads,
// each worker with its own scratch and histograms, sums merged in chunk order. Results
// are bit-identical for any thread count.

#include <cstdint>
#include <functional>

#include "graph/network.hpp"
#include "stats/tallies.hpp"

namespace pipesim {

enum class TallyScope { every_node, milestones_only };

// Plain Monte Carlo, or a Latin hypercube: each variable's iterations spread one per
// stratum of [0, 1), which lowers the variance of means for the same iteration count.
enum class SamplingMethod { monte_carlo, latin_hypercube };

struct RunSettings {
    std::uint64_t iterations = 10000;
    std::uint64_t seed = 1;
    SamplingMethod sampling = SamplingMethod::monte_carlo;
    unsigned threads = 0;  // 0: every hardware thread
    TallyScope scope = TallyScope::every_node;
    // Called between chunks, in order, with the number of iterations finished so far.
    std::function<void(std::uint64_t)> on_progress;
};

// Iterations per chunk: the unit of work and of the in-order merge. Fixed, so the order
// of floating-point sums does not depend on how many threads run.
inline constexpr std::uint64_t iterations_per_chunk = 1024;
// Iterations scheduled together in one forward pass.
inline constexpr std::size_t iterations_per_block = 256;

// Throws InputError if the settings are out of range (no iterations, more than 2^32).
Tallies simulate(const Network& network, const RunSettings& settings);

}  // namespace pipesim
