#pragma once
// Everything a finished run hands to the summary: what it kept of the nodes' finishes and
// of the ledger. Memory depends on the graph and the horizon, never on the iteration count.

#include <cstdint>
#include <vector>

#include "stats/finish_tallies.hpp"
#include "stats/ledger_tallies.hpp"

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
};

}  // namespace pipesim
