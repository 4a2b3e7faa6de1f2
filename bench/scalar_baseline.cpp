// The Monte Carlo schedule a C++ programmer writes first, kept as the baseline the engine
// is compared with: one iteration at a time, node by node in topological order, durations
// from std::mt19937_64 through std::piecewise_linear_distribution, every milestone's finish
// day counted into its histogram. Iterations are split evenly over std::threads. On purpose
// it has none of the engine's blocking, vectorisation or memory reuse. Usage:
//   pipesim_scalar_baseline GRAPH [--iterations I] [--threads T] [--seed S] [--repeat R]
// GRAPH comes from `pipesim_throughput --write-graph GRAPH`. Prints what pipesim_throughput
// prints, in the same format.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "histogram_checksum.hpp"

namespace {

struct Node {
    bool milestone = false;
    double min = 0, mode = 0, max = 0;
    std::vector<std::pair<std::uint32_t, double>> predecessors;  // index, lag in days
};

struct Graph {
    std::int32_t horizon_days = 0;
    std::vector<Node> nodes;  // topological order
    std::size_t links = 0;
};

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "%s\n", message.c_str());
    std::exit(1);
}

Graph read_graph(const char* path) {
    std::ifstream in(path);
    if (!in) fail(std::string("cannot read ") + path);
    Graph graph;
    std::string line;
    std::getline(in, line);
    if (line.rfind("horizon_days,", 0) != 0) fail(std::string(path) + ": not a graph file");
    graph.horizon_days = std::stoi(line.substr(13));
    std::getline(in, line);  // column names
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string index, kind, min, mode, max, predecessors;
        std::getline(fields, index, ',');
        std::getline(fields, kind, ',');
        std::getline(fields, min, ',');
        std::getline(fields, mode, ',');
        std::getline(fields, max, ',');
        std::getline(fields, predecessors);
        if (std::stoul(index) != graph.nodes.size())
            fail(std::string(path) + ": nodes out of order");
        Node node{kind == "milestone", std::stod(min), std::stod(mode), std::stod(max), {}};
        if (!node.milestone && !(node.min < node.mode && node.mode < node.max))
            fail(std::string(path) + ": a triangle needs min < mode < max");
        std::istringstream links(predecessors);
        std::string link;
        while (std::getline(links, link, ';')) {
            const std::size_t colon = link.find(':');
            node.predecessors.emplace_back(std::stoul(link.substr(0, colon)),
                                           std::stod(link.substr(colon + 1)));
        }
        graph.links += node.predecessors.size();
        graph.nodes.push_back(std::move(node));
    }
    return graph;
}

// As the engine: day d holds finishes in (d, d + 1]; the last bin is "after the horizon".
std::size_t day_index(double t, std::size_t bins) {
    const double day = t <= 0.0 ? 0.0 : std::ceil(t) - 1.0;
    return std::min(static_cast<std::size_t>(day), bins - 1);
}

using Histograms = std::vector<std::vector<std::uint32_t>>;  // per milestone, per day

void run_iterations(const Graph& graph, std::uint64_t iterations, std::uint64_t seed,
                    unsigned thread, Histograms& histograms) {
    std::seed_seq seeds{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                        thread};
    std::mt19937_64 engine(seeds);
    const std::size_t bins = static_cast<std::size_t>(graph.horizon_days) + 1;
    std::vector<std::piecewise_linear_distribution<double>> durations(graph.nodes.size());
    for (std::size_t v = 0; v < graph.nodes.size(); ++v) {
        const Node& node = graph.nodes[v];
        if (node.milestone) continue;
        const double intervals[] = {node.min, node.mode, node.max};
        const double weights[] = {0.0, 1.0, 0.0};
        durations[v] = std::piecewise_linear_distribution<double>(
            std::begin(intervals), std::end(intervals), std::begin(weights));
    }
    std::vector<double> finish(graph.nodes.size());
    for (std::uint64_t it = 0; it < iterations; ++it) {
        std::size_t milestone = 0;
        for (std::size_t v = 0; v < graph.nodes.size(); ++v) {
            const Node& node = graph.nodes[v];
            double start = 0.0;
            for (const auto& [predecessor, lag] : node.predecessors)
                start = std::max(start, finish[predecessor] + lag);
            if (node.milestone) {
                finish[v] = start;
                ++histograms[milestone++][day_index(start, bins)];
            } else {
                finish[v] = start + durations[v](engine);
            }
        }
    }
}

// Runs every iteration and returns the merged histograms.
Histograms simulate(const Graph& graph, std::uint64_t iterations, unsigned threads,
                    std::uint64_t seed) {
    const auto milestones = static_cast<std::size_t>(std::count_if(
        graph.nodes.begin(), graph.nodes.end(), [](const Node& n) { return n.milestone; }));
    const Histograms empty(milestones, std::vector<std::uint32_t>(graph.horizon_days + 1, 0));
    std::vector<Histograms> histograms(threads, empty);
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        const std::uint64_t share = iterations / threads + (t < iterations % threads);
        workers.emplace_back(run_iterations, std::cref(graph), share, seed, t,
                             std::ref(histograms[t]));
    }
    for (std::thread& worker : workers) worker.join();
    for (unsigned t = 1; t < threads; ++t)
        for (std::size_t m = 0; m < milestones; ++m)
            for (std::size_t d = 0; d < empty[m].size(); ++d)
                histograms[0][m][d] += histograms[t][m][d];
    return std::move(histograms[0]);
}

void print_checksum(const Histograms& histograms) {
    if (!histograms.empty()) pipesim::bench::print_histogram_checksum(histograms.back());
}

long peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-')
        fail(
            "usage: pipesim_scalar_baseline GRAPH [--iterations I] [--threads T] [--seed S] "
            "[--repeat R]");
    std::uint64_t iterations = 10000, seed = 1;
    unsigned threads = 0;
    int repeat = 3;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const char* value = argv[i + 1];
        if (flag == "--iterations")
            iterations = std::strtoull(value, nullptr, 10);
        else if (flag == "--threads")
            threads = static_cast<unsigned>(std::atoi(value));
        else if (flag == "--seed")
            seed = std::strtoull(value, nullptr, 10);
        else if (flag == "--repeat")
            repeat = std::atoi(value);
        else
            fail("unknown option " + flag);
    }
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const Graph graph = read_graph(argv[1]);
    std::printf("graph: %zu nodes, %zu links; %llu iterations, %u threads, scalar baseline\n",
                graph.nodes.size(), graph.links, static_cast<unsigned long long>(iterations),
                threads);
    std::vector<double> rates;
    Histograms histograms;
    for (int r = 0; r < repeat; ++r) {
        histograms.clear();
        const auto start = std::chrono::steady_clock::now();
        histograms = simulate(graph, iterations, threads, seed);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double rate =
            static_cast<double>(graph.nodes.size()) * static_cast<double>(iterations) / seconds;
        rates.push_back(rate);
        std::printf("run %d: %.3f s, %.1f million node-iterations/s\n", r + 1, seconds, rate / 1e6);
    }
    std::sort(rates.begin(), rates.end());
    std::printf("median: %.1f million node-iterations/s; peak memory %ld MiB\n",
                rates[rates.size() / 2] / 1e6, peak_rss_mib());
    print_checksum(histograms);
}
