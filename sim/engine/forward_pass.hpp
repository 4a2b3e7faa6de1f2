#pragma once
// One pass of the schedule through the graph for a block of iterations at once.
//
// Dates are kept in rows (a row holds one node's dates for every iteration of the
// block), so each dependency is a max/add over two contiguous rows: the compiler turns
// it into vector instructions, and the pass never branches per iteration.
//
// A node's row is needed only until its last successor has been scheduled, so rows are
// reused: the network is given as few rows as can be live at once (a layered plan of
// 10,000 activities needs a few hundred), which keeps a block's dates in cache.

#include <cstdint>
#include <vector>

#include "engine/iteration_draws.hpp"
#include "engine/quantile_function.hpp"
#include "graph/network.hpp"

namespace pipesim {

class ForwardPass;

inline constexpr std::int32_t no_driver = -1;

// A worker's scratch for one block; reused from block to block.
struct BlockSchedule {
    // Room for blocks of up to `iterations`. With `track_drivers`, the schedule also
    // records each node's driving link.
    BlockSchedule(const ForwardPass& pass, const Network& network, std::size_t iterations,
                  bool track_drivers = false);
    std::size_t lanes;             // the length of a row: `iterations`, padded for the vector loops
    std::vector<double> uniforms;  // one row
    std::vector<double> durations;  // one row
    std::vector<double> lags;       // one row: an uncertain lag
    std::vector<double> start;      // row-major, lanes per row
    std::vector<double> finish;     // row-major, lanes per row
    std::vector<double> hits;       // the current node's risks: 1 where one hits it
    BlockDraws draws;
    bool single_point = false;  // most likely lags, no risks: the deterministic schedule
    // Per node and lane, the predecessor whose link set the node's start (no_driver: its
    // own earliest start); empty unless tracked.
    std::vector<std::int32_t> drivers;
};

class ForwardPass {
  public:
    explicit ForwardPass(const Network& network);

    std::size_t rows() const { return row_count_; }
    std::size_t most_hits() const { return most_hits_; }

    // Samples every duration for iterations [first_iteration, first_iteration + count),
    // count <= block.lanes, and schedules every node in topological order, handing each
    // node's start and finish times and its risk hits to visit(node, start, finish, hits)
    // before its row can be reused (hits holds a row per risk hitting the node). A node
    // that does not happen in an iteration starts and finishes at +infinity, and so does
    // everything that waits for it.
    template <typename Visit>
    void run_block(const Sampling& sampling, std::uint64_t first_iteration, std::size_t count,
                   BlockSchedule& block, Visit&& visit) const {
        draws_.draw(sampling, first_iteration, count, block.draws);
        for (NodeIndex n = 0; n < network_.nodes.size(); ++n) {
            sample_durations(n, sampling, first_iteration, count, block);
            schedule_node(n, sampling, first_iteration, count, block);
            const NetworkNode& node = network_.nodes[n];
            if (node.probability < 1.0 || node.only_if)
                drop_if_not_happening(n, sampling, first_iteration, count, block);
            const std::size_t row = row_[n] * block.lanes;
            visit(n, block.start.data() + row, block.finish.data() + row, block.hits.data());
        }
    }

    // For a node whose duration is drawn (not fixed): the uniforms its durations in the
    // block came from, before any optimism-bias factor or risk. Call from visit, for the
    // node being visited; valid until the next call.
    const double* duration_uniforms(NodeIndex node, const Sampling& sampling,
                                    std::uint64_t first_iteration, std::size_t count,
                                    BlockSchedule& block) const {
        return durations_[node].uniforms_of(sampling, first_iteration, count, block.uniforms,
                                            block.draws);
    }
    bool duration_is_drawn(NodeIndex node) const { return !durations_[node].fixed; }

    // Finish times (days from plan start) with every duration at its most likely value.
    std::vector<double> deterministic_finishes() const;

  private:
    // A link into the start with a fixed lag, by the row it reads.
    struct RowLink {
        std::uint32_t row;
        bool from_finish;
        std::int32_t predecessor;  // for the driver, when tracked
        double lag;
    };

    void assign_rows();
    void find_simple_nodes();
    void schedule_simple(NodeIndex node, std::size_t count, BlockSchedule& block) const;
    template <bool tracked>
    void sweep_simple(NodeIndex node, std::size_t first_lane, BlockSchedule& block) const;
    void sample_durations(NodeIndex node, const Sampling& sampling, std::uint64_t first_iteration,
                          std::size_t count, BlockSchedule& block) const;
    void schedule_node(NodeIndex node, const Sampling& sampling, std::uint64_t first_iteration,
                       std::size_t count, BlockSchedule& block) const;
    void hold_finished(NodeIndex node, std::size_t count, BlockSchedule& block) const;
    void apply_links(NodeIndex node, bool to_finish, const Sampling& sampling,
                     std::uint64_t first_iteration, std::size_t count, BlockSchedule& block) const;
    void apply_tracked_link(NodeIndex node, const Link& link, bool to_finish,
                            const Sampling& sampling, std::uint64_t first_iteration,
                            std::size_t count, BlockSchedule& block) const;
    void uncertain_lag(const Link& link, const Sampling& sampling, std::uint64_t first_iteration,
                       std::size_t count, BlockSchedule& block, double* lag) const;
    void apply_risks(NodeIndex node, std::size_t count, BlockSchedule& block) const;
    void drop_if_not_happening(NodeIndex node, const Sampling& sampling,
                               std::uint64_t first_iteration, std::size_t count,
                               BlockSchedule& block) const;

    const Network& network_;
    BetaQuantileTables tables_;
    std::vector<BlockVariable> durations_;
    std::vector<BlockVariable> lags_;  // per uncertain lag

    IterationDraws draws_;
    std::vector<std::uint32_t> row_;  // per node
    std::size_t row_count_ = 0;
    // Most nodes wait only for fixed-lag links into their start, with no progress and no
    // risk: for them one sweep over the lanes takes the maximum over all links and adds
    // the duration, keeping each tile's starts (and drivers) in registers instead of
    // re-reading the row per link.
    std::vector<bool> simple_;                 // per node
    std::vector<std::uint32_t> simple_begin_;  // per node + 1: its range in simple_links_
    std::vector<RowLink> simple_links_;
    std::size_t most_hits_ = 0;  // the most risks hitting one node
};

}  // namespace pipesim
