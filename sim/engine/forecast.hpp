#pragma once
// The whole run in one call: simulate the network, then summarise what was tallied.

#include "engine/simulation.hpp"
#include "stats/summary.hpp"

namespace pipesim {

inline Results forecast(const Network& network, const RunSettings& settings) {
    return summarise(network, simulate(network, settings), settings.seed);
}

}  // namespace pipesim
