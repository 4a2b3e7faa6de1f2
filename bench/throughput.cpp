// Node-iterations per second of the engine on a synthetic layered plan, and the peak
// memory of the process. Usage:
//   pipesim_throughput [--activities N] [--degree D] [--iterations I] [--threads T]
//                      [--tally every|milestones] [--criticality on|off] [--repeat R]
// Prints one line per repetition and the median.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "graph/network.hpp"
#include "synthetic_graph.hpp"

namespace {

struct Options {
    pipesim::bench::SyntheticGraphSpec graph;
    pipesim::RunSettings run;
    int repeat = 3;
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

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    const pipesim::Network network =
        pipesim::compile_network(pipesim::bench::make_layered_scenario(options.graph));
    std::printf("graph: %zu nodes, %zu links; %llu iterations, %u threads (0 = all), tally %s%s\n",
                network.nodes.size(), network.links.size(),
                static_cast<unsigned long long>(options.run.iterations), options.run.threads,
                options.run.scope == pipesim::TallyScope::every_node ? "every node" : "milestones",
                options.run.drivers ? ", criticality on" : "");
    std::vector<double> rates;
    for (int r = 0; r < options.repeat; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const pipesim::Tallies tallies = pipesim::simulate(network, options.run);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double rate = static_cast<double>(network.nodes.size()) *
                            static_cast<double>(tallies.iterations) / seconds;
        rates.push_back(rate);
        std::printf("run %d: %.3f s, %.1f million node-iterations/s\n", r + 1, seconds, rate / 1e6);
    }
    std::sort(rates.begin(), rates.end());
    std::printf("median: %.1f million node-iterations/s; peak memory %ld MiB\n",
                rates[rates.size() / 2] / 1e6, peak_rss_mib());
}
