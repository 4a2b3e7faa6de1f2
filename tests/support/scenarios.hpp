#pragma once
// Small scenarios written inline in tests, read through the real loader.

#include <gtest/gtest.h>

#include <string>

#include "engine/forecast.hpp"
#include "graph/network.hpp"
#include "io/scenario_loader.hpp"

namespace pipesim::testing {

// A plan starting 2024-01-01 with a long horizon, around the given `projects:` block.
inline std::string plan_with(const std::string& projects, const std::string& extra_plan = "") {
    return "pipesim: 1\nplan:\n  name: test plan\n  start: 2024-01-01\n  horizon: 2030-12-31\n" +
           extra_plan + "projects:\n" + projects;
}

inline Scenario scenario_from(const std::string& yaml) {
    ScenarioReading reading = read_scenario_text(yaml, "test.yaml");
    if (!reading.problems.empty()) throw InputError(reading.problems.items());
    return std::move(reading.scenario);
}

inline Network network_from(const std::string& yaml) {
    return compile_network(scenario_from(yaml));
}

inline Results forecast_of(const std::string& yaml, std::uint64_t iterations, std::uint64_t seed,
                           unsigned threads = 2) {
    RunSettings settings;
    settings.iterations = iterations;
    settings.seed = seed;
    settings.threads = threads;
    return forecast(network_from(yaml), settings);
}

inline const FinishForecast& find(const std::vector<FinishForecast>& list, const std::string& id) {
    for (const auto& item : list)
        if (item.id == id) return item;
    throw std::runtime_error("no forecast for " + id);
}

}  // namespace pipesim::testing
