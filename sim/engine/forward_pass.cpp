#include "engine/forward_pass.hpp"

#include <algorithm>
#include <limits>

#include "core/random_stream.hpp"

namespace pipesim {

BlockSchedule::BlockSchedule(std::size_t rows, std::size_t lanes)
    : lanes(lanes), uniforms(lanes), durations(lanes), start(rows * lanes), finish(rows * lanes) {}

ForwardPass::ForwardPass(const Network& network) : network_(network) {
    durations_.reserve(network.nodes.size());
    for (const auto& node : network.nodes) durations_.emplace_back(node.duration, tables_);
    assign_rows();
}

// Interval colouring in topological order: a node takes a free row when it is
// scheduled and gives it back once its last successor has read it. A node's own row is
// never one of its predecessors', so a row is not overwritten while it is being read.
void ForwardPass::assign_rows() {
    const std::size_t n = network_.nodes.size();
    std::vector<NodeIndex> last_reader(n);
    for (NodeIndex v = 0; v < n; ++v) {
        last_reader[v] = v;
        for (const Link& link : network_.predecessors(v))
            last_reader[link.predecessor] = std::max(last_reader[link.predecessor], v);
    }
    std::vector<std::vector<NodeIndex>> released_after(n);
    for (NodeIndex v = 0; v < n; ++v) released_after[last_reader[v]].push_back(v);

    row_.assign(n, 0);
    std::vector<std::uint32_t> free_rows;
    for (NodeIndex v = 0; v < n; ++v) {
        if (free_rows.empty()) {
            row_[v] = static_cast<std::uint32_t>(row_count_++);
        } else {
            row_[v] = free_rows.back();
            free_rows.pop_back();
        }
        for (NodeIndex done : released_after[v]) free_rows.push_back(row_[done]);
    }
}

void ForwardPass::sample_durations(NodeIndex node, std::uint64_t seed,
                                   std::uint64_t first_iteration, std::size_t count,
                                   BlockSchedule& block) const {
    const RandomStream stream{seed, network_.nodes[node].stream, StreamPurpose::duration};
    for (std::size_t lane = 0; lane < count; ++lane)
        block.uniforms[lane] = stream.uniform(static_cast<std::uint32_t>(first_iteration + lane));
    durations_[node].evaluate({block.uniforms.data(), count}, {block.durations.data(), count});
}

void ForwardPass::schedule_node(NodeIndex node, std::size_t count, BlockSchedule& block) const {
    const std::size_t lanes = block.lanes;
    double* start = block.start.data() + row_[node] * lanes;
    double* finish = block.finish.data() + row_[node] * lanes;
    const double* duration = block.durations.data();
    std::fill(start, start + count, network_.nodes[node].earliest_start);
    for (const Link& link : network_.predecessors(node)) {
        const bool from_finish = link.type == LinkType::fs || link.type == LinkType::ff;
        const bool to_finish = link.type == LinkType::ff || link.type == LinkType::sf;
        const double* other = (from_finish ? block.finish.data() : block.start.data()) +
                              row_[link.predecessor] * lanes;
        const double lag = link.lag_days;
        // A constraint on the finish becomes one on the start, less this node's duration.
        if (to_finish) {
            for (std::size_t i = 0; i < count; ++i)
                start[i] = std::max(start[i], other[i] + lag - duration[i]);
        } else {
            for (std::size_t i = 0; i < count; ++i) start[i] = std::max(start[i], other[i] + lag);
        }
    }
    for (std::size_t i = 0; i < count; ++i) finish[i] = start[i] + duration[i];
}

void ForwardPass::drop_if_not_happening(NodeIndex node, std::uint64_t seed,
                                        std::uint64_t first_iteration, std::size_t count,
                                        BlockSchedule& block) const {
    constexpr double never = std::numeric_limits<double>::infinity();
    const RandomStream stream{seed, network_.nodes[node].stream, StreamPurpose::occurrence};
    const double probability = network_.nodes[node].probability;
    double* start = block.start.data() + row_[node] * block.lanes;
    double* finish = block.finish.data() + row_[node] * block.lanes;
    for (std::size_t i = 0; i < count; ++i) {
        const bool happens =
            stream.uniform(static_cast<std::uint32_t>(first_iteration + i)) < probability;
        start[i] = happens ? start[i] : never;
        finish[i] = happens ? finish[i] : never;
    }
}

// The plan as a single-point schedule: every duration at its most likely value, and
// everything that may happen does.
std::vector<double> ForwardPass::deterministic_finishes() const {
    BlockSchedule block(row_count_, 1);
    std::vector<double> finishes(network_.nodes.size());
    for (NodeIndex n = 0; n < network_.nodes.size(); ++n) {
        block.durations[0] = most_likely(network_.nodes[n].duration);
        schedule_node(n, 1, block);
        finishes[n] = block.finish[row_[n]];
    }
    return finishes;
}

}  // namespace pipesim
