#pragma once
// The whole run in one call: simulate the network, then summarise what was tallied.

#include "engine/simulation.hpp"
#include "stats/summary.hpp"

namespace pipesim {

inline Results forecast(const Network& network, const RunSettings& settings) {
    Results results = summarise(network, simulate(network, settings), settings.seed);
        results.mitigated = network.mitigated;
    results.until_se = settings.until_se;
    results.sampling =
        settings.sampling == SamplingMethod::latin_hypercube ? "latin-hypercube" : "monte-carlo";
    return results;
}

}  // namespace pipesim
