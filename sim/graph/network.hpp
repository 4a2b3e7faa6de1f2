#pragma once
// The compiled project graph: what the engine runs on. Built once from a Scenario and
// immutable afterwards; activities and milestones sit in flat arrays in topological order
// with their predecessors packed in compressed-sparse-row form.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "graph/ledger.hpp"
#include "model/scenario.hpp"

namespace pipesim {

using NodeIndex = std::uint32_t;

inline constexpr std::int32_t fixed_lag = -1;

struct Link {
    NodeIndex predecessor;  // always earlier in topological order
    LinkType type;
    double lag_days;
    std::int32_t uncertain_lag = fixed_lag;  // else its index in Network::uncertain_lags
};

// A node happens only when another node's finish is by (or later than) a time.
struct NodeCondition {
    NodeIndex node;  // earlier in topological order
    bool by;         // true: finish <= time; false: finish > time (or it never happens)
    double time;
};

// A risk as the engine applies it: when it occurs (and, with a window, while the activity
// is in progress within it), each activity it hits takes duration x multiplier + delay;
// its cost is paid at the activity's finish. One draw of each per iteration.
struct NetworkRisk {
    std::string id;
    std::string name;
    std::uint64_t stream;
    double probability;
    std::optional<Distribution> delay;
    std::optional<Distribution> multiplier;
    std::optional<Distribution> cost;
    double window_from;  // times; -infinity / +infinity when open
    double window_to;
};

struct NetworkNode {
    std::string id;  // "project.activity"
    std::string name;
    std::uint32_t project;  // index into Network::projects
    ActivityKind kind;
    Distribution duration;
    std::uint64_t stream;   // names this node's random variables; see core/random_stream.hpp
    double earliest_start;  // days from plan start: status date or start-no-earlier-than
    std::optional<Date> target;
    std::uint32_t declared;  // position in the scenario file, for reporting in the planner's order
    double probability;      // that it happens at all; when it does not, nor does what follows
    std::optional<NodeCondition> only_if;
    // Progress by the status date, as times. Finished work is fixed at both; work in
    // progress keeps its actual start, and its duration and earliest start are those of
    // the work remaining from the status date.
    std::optional<double> actual_start;
    std::optional<double> actual_finish;

    // Days an activity in progress had worked by the status date, besides its duration.
    double days_worked() const {
        return actual_start && !actual_finish ? earliest_start - *actual_start : 0.0;
    }
};

// A project, or a funnel: its items' stages are nodes too.
struct NetworkProject {
    std::string id;
    std::string name;
    Category category;
    std::vector<std::string> tags;
    bool funnel = false;
    // Optimism bias of its category: factors 1 + uplift, drawn once per iteration.
    std::optional<SampledQuantity> duration_uplift;
    std::optional<SampledQuantity> cost_uplift;
};

// Uncertain quantities drawn together through a Gaussian copula: each member's own
// uniform u becomes z = Phi^-1(u); the set's z are mixed by the factor F (F F' = the
// normal-scores correlation matrix) and turned back by Phi, so marginals stay exact.
struct CorrelatedVariable {
    std::uint64_t variable;
    StreamPurpose purpose;
};
struct CorrelatedSet {
    std::vector<CorrelatedVariable> members;
    std::vector<double> factor;  // members x members, row-major, lower triangular when Cholesky
};

struct Network {
    std::string scenario_name;
    Date plan_start;
    Date status_date;
    Date horizon_end;
    std::vector<NetworkProject> projects;
    std::vector<NetworkNode> nodes;         // topological order
    std::vector<std::uint32_t> link_begin;  // links of node n: [link_begin[n], link_begin[n+1])
    std::vector<Link> links;
    std::vector<SampledQuantity> uncertain_lags;
    std::vector<NetworkRisk> risks;
    std::vector<std::uint32_t> hit_begin;  // risks hitting node n: [hit_begin[n], hit_begin[n+1])
    std::vector<std::uint32_t> hits;       // risk indices
    std::vector<CorrelatedSet> correlated;
    std::vector<std::string> warnings;  // for the planner: e.g. a correlation matrix repaired
    bool mitigated = false;             // risks take their post-mitigation numbers
    Ledger ledger;

    // The row of a variable among every correlated set's members, in set order; -1 when
    // it is drawn on its own.
    std::int32_t correlated_row(std::uint64_t variable, StreamPurpose purpose) const {
        std::int32_t row = 0;
        for (const CorrelatedSet& set : correlated)
            for (const CorrelatedVariable& member : set.members) {
                if (member.variable == variable && member.purpose == purpose) return row;
                ++row;
            }
        return -1;
    }

    std::span<const std::uint32_t> risks_hitting(NodeIndex node) const {
        return {hits.data() + hit_begin[node], hits.data() + hit_begin[node + 1]};
    }

    std::span<const Link> predecessors(NodeIndex node) const {
        return {links.data() + link_begin[node], links.data() + link_begin[node + 1]};
    }
    // Days from the plan start to the end of the horizon's last day.
    std::int32_t horizon_days() const { return horizon_end - plan_start + 1; }
};

struct CompileOptions {
    bool mitigated = false;            // risks take their post-mitigation numbers
    bool nearest_correlation = false;  // repair correlation matrices that are not valid
};

// Throws InputError naming every dependency cycle (as the ids around it), and every
// correlation group that makes its matrix invalid (unless options say to repair it).
Network compile_network(const Scenario& scenario, const CompileOptions& options = {});

// Every dependency cycle in the scenario as problems; empty when the graph is acyclic.
ProblemList find_cycles(const Scenario& scenario);

}  // namespace pipesim
