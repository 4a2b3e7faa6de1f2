#pragma once
// The whole run in one call: simulate the network, replay it for sensitivity when drivers
// are asked for, then summarise what was tallied.

#include <optional>

#include "engine/sensitivity_replay.hpp"
#include "engine/simulation.hpp"
#include "stats/summary.hpp"

namespace pipesim {

// With `outcomes`, also whether each iteration met each promise (RunSettings::record_outcomes).
inline Results forecast(const Network& network, const RunSettings& settings,
                        OutcomeBits* outcomes = nullptr) {
    RunSettings run = settings;
    run.record_outcomes = outcomes != nullptr;
    Tallies tallies = simulate(network, run);
    if (outcomes) *outcomes = std::move(tallies.outcomes);
    std::optional<SensitivityTallies> sensitivity;
    if (settings.drivers) sensitivity = replay_for_sensitivity(network, settings, tallies);
    Results results =
        summarise(network, tallies, settings.seed, sensitivity ? &*sensitivity : nullptr);
    results.mitigated = network.mitigated;
    results.until_se = settings.until_se;
    results.sampling =
        settings.sampling == SamplingMethod::latin_hypercube ? "latin-hypercube" : "monte-carlo";
    return results;
}

}  // namespace pipesim
