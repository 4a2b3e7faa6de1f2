#pragma once
// The ledger: what the plan spends, counts and attracts over time, compiled for the
// engine. Every amount of money or count comes from a flow tied to one node of the graph
// (an activity's cost, a funnel item reaching a stage, funds arriving after it, a
// milestone achieved); a measure is a cumulative total of some flows; a target asks when
// a measure reaches a threshold.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/random_stream.hpp"
#include "model/scenario.hpp"

namespace pipesim {

using FlowIndex = std::uint32_t;
using MeasureIndex = std::uint32_t;

// One random variable of the model: its distribution and the stream it is drawn from.
struct SampledQuantity {
    Distribution distribution;
    std::uint64_t variable;
    StreamPurpose purpose;
};

// Where in time a flow's amount arrives, relative to its node.
enum class FlowSpan {
    over_node,      // spread from the node's start to its finish by the profile
    at_start,       // all at the node's start
    at_finish,      // all at its finish
    after_finish,   // spread over `days` from its finish by the profile
    at_status_date  // all at the status date, whatever the node does (a mitigation's cost)
};

inline constexpr std::int32_t not_a_risk = -1;

struct Flow {
    std::uint32_t node;
    FlowSpan span;
    SpendProfile profile;
    SampledQuantity amount;
    std::optional<SampledQuantity> factor;  // multiplies the amount (funds: the item's value)
    bool per_day = false;                   // the amount is a daily rate over the node's duration
    std::optional<SampledQuantity> days;    // after_finish: how long it takes to arrive
    std::optional<SampledQuantity> uplift;  // optimism bias: the amount is x (1 + uplift)
    // A risk's cost: paid only when the risk hits the node, the risk being the node's
    // risk_slot-th (see Network::risks_hitting).
    std::int32_t risk_slot = not_a_risk;
};

// A cumulative total over time: the sum of its flows' arrivals up to a time.
struct Measure {
    std::string id;
    std::vector<FlowIndex> flows;
    bool whole = false;  // every flow adds exactly one: the total is a count
    double upper_bound =
        0;  // no iteration's total exceeds it (up to a 1e-9 tail): scales histograms
};

struct NetworkTarget {
    std::string id;
    std::string name;
    TargetMeasure kind;
    std::string stage;
    std::optional<double> share;  // when the threshold was given as a share of the selection
    double threshold;             // in the measure's unit
    Date deadline;
    MeasureIndex measure;
};

// A funnel's stages as measures: how many items have reached each.
struct FunnelStages {
    std::string id;
    std::string name;
    std::vector<std::string> stages;
    std::vector<std::string> stage_names;
    std::vector<MeasureIndex> reached;  // per stage
    std::uint32_t items = 0;
};

struct CashflowSeries {
    std::string id;  // "all" or a category
    MeasureIndex measure;
};

struct Ledger {
    std::string currency;
    std::vector<Flow> flows;                // grouped by node, in topological order
    std::vector<std::uint32_t> flow_begin;  // flows of node n: [flow_begin[n], flow_begin[n+1])
    std::vector<Measure> measures;
    std::vector<NetworkTarget> targets;    // in the scenario file's order
    std::vector<CashflowSeries> cashflow;  // every activity's spend, then each category's
    std::vector<FunnelStages> funnels;
    std::vector<Date> report_dates;  // month ends from the plan start to the horizon
};

struct Network;

// Which part of the scenario a node stands for, for compiling the ledger.
struct ItemStageOrigin {
    std::uint32_t funnel, item, stage;
};
struct NodeOrigin {
    std::uint32_t group;       // index into Network::projects
    const Activity* activity;  // a project's activity or milestone; null for a funnel stage
    std::optional<ItemStageOrigin> item_stage;
};

// The ledger of a compiled network; origins are given per node, in the network's order.
// Throws InputError for a target whose selection holds nothing to measure.
Ledger compile_ledger(const Scenario& scenario, const Network& network,
                      std::span<const NodeOrigin> origins, bool mitigated);

}  // namespace pipesim
