#pragma once
// Everything a finished run hands to the summary: what it kept of the nodes' finishes and
// of the ledger. Memory depends on the graph and the horizon, never on the iteration count.

#include <cstdint>
#include <vector>

#include "stats/finish_tallies.hpp"
#include "stats/ledger_tallies.hpp"
#include "stats/outcome_bits.hpp"
#include "stats/rank_correlation.hpp"

namespace pipesim {

struct Tallies {
    std::vector<std::uint32_t> tallied_nodes;  // node index per slot
    std::vector<double> deterministic_finish;  // per slot: all durations at most likely
    std::uint64_t iterations = 0;
    FinishHistograms histograms;
    FinishMoments moments;
    LedgerHistograms ledger_histograms;
    LedgerSums ledger_sums;
    // With criticality tracking: per milestone of interest (node index), how many
    // iterations each node lay on its driving path (interest x nodes).
    std::vector<std::uint32_t> critical_milestones;
    std::vector<std::uint64_t> critical_counts;
    // When kept: per promise (milestones with a target date in node order, then targets)
    // and iteration, whether it was met.
    OutcomeBits outcomes;
};

// What a replay of the same iterations keeps for sensitivity: the rank correlation of each
// drawn duration with each milestone of interest's date and each target's day reached, and
// the spread of each of those activities' simulated durations.
// In a map from nodes to sensitivity inputs or subjects: a node that is none of them.
inline constexpr std::int32_t not_listed = -1;

struct SensitivityTallies {
    std::vector<std::uint32_t> inputs;      // node index per input: its duration is drawn
    std::vector<std::uint32_t> milestones;  // node index per milestone subject
    std::vector<std::uint32_t> targets;     // target index per target subject
    RankCorrelationSums ranks;              // subjects: the milestones, then the targets
    FinishMoments durations;                // per input
};

}  // namespace pipesim
