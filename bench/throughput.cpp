// Node-iterations per second of the engine on a synthetic layered plan, and the peak
// memory of the process. Usage:
//   pipesim_throughput [--activities N] [--degree D] [--seed S] [--iterations I] [--threads T]
//                      [--tally every|milestones] [--criticality on|off] [--repeat R]
//                      [--write-graph FILE]
// Prints one line per repetition, the median, and the last milestone's mean finish day as
// a checksum. With --write-graph it only writes the compiled plan for the baselines
// (scalar_baseline.cpp, numpy_baseline.py) and exits.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "graph/network.hpp"
#include "histogram_checksum.hpp"
#include "synthetic_graph.hpp"

namespace {

struct Options {
    pipesim::bench::SyntheticGraphSpec graph;
    pipesim::RunSettings run;
    int repeat = 3;
    std::string write_graph;
};

Options parse(int argc, char** argv) {
    Options options;
    options.run.iterations = 10000;
    options.run.scope = pipesim::TallyScope::milestones_only;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const char* value = argv[i + 1];
        if (flag == "--activities")
            options.graph.activities = std::strtoull(value, nullptr, 10);
        else if (flag == "--degree")
            options.graph.mean_in_degree = std::strtod(value, nullptr);
        else if (flag == "--iterations")
            options.run.iterations = std::strtoull(value, nullptr, 10);
        else if (flag == "--threads")
            options.run.threads = static_cast<unsigned>(std::atoi(value));
        else if (flag == "--seed")
            options.graph.seed = std::strtoull(value, nullptr, 10);
        else if (flag == "--write-graph")
            options.write_graph = value;
        else if (flag == "--repeat")
            options.repeat = std::atoi(value);
        else if (flag == "--criticality")
            options.run.drivers = std::strcmp(value, "on") == 0;
        else if (flag == "--tally")
            options.run.scope = std::strcmp(value, "every") == 0
                                    ? pipesim::TallyScope::every_node
                                    : pipesim::TallyScope::milestones_only;
        else {
            std::fprintf(stderr, "unknown option %s\n", flag.c_str());
            std::exit(2);
        }
    }
    return options;
}

long peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// The baselines read the compiled plan rather than generating it again, so that all three
// run the very same graph. They know only triangular activities, zero-duration milestones
// and FS links from time 0: anything else is refused. Nodes go in the order the generator
// declared them (layer by layer, each milestone after its layer), which is topological too:
// the engine's order puts every milestone at the end, so a node-major implementation
// freeing finishes after their last reader would hold every activity's vector at once.
void write_graph(const pipesim::Network& network, const std::string& path) {
    std::vector<pipesim::NodeIndex> order(network.nodes.size()), position(network.nodes.size());
    for (pipesim::NodeIndex v = 0; v < network.nodes.size(); ++v)
        order[network.nodes[v].declared] = v;
    for (pipesim::NodeIndex i = 0; i < order.size(); ++i) position[order[i]] = i;
    std::FILE* file = std::fopen(path.c_str(), "w");
    if (!file) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        std::exit(1);
    }
    std::fprintf(file, "horizon_days,%d\nindex,kind,min,mode,max,predecessors\n",
                 network.horizon_days());
    for (pipesim::NodeIndex i = 0; i < order.size(); ++i) {
        const pipesim::NodeIndex v = order[i];
        const pipesim::NetworkNode& node = network.nodes[v];
        const bool milestone = node.kind == pipesim::ActivityKind::milestone;
        const auto* triangle = std::get_if<pipesim::TriangularDistribution>(&node.duration);
        const auto* fixed = std::get_if<pipesim::FixedDistribution>(&node.duration);
        const bool plain = node.earliest_start == 0.0 && node.probability == 1.0 && !node.only_if &&
                           !node.actual_start && !node.actual_finish &&
                           network.risks_hitting(v).empty() &&
                           !network.projects[node.project].duration_uplift;
        if (!plain || (milestone ? !fixed || fixed->value != 0.0 : !triangle)) {
            std::fprintf(stderr, "%s: the baselines cannot model this node\n", node.id.c_str());
            std::exit(1);
        }
        const pipesim::TriangularDistribution t =
            milestone ? pipesim::TriangularDistribution{} : *triangle;
        std::fprintf(file, "%u,%s,%.17g,%.17g,%.17g,", i, milestone ? "milestone" : "activity",
                     t.min, t.mode, t.max);
        const char* separator = "";
        for (const pipesim::Link& link : network.predecessors(v)) {
            if (link.type != pipesim::LinkType::fs || link.uncertain_lag != pipesim::fixed_lag ||
                position[link.predecessor] > i) {
                std::fprintf(stderr,
                             "%s: the baselines take only FS links with fixed lags, "
                             "in declaration order\n",
                             node.id.c_str());
                std::exit(1);
            }
            std::fprintf(file, "%s%u:%.17g", separator, position[link.predecessor], link.lag_days);
            separator = ";";
        }
        std::fputc('\n', file);
    }
    if (std::fclose(file) != 0) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        std::exit(1);
    }
}

// The last milestone declared (the baselines' last in node order), computed the same way in all
// three programs from the histogram that is tallied, so that their results can be compared: they
// agree within Monte Carlo error, not to the digit.
void print_checksum(const pipesim::Network& network, const pipesim::Tallies& tallies) {
    std::optional<std::size_t> last;
    for (std::size_t slot = 0; slot < tallies.tallied_nodes.size(); ++slot) {
        const pipesim::NetworkNode& node = network.nodes[tallies.tallied_nodes[slot]];
        if (node.kind == pipesim::ActivityKind::milestone &&
            (!last || node.declared > network.nodes[tallies.tallied_nodes[*last]].declared))
            last = slot;
    }
    if (!last) return;
    pipesim::bench::print_histogram_checksum(tallies.histograms.of(*last));
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    const pipesim::Network network =
        pipesim::compile_network(pipesim::bench::make_layered_scenario(options.graph));
    if (!options.write_graph.empty()) {
        write_graph(network, options.write_graph);
        return 0;
    }
    std::printf("graph: %zu nodes, %zu links; %llu iterations, %u threads (0 = all), tally %s%s\n",
                network.nodes.size(), network.links.size(),
                static_cast<unsigned long long>(options.run.iterations), options.run.threads,
                options.run.scope == pipesim::TallyScope::every_node ? "every node" : "milestones",
                options.run.drivers ? ", criticality on" : "");
    std::vector<double> rates;
    std::optional<pipesim::Tallies> tallies;
    for (int r = 0; r < options.repeat; ++r) {
        tallies.reset();  // so that a repetition's peak memory holds one set of tallies
        const auto start = std::chrono::steady_clock::now();
        tallies = pipesim::simulate(network, options.run);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double rate = static_cast<double>(network.nodes.size()) *
                            static_cast<double>(tallies->iterations) / seconds;
        rates.push_back(rate);
        std::printf("run %d: %.3f s, %.1f million node-iterations/s\n", r + 1, seconds, rate / 1e6);
    }
    std::sort(rates.begin(), rates.end());
    std::printf("median: %.1f million node-iterations/s; peak memory %ld MiB\n",
                rates[rates.size() / 2] / 1e6, peak_rss_mib());
    print_checksum(network, *tallies);
}
