#pragma once
// The Monte Carlo run: iterations in fixed chunks, chunks spread over worker threads,
// each worker with its own scratch and histograms, sums merged in chunk order. Results
// are bit-identical for any thread count.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/process_group.hpp"
#include "graph/network.hpp"
#include "stats/tallies.hpp"

namespace pipesim {

enum class TallyScope { every_node, milestones_only };

// Plain Monte Carlo, or a Latin hypercube: each variable's iterations spread one per
// stratum of [0, 1), which lowers the variance of means for the same iteration count.
enum class SamplingMethod { monte_carlo, latin_hypercube };

// The most iterations a run may have: far more than any forecast needs, and few enough
// that a count of iterations fits in 32 bits wherever that keeps a tally in cache.
inline constexpr std::uint64_t most_iterations = 1'000'000'000;

struct RunSettings {
    std::uint64_t iterations = 10000;  // at most most_iterations
    std::uint64_t seed = 1;
    SamplingMethod sampling = SamplingMethod::monte_carlo;
    // Latin hypercube strata; 0: `iterations`. A replay of a run stopped early by until_se
    // keeps the run's strata, so that it draws the very same numbers.
    std::uint64_t strata = 0;
    unsigned threads = 0;  // 0: every hardware thread
    TallyScope scope = TallyScope::every_node;
    // Leave out the ledger's totals at the report dates (the cash flow, funnel and target
    // fans): a replay that compares only probabilities and dates needs none of them.
    bool targets_only = false;
    // When set, `iterations` is a cap: the run stops at the end of the first wave after
    // which every milestone's p_on_time and every target's p_reached has a standard error
    // at most this.
    std::optional<double> until_se;
    // What drives each milestone with a target and each target: track each node's driving
    // predecessor and tally how often each activity lies on the path that drives a
    // milestone's date (criticality); then forecast() replays the iterations for the rank
    // correlation of every activity's duration with each date (sensitivity).
    bool drivers = false;
    // The milestones and targets (ids) whose drivers are reported; empty: every milestone
    // with a target date and every target.
    std::vector<std::string> drivers_for;
    // Keep, per iteration, whether each promise was met (Tallies::outcomes), so that two
    // runs on the same random numbers can be compared iteration by iteration.
    bool record_outcomes = false;
    // Bytes of outcome bits the caller keeps while this run goes on (a sweep's base run),
    // counted with the run's own against the machine's memory.
    std::uint64_t outcome_bytes_held = 0;
    // Called between chunks, in order, with the number of iterations finished so far.
    std::function<void(std::uint64_t)> on_progress;
    // When given and raised, the run stops between chunks and throws RunCancelled
    // (engine/cancellation.hpp); replays made from these settings stop too.
    const std::atomic<bool>* cancel = nullptr;
    // When given, the processes of the group run this call together, each a contiguous
    // share of the chunks (of each wave, with until_se), and every process returns the
    // tallies one process alone would have (engine/process_group.hpp). Every process must
    // make the same calls with the same settings. Progress is reported by the first, after
    // each wave. `cancel` is for a process running alone: one that stopped would leave the
    // others waiting for its share.
    const ProcessGroup* processes = nullptr;
};

// Iterations per chunk: the unit of work and of the in-order merge. Fixed, so the order
// of floating-point sums does not depend on how many threads run.
inline constexpr std::uint64_t iterations_per_chunk = 1024;
// Convergence is checked after each wave of chunks; a fixed wave keeps the stopping
// iteration the same for any thread count.
inline constexpr std::uint64_t chunks_per_wave = 8;
// Iterations scheduled together in one forward pass. Tracking drivers keeps every node's
// drivers for the whole block (where dates live in a few reused rows), so those blocks
// are smaller: the drivers then stay in the core's cache until the walk back reads them.
inline constexpr std::size_t iterations_per_block = 256;
inline constexpr std::size_t iterations_per_tracked_block = 64;

// The random numbers of a run: a pure function of the seed, the iteration and the variable.
Sampling sampling_of(const RunSettings& settings);

// Whether the run is shared by more than one process.
inline bool shared(const RunSettings& settings) {
    return settings.processes != nullptr && settings.processes->size() > 1;
}

// The milestones with a target date, in node order: with the targets, in order, the
// promises a run checks (Tallies::outcomes).
std::vector<std::uint32_t> promised_milestones(const Network& network);

// The milestones (node indices, in node order) and targets (indices, in order) whose
// drivers are reported. Throws InputError for an id in drivers_for that is neither.
struct DriversInterest {
    std::vector<std::uint32_t> milestones;
    std::vector<std::uint32_t> targets;
};
DriversInterest drivers_interest(const Network& network, const RunSettings& settings);

// Throws InputError if the settings are out of range (no iterations, more than 2^32, a
// standard error that is not in (0, 0.5]).
Tallies simulate(const Network& network, const RunSettings& settings);

// The largest binomial standard error among the milestones' p_on_time and the targets'
// p_reached after `iterations`; 0 when there is none.
double largest_standard_error(const Network& network, const std::vector<std::uint32_t>& slots,
                              const FinishHistograms& finishes, const LedgerHistograms& ledger,
                              std::uint64_t iterations);

}  // namespace pipesim
