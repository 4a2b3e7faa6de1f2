#pragma once
// Criticality: in each iteration, the chain of driving predecessors behind a milestone
// (the forward pass records, per node and lane, which predecessor set its start) is its
// critical path. A worker counts, per milestone of interest and node, the iterations in
// which the node lay on it; counts are integers, so they merge in any order.

#include <cstdint>
#include <vector>

#include "engine/forward_pass.hpp"

namespace pipesim {

class CriticalPaths {
  public:
    CriticalPaths(std::size_t milestones, std::size_t nodes, std::size_t lanes);

    // Walks back from milestone number k (node `milestone`) in every lane where it happens.
    void walk_back(std::size_t k, NodeIndex milestone, const double* finish, std::size_t count,
                   const BlockSchedule& block);
    void merge(const CriticalPaths& other);

    // Iterations in which `node` lay on the critical path of milestone number k.
    // Iterations in which each node lay on the critical path of each milestone: milestone
    // number k's counts for every node, then k + 1's.
    const std::vector<std::uint32_t>& counts() const { return counts_; }

  private:
    std::size_t nodes_;
    // milestone * nodes + node. A node is counted at most once per iteration and a run has
    // at most most_iterations, so 32 bits hold any count; they keep one milestone's counts
    // for a 10,000-node plan within the core's first-level cache.
    std::vector<std::uint32_t> counts_;
    // Per walking lane: the node it has reached (high half) and its lane in the block.
    std::vector<std::uint64_t> walkers_;
};

}  // namespace pipesim
