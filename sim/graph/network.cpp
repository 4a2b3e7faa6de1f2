#include "graph/network.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <deque>
#include <iterator>
#include <queue>
#include <unordered_map>

#include "core/random_stream.hpp"
#include "graph/correlation.hpp"
#include "graph/risks.hpp"

namespace pipesim {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// The scenario's activities in file order, then every funnel item's stages as activities
// of their own, with edges predecessor -> successor.
struct FlatScenario {
    explicit FlatScenario(std::size_t node_count) : graph(node_count) {}
    std::deque<Activity> funnel_stages;  // owned here; a deque keeps pointers to them valid
    std::vector<const Activity*> activities;
    std::vector<NodeOrigin> origins;
    Graph graph;
};

// Reaching stage s of an item: its time to convert after reaching stage s - 1, with its
// probability. Stages reached by the status date are history: certain, at the status date.
Activity stage_activity(const Funnel& funnel, const FunnelItem& item, std::size_t s) {
    Activity stage;
    stage.id = item.id + "." + funnel.stages[s].id;
    stage.name = item.name + " · " + funnel.stages[s].name;
    stage.where = item.where;
    // An item still to enter the funnel enters some days after the status date.
    if (s == 0 && item.reached == 0) stage.duration = item.stages[0].duration;
    if (s <= item.reached) return stage;
    stage.duration = item.stages[s].duration;
    stage.probability = item.stages[s].probability;
    stage.predecessors.push_back(
        {item.id + "." + funnel.stages[s - 1].id, LinkType::fs, 0, {}, {}});
    for (const auto& dependency : item.stages[s].predecessors)
        stage.predecessors.push_back(dependency);
    return stage;
}

std::size_t node_count(const Scenario& scenario) {
    std::size_t count = 0;
    for (const auto& project : scenario.projects) count += project.activities.size();
    for (const auto& funnel : scenario.funnels) count += funnel.items.size() * funnel.stages.size();
    return count;
}

FlatScenario flatten(const Scenario& scenario) {
    FlatScenario flat(node_count(scenario));
    for (std::uint32_t p = 0; p < scenario.projects.size(); ++p)
        for (const auto& activity : scenario.projects[p].activities) {
            flat.activities.push_back(&activity);
            flat.origins.push_back({p, &activity, {}});
        }
    const auto first_funnel = static_cast<std::uint32_t>(scenario.projects.size());
    for (std::uint32_t f = 0; f < scenario.funnels.size(); ++f) {
        const Funnel& funnel = scenario.funnels[f];
        for (std::uint32_t i = 0; i < funnel.items.size(); ++i)
            for (std::uint32_t s = 0; s < funnel.stages.size(); ++s) {
                flat.funnel_stages.push_back(stage_activity(funnel, funnel.items[i], s));
                flat.activities.push_back(&flat.funnel_stages.back());
                flat.origins.push_back({first_funnel + f, nullptr, ItemStageOrigin{f, i, s}});
            }
    }
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t v = 0; v < flat.activities.size(); ++v)
        index.emplace(flat.activities[v]->id, v);
    for (std::size_t v = 0; v < flat.activities.size(); ++v) {
        for (const auto& dependency : flat.activities[v]->predecessors)
            if (auto it = index.find(dependency.predecessor); it != index.end())
                boost::add_edge(it->second, v, flat.graph);
        // A condition is read before the node is scheduled, like a predecessor.
        if (const auto& condition = flat.activities[v]->only_if)
            if (auto it = index.find(condition->activity); it != index.end())
                boost::add_edge(it->second, v, flat.graph);
    }
    return flat;
}

// The shortest way round the cycle through `start`, staying inside its component.
std::vector<std::size_t> cycle_through(const Graph& graph, std::size_t start,
                                       const std::vector<std::size_t>& component) {
    std::vector<std::size_t> parent(boost::num_vertices(graph), SIZE_MAX);
    std::deque<std::size_t> queue{start};
    while (!queue.empty()) {
        const std::size_t v = queue.front();
        queue.pop_front();
        for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e) {
            const std::size_t w = boost::target(*e, graph);
            if (component[w] != component[start] || parent[w] != SIZE_MAX) continue;
            parent[w] = v;
            if (w == start) {
                std::vector<std::size_t> path{start};
                for (std::size_t u = v; u != start; u = parent[u]) path.push_back(u);
                std::reverse(path.begin() + 1, path.end());
                return path;
            }
            queue.push_back(w);
        }
    }
    return {start};
}

ProblemList cycles_of(const FlatScenario& flat) {
    ProblemList problems;
    const std::size_t n = flat.activities.size();
    std::vector<std::size_t> component(n);
    const std::size_t count = boost::strong_components(flat.graph, component.data());
    std::vector<std::size_t> size(count, 0);
    for (std::size_t c : component) ++size[c];
    std::vector<bool> reported(count, false);
    for (std::size_t v = 0; v < n; ++v) {
        const std::size_t c = component[v];
        const bool self_loop = boost::edge(v, v, flat.graph).second;
        if (reported[c] || (size[c] < 2 && !self_loop)) continue;
        reported[c] = true;
        std::string ring;
        for (std::size_t u : cycle_through(flat.graph, v, component))
            ring += flat.activities[u]->id + " -> ";
        ring += flat.activities[v]->id;
        problems.add(flat.activities[v]->where, flat.activities[v]->id,
                     "dependency cycle: " + ring);
    }
    return problems;
}

double days_after_start(const Scenario& scenario, Date date) {
    return static_cast<double>(date - scenario.plan.start);
}

// Finished work is pinned to its actual dates: its duration is the days it took. Work in
// progress schedules its remaining duration from the status date. A milestone that has
// happened is, like a target, at the end of its day.
void add_progress(const Scenario& scenario, const Activity& activity, NetworkNode& node) {
    const bool milestone = activity.kind == ActivityKind::milestone;
    if (activity.actual_finish) {
        const double finish = days_after_start(scenario, *activity.actual_finish) + 1;
        const double start =
            milestone ? finish : days_after_start(scenario, *activity.actual_start);
        node.actual_start = start;
        node.actual_finish = finish;
        node.earliest_start = start;
        node.duration = FixedDistribution{finish - start};
        return;
    }
    if (!activity.actual_start) return;
    node.actual_start = days_after_start(scenario, *activity.actual_start);
    node.earliest_start = days_after_start(scenario, scenario.plan.status_date);
    node.duration = *activity.remaining;
}

NetworkNode make_node(const Scenario& scenario, const Activity& activity, std::uint32_t project,
                      std::uint32_t declared) {
    double earliest = days_after_start(scenario, scenario.plan.status_date);
    // Work may start at 00:00 of its date; a milestone is an event dated by the day it ends
    // in, so "not before D" puts it at the end of day D, not at the end of the day before.
    if (activity.start_no_earlier_than) {
        const double day = days_after_start(scenario, *activity.start_no_earlier_than);
        earliest = std::max(earliest, activity.kind == ActivityKind::milestone ? day + 1 : day);
    }
    NetworkNode node{activity.id,       activity.name,
                     project,           activity.kind,
                     activity.duration, variable_hash(activity.id),
                     earliest,          activity.target,
                     declared,          activity.probability,
                     std::nullopt,      std::nullopt,
                     std::nullopt};
    add_progress(scenario, activity, node);
    return node;
}

std::optional<SampledQuantity> uplift(const std::vector<Uplift>& uplifts, const Project& project,
                                      bool of_cost) {
    for (const Uplift& u : uplifts) {
        if (u.category != project.category) continue;
        const auto& distribution = of_cost ? u.cost : u.duration;
        if (!distribution) return std::nullopt;
        return SampledQuantity{
            *distribution, variable_hash(project.id),
            of_cost ? StreamPurpose::uplift_cost : StreamPurpose::uplift_duration};
    }
    return std::nullopt;
}

void add_links(const Activity& activity,
               const std::unordered_map<std::string_view, NodeIndex>& index, Network& network) {
    for (const auto& dependency : activity.predecessors) {
        const auto it = index.find(dependency.predecessor);
        if (it == index.end()) continue;
        Link link{it->second, dependency.type, dependency.lag_days};
        if (dependency.uncertain_lag) {
            link.uncertain_lag = static_cast<std::int32_t>(network.uncertain_lags.size());
            network.uncertain_lags.push_back(
                {*dependency.uncertain_lag,
                 variable_hash(activity.id + " after " + dependency.predecessor),
                 StreamPurpose::lag});
        }
        network.links.push_back(link);
    }
}

std::optional<NodeCondition> condition_of(
    const Scenario& scenario, const Activity& activity,
    const std::unordered_map<std::string_view, NodeIndex>& index) {
    if (!activity.only_if) return std::nullopt;
    const auto it = index.find(activity.only_if->activity);
    if (it == index.end()) return std::nullopt;
    return NodeCondition{it->second, activity.only_if->when == Condition::When::by,
                         deadline_time(scenario.plan.start, activity.only_if->date)};
}

// Kahn's algorithm taking, of the nodes ready, the one declared first. Plans are mostly
// written in the order work happens, so this order is the scenario's wherever it can be:
// a node's row in the forward pass is then freed soon after it is written (its readers
// follow it closely), and a block's live rows stay few enough for the cache. A depth-first
// order instead can leave, say, every milestone to the end and every row alive until then.
std::vector<std::size_t> declaration_first_order(const Graph& graph) {
    const std::size_t n = boost::num_vertices(graph);
    std::vector<std::size_t> waiting_for(n, 0);
    for (std::size_t v = 0; v < n; ++v)
        for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e)
            ++waiting_for[boost::target(*e, graph)];
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t v = 0; v < n; ++v)
        if (waiting_for[v] == 0) ready.push(v);
    std::vector<std::size_t> order;
    order.reserve(n);
    while (!ready.empty()) {
        const std::size_t v = ready.top();
        ready.pop();
        order.push_back(v);
        for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e)
            if (--waiting_for[boost::target(*e, graph)] == 0) ready.push(boost::target(*e, graph));
    }
    return order;
}

}  // namespace

ProblemList find_cycles(const Scenario& scenario) {
    return cycles_of(flatten(scenario));
}

Network compile_network(const Scenario& scenario, const CompileOptions& options) {
    const FlatScenario flat = flatten(scenario);
    cycles_of(flat).throw_if_any();

    const std::vector<std::size_t> order = declaration_first_order(flat.graph);
    std::vector<NodeIndex> position(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<NodeIndex>(i);

    Network network;
    network.scenario_name = scenario.plan.name;
    network.plan_start = scenario.plan.start;
    network.status_date = scenario.plan.status_date;
    network.horizon_end = scenario.plan.horizon_end;
    for (const auto& project : scenario.projects)
        network.projects.push_back({project.id, project.name, project.category, project.tags, false,
                                    uplift(scenario.uplifts, project, false),
                                    uplift(scenario.uplifts, project, true)});
    for (const auto& funnel : scenario.funnels)
        network.projects.push_back(
            {funnel.id, funnel.name, funnel.category, funnel.tags, true, {}, {}});

    std::unordered_map<std::string_view, NodeIndex> index;
    for (std::size_t v = 0; v < flat.activities.size(); ++v)
        index.emplace(flat.activities[v]->id, position[v]);
    network.link_begin.push_back(0);
    for (std::size_t v : order) {
        const Activity& activity = *flat.activities[v];
        network.nodes.push_back(
            make_node(scenario, activity, flat.origins[v].group, static_cast<std::uint32_t>(v)));
        network.nodes.back().only_if = condition_of(scenario, activity, index);
        add_links(activity, index, network);
        network.link_begin.push_back(static_cast<std::uint32_t>(network.links.size()));
    }
    network.mitigated = options.mitigated;
    compile_risks(scenario, options.mitigated, network);
    compile_correlations(scenario, options.nearest_correlation, network);
    std::vector<NodeOrigin> origins;
    for (std::size_t v : order) origins.push_back(flat.origins[v]);
    network.ledger = compile_ledger(scenario, network, origins, options.mitigated);
    return network;
}

}  // namespace pipesim
