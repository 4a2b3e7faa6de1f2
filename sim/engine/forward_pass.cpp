#include "engine/forward_pass.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "core/random_stream.hpp"

namespace pipesim {

namespace {

// A vector register's worth of iterations' dates as one value, for the vector loops GCC
// would not write itself. (Wider than the register, values would be passed in memory.)
#if defined(__AVX512F__)
constexpr std::size_t lanes_per_vector = 8;
#elif defined(__AVX__)
constexpr std::size_t lanes_per_vector = 4;
#else
constexpr std::size_t lanes_per_vector = 2;
#endif
using DateLanes = double __attribute__((vector_size(lanes_per_vector * sizeof(double))));
using DriverLanes =
    std::int32_t __attribute__((vector_size(lanes_per_vector * sizeof(std::int32_t))));
// Simple nodes are swept in tiles of this many lanes; rows are padded to whole tiles.
constexpr std::size_t lanes_per_tile = 32;
constexpr std::size_t vectors_per_tile = lanes_per_tile / lanes_per_vector;

DateLanes load(const double* from) {
    DateLanes lanes;
    std::memcpy(&lanes, from, sizeof lanes);
    return lanes;
}

void store(DateLanes lanes, double* to) {
    std::memcpy(to, &lanes, sizeof lanes);
}

}  // namespace

BlockSchedule::BlockSchedule(const ForwardPass& pass, const Network& network,
                             std::size_t iterations, bool track_drivers)
    : lanes((iterations + lanes_per_tile - 1) / lanes_per_tile * lanes_per_tile),
      uniforms(lanes),
      durations(lanes),
      lags(lanes),
      start(pass.rows() * lanes),
      finish(pass.rows() * lanes),
      hits(pass.most_hits() * lanes),
      draws(network, lanes),
      drivers(track_drivers ? network.nodes.size() * lanes : 0) {}

ForwardPass::ForwardPass(const Network& network) : network_(network), draws_(network, tables_) {
    durations_.reserve(network.nodes.size());
    for (const auto& node : network.nodes)
        durations_.emplace_back(
            SampledQuantity{node.duration, node.stream, StreamPurpose::duration}, network, tables_);
    for (const auto& lag : network.uncertain_lags) lags_.emplace_back(lag, network, tables_);

    for (NodeIndex n = 0; n < network.nodes.size(); ++n)
        most_hits_ = std::max(most_hits_, network.risks_hitting(n).size());
    assign_rows();
    find_simple_nodes();
}

// Interval colouring in topological order: a node takes a free row when it is
// scheduled and gives it back once its last successor (or the last node whose condition
// names it) has read it. A node's own row is never one of its predecessors', so a row is
// not overwritten while it is being read.
void ForwardPass::assign_rows() {
    const std::size_t n = network_.nodes.size();
    std::vector<NodeIndex> last_reader(n);
    for (NodeIndex v = 0; v < n; ++v) {
        last_reader[v] = v;
        for (const Link& link : network_.predecessors(v))
            last_reader[link.predecessor] = std::max(last_reader[link.predecessor], v);
        if (const auto& condition = network_.nodes[v].only_if)
            last_reader[condition->node] = std::max(last_reader[condition->node], v);
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

void ForwardPass::find_simple_nodes() {
    simple_.assign(network_.nodes.size(), false);
    simple_begin_.assign(network_.nodes.size() + 1, 0);
    for (NodeIndex v = 0; v < network_.nodes.size(); ++v) {
        const NetworkNode& node = network_.nodes[v];
        const auto links = network_.predecessors(v);
        simple_[v] = !node.actual_start && !node.actual_finish &&
                     network_.risks_hitting(v).empty() &&
                     std::all_of(links.begin(), links.end(), [](const Link& link) {
                         return (link.type == LinkType::fs || link.type == LinkType::ss) &&
                                link.uncertain_lag == fixed_lag;
                     });
        if (simple_[v])
            for (const Link& link : links)
                simple_links_.push_back({row_[link.predecessor], link.type == LinkType::fs,
                                         static_cast<std::int32_t>(link.predecessor),
                                         link.lag_days});
        simple_begin_[v + 1] = static_cast<std::uint32_t>(simple_links_.size());
    }
}

void ForwardPass::sample_durations(NodeIndex node, const Sampling& sampling,
                                   std::uint64_t first_iteration, std::size_t count,
                                   BlockSchedule& block) const {
    durations_[node].draw(sampling, first_iteration, count, block.uniforms, block.draws,
                          block.durations.data());
    const std::uint32_t project = network_.nodes[node].project;
    if (!network_.projects[project].duration_uplift) return;
    const double* factor = block.draws.duration_factor.data() + project * block.lanes;
    for (std::size_t i = 0; i < count; ++i) block.durations[i] *= factor[i];
}

// Links into the start (FS, SS) come first: they fix when the node could start, which
// decides which risks hit it while it is in progress; links into the finish (FF, SF) then
// use the duration with the risks' effects. Work that has started is past its links into
// the start: its remaining work goes from the status date, held only by links into the
// finish, and it keeps its actual start.
void ForwardPass::schedule_node(NodeIndex node, const Sampling& sampling,
                                std::uint64_t first_iteration, std::size_t count,
                                BlockSchedule& block) const {
    if (simple_[node]) {
        schedule_simple(node, count, block);
        return;
    }
    const NetworkNode& n = network_.nodes[node];
    double* start = block.start.data() + row_[node] * block.lanes;
    double* finish = block.finish.data() + row_[node] * block.lanes;
    std::fill(start, start + count, n.earliest_start);
    if (!block.drivers.empty()) {
        std::int32_t* driver = block.drivers.data() + node * block.lanes;
        std::fill(driver, driver + count, no_driver);
    }
    if (n.actual_finish) {
        hold_finished(node, count, block);
        return;
    }
    if (!n.actual_start) apply_links(node, false, sampling, first_iteration, count, block);
    if (!block.single_point && !network_.risks_hitting(node).empty())
        apply_risks(node, count, block);
    apply_links(node, true, sampling, first_iteration, count, block);
    const double* duration = block.durations.data();
    for (std::size_t i = 0; i < count; ++i) finish[i] = start[i] + duration[i];
    if (n.actual_start) std::fill(start, start + count, *n.actual_start);
}

// Lanes past `count` are swept too, on whatever the padded rows hold: nothing reads them,
// and whole tiles keep the loop free of a scalar remainder.
void ForwardPass::schedule_simple(NodeIndex node, std::size_t count, BlockSchedule& block) const {
    for (std::size_t lane = 0; lane < count; lane += lanes_per_tile) {
        if (block.drivers.empty())
            sweep_simple<false>(node, lane, block);
        else
            sweep_simple<true>(node, lane, block);
    }
}

// The tile's running maximum (and, tracked, the predecessor that set it) stays in
// registers across all links. (Left to itself, GCC kept it in memory and added a scalar
// fallback for an aliasing that cannot happen.) `start < later ? later : start` is
// std::max(start, later) lane by lane, and as in apply_tracked_link the first link to
// reach the maximum drives.
template <bool tracked>
void ForwardPass::sweep_simple(NodeIndex node, std::size_t first_lane, BlockSchedule& block) const {
    const std::size_t lanes = block.lanes;
    std::array<DateLanes, vectors_per_tile> start;
    start.fill(DateLanes{} + network_.nodes[node].earliest_start);
    std::array<DriverLanes, vectors_per_tile> driver;
    driver.fill(DriverLanes{} + no_driver);
    for (auto k = simple_begin_[node]; k < simple_begin_[node + 1]; ++k) {
        const RowLink& link = simple_links_[k];
        const double* other = (link.from_finish ? block.finish.data() : block.start.data()) +
                              link.row * lanes + first_lane;
        for (std::size_t v = 0; v < vectors_per_tile; ++v) {
            const DateLanes later = load(other + v * lanes_per_vector) + link.lag;
            const auto drives = start[v] < later;
            start[v] = drives ? later : start[v];
            if constexpr (tracked)
                driver[v] =
                    __builtin_convertvector(drives, DriverLanes) ? link.predecessor : driver[v];
        }
    }
    const std::size_t row = row_[node] * lanes + first_lane;
    for (std::size_t v = 0; v < vectors_per_tile; ++v) {
        const std::size_t at = v * lanes_per_vector;
        store(start[v], block.start.data() + row + at);
        store(start[v] + load(block.durations.data() + first_lane + at),
              block.finish.data() + row + at);
        if constexpr (tracked)
            std::memcpy(block.drivers.data() + node * lanes + first_lane + at, &driver[v],
                        sizeof driver[v]);
    }
}

// Finished work is history: at its actual dates, and no risk hits it any more.
void ForwardPass::hold_finished(NodeIndex node, std::size_t count, BlockSchedule& block) const {
    double* finish = block.finish.data() + row_[node] * block.lanes;
    std::fill(finish, finish + count, *network_.nodes[node].actual_finish);
    for (std::size_t k = 0; k < network_.risks_hitting(node).size(); ++k)
        std::fill_n(block.hits.data() + k * block.lanes, count, 0.0);
}

void ForwardPass::apply_links(NodeIndex node, bool to_finish, const Sampling& sampling,
                              std::uint64_t first_iteration, std::size_t count,
                              BlockSchedule& block) const {
    const std::size_t lanes = block.lanes;
    double* start = block.start.data() + row_[node] * lanes;
    const double* duration = block.durations.data();
    for (const Link& link : network_.predecessors(node)) {
        if ((link.type == LinkType::ff || link.type == LinkType::sf) != to_finish) continue;
        if (!block.drivers.empty()) {
            apply_tracked_link(node, link, to_finish, sampling, first_iteration, count, block);
            continue;
        }
        const bool from_finish = link.type == LinkType::fs || link.type == LinkType::ff;
        const double* other = (from_finish ? block.finish.data() : block.start.data()) +
                              row_[link.predecessor] * lanes;
        // A constraint on the finish becomes one on the start, less this node's duration.
        if (link.uncertain_lag == fixed_lag) {
            const double lag = link.lag_days;
            if (to_finish) {
                for (std::size_t i = 0; i < count; ++i)
                    start[i] = std::max(start[i], other[i] + lag - duration[i]);
            } else {
                for (std::size_t i = 0; i < count; ++i)
                    start[i] = std::max(start[i], other[i] + lag);
            }
            continue;
        }
        double* lag = block.lags.data();
        uncertain_lag(link, sampling, first_iteration, count, block, lag);
        for (std::size_t i = 0; i < count; ++i)
            start[i] = std::max(start[i], other[i] + lag[i] - (to_finish ? duration[i] : 0.0));
    }
}

// As apply_links for one link, also noting which link sets each lane's start: a separate
// loop, so that runs without criticality keep the plain max the compiler vectorises.
void ForwardPass::apply_tracked_link(NodeIndex node, const Link& link, bool to_finish,
                                     const Sampling& sampling, std::uint64_t first_iteration,
                                     std::size_t count, BlockSchedule& block) const {
    const std::size_t lanes = block.lanes;
    double* start = block.start.data() + row_[node] * lanes;
    std::int32_t* driver = block.drivers.data() + node * lanes;
    const double* duration = block.durations.data();
    const bool from_finish = link.type == LinkType::fs || link.type == LinkType::ff;
    const double* other =
        (from_finish ? block.finish.data() : block.start.data()) + row_[link.predecessor] * lanes;
    const auto predecessor = static_cast<std::int32_t>(link.predecessor);
    const auto track = [&](auto lag) {
        for (std::size_t i = 0; i < count; ++i) {
            const double candidate = other[i] + lag(i) - (to_finish ? duration[i] : 0.0);
            const bool drives = candidate > start[i];
            start[i] = drives ? candidate : start[i];
            driver[i] = drives ? predecessor : driver[i];
        }
    };
    if (link.uncertain_lag == fixed_lag) {
        track([lag = link.lag_days](std::size_t) { return lag; });
        return;
    }
    double* lag = block.lags.data();
    uncertain_lag(link, sampling, first_iteration, count, block, lag);
    track([lag](std::size_t i) { return lag[i]; });
}

// The single-point schedule takes the most likely lag.
void ForwardPass::uncertain_lag(const Link& link, const Sampling& sampling,
                                std::uint64_t first_iteration, std::size_t count,
                                BlockSchedule& block, double* lag) const {
    const auto index = static_cast<std::size_t>(link.uncertain_lag);
    if (block.single_point)
        std::fill(lag, lag + count, most_likely(network_.uncertain_lags[index].distribution));
    else
        lags_[index].draw(sampling, first_iteration, count, block.uniforms, block.draws, lag);
}

// Each risk that occurs hits the node when the node, as scheduled so far, is in progress
// at some time in the risk's window: its duration is multiplied, then delayed.
void ForwardPass::apply_risks(NodeIndex node, std::size_t count, BlockSchedule& block) const {
    const std::size_t lanes = block.lanes;
    const double* start = block.start.data() + row_[node] * lanes;
    double* duration = block.durations.data();
    const auto risks = network_.risks_hitting(node);
    for (std::size_t k = 0; k < risks.size(); ++k) {
        const NetworkRisk& risk = network_.risks[risks[k]];
        const double* occurs = block.draws.risk_occurs.data() + risks[k] * lanes;
        const double* multiplier = block.draws.risk_multiplier.data() + risks[k] * lanes;
        const double* delay = block.draws.risk_delay.data() + risks[k] * lanes;
        double* hit = block.hits.data() + k * lanes;
        for (std::size_t i = 0; i < count; ++i) {
            const bool in_window =
                start[i] <= risk.window_to && start[i] + duration[i] >= risk.window_from;
            hit[i] = in_window ? occurs[i] : 0.0;
            const bool hits = hit[i] != 0.0;
            duration[i] = hits ? duration[i] * multiplier[i] + delay[i] : duration[i];
        }
    }
}

void ForwardPass::drop_if_not_happening(NodeIndex node, const Sampling& sampling,
                                        std::uint64_t first_iteration, std::size_t count,
                                        BlockSchedule& block) const {
    constexpr double never = std::numeric_limits<double>::infinity();
    const NetworkNode& n = network_.nodes[node];
    sampling.fill(n.stream, StreamPurpose::occurrence, first_iteration, count,
                  block.uniforms.data());
    double* start = block.start.data() + row_[node] * block.lanes;
    double* finish = block.finish.data() + row_[node] * block.lanes;
    const double* condition =
        n.only_if ? block.finish.data() + row_[n.only_if->node] * block.lanes : nullptr;
    for (std::size_t i = 0; i < count; ++i) {
        bool happens = block.uniforms[i] < n.probability;
        if (condition) happens = happens && ((condition[i] <= n.only_if->time) == n.only_if->by);
        start[i] = happens ? start[i] : never;
        finish[i] = happens ? finish[i] : never;
    }
}

// The plan as a single-point schedule: every duration and lag at its most likely value,
// no risk, and everything that may happen does.
std::vector<double> ForwardPass::deterministic_finishes() const {
    BlockSchedule block(*this, network_, 1);
    block.single_point = true;
    std::vector<double> finishes(network_.nodes.size());
    for (NodeIndex n = 0; n < network_.nodes.size(); ++n) {
        block.durations[0] = most_likely(network_.nodes[n].duration);
        schedule_node(n, Sampling{}, 0, 1, block);
        finishes[n] = block.finish[row_[n] * block.lanes];
    }
    return finishes;
}

}  // namespace pipesim
