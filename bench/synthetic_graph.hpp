#pragma once
// Synthetic plans for benchmarks: N activities in layers, each (past the first layer)
// depending on about d activities of the layer before, triangular durations, and a
// milestone at the end of every layer. Reproducible from a seed.

#include <cstdint>

#include "model/scenario.hpp"

namespace pipesim::bench {

struct SyntheticGraphSpec {
    std::size_t activities = 10000;
    double mean_in_degree = 2.0;
    std::size_t layer_width = 100;
    std::uint64_t seed = 1;
};

Scenario make_layered_scenario(const SyntheticGraphSpec& spec);

}  // namespace pipesim::bench
