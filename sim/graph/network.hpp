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

struct Link {
    NodeIndex predecessor;  // always earlier in topological order
    LinkType type;
    double lag_days;
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
};

// A project, or a funnel: its items' stages are nodes too.
struct NetworkProject {
    std::string id;
    std::string name;
    Category category;
    std::vector<std::string> tags;
    bool funnel = false;
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
    Ledger ledger;

    std::span<const Link> predecessors(NodeIndex node) const {
        return {links.data() + link_begin[node], links.data() + link_begin[node + 1]};
    }
    // Days from the plan start to the end of the horizon's last day.
    std::int32_t horizon_days() const { return horizon_end - plan_start + 1; }
};

// Throws InputError naming every dependency cycle (as the ids around it).
Network compile_network(const Scenario& scenario);

// Every dependency cycle in the scenario as problems; empty when the graph is acyclic.
ProblemList find_cycles(const Scenario& scenario);

}  // namespace pipesim
