#pragma once
// Runs the points of a sweep (or the two scenarios of a comparison) on the same random
// numbers, and states each promise's probability at each point with its difference from
// the base point. Common random numbers make that difference exact per iteration, so its
// standard error comes from the iterations where the two disagree and is far smaller than
// that of two independent runs.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "sweep/sweep_spec.hpp"

namespace pipesim {

struct PromiseAtPoint {
    std::string id;
    std::string name;  // the milestone's or target's name, as the scenario gives it
    std::string kind;  // "milestone" (its target date) or "target"
    double p;          // p_on_time or p_reached
    double p_se;
    std::optional<Date> p50, p80;      // nullopt: beyond the horizon
    std::optional<double> difference;  // p less the base point's; nullopt: not at the base
    std::optional<double> difference_se;
    std::optional<double> independent_se;  // what two independent runs would give
};

struct PointForecast {
    std::string label;  // "base", the values it sets, or a scenario's name
    std::vector<Override> overrides;
    std::vector<PromiseAtPoint> promises;
};

// The value the point gives a varied path; nullopt: the point leaves it as the scenario
// has it.
std::optional<double> value_at(const PointForecast& point, const std::string& path);

struct SweepResults {
    std::string scenario;
    std::uint64_t iterations = 0;
    std::uint64_t seed = 0;
    std::vector<std::string> varied;    // the paths, in --vary order
    std::vector<PointForecast> points;  // the base first
};

// Which points to forecast (the base is always run, as every difference needs it) and what
// to call after each, with its index.
struct SweepShare {
    std::function<bool(std::size_t)> computes = [](std::size_t) { return true; };
    std::function<void(std::size_t)> on_point = [](std::size_t) {};
};

// Throws InputError for a point whose values the scenario cannot take, naming them. The
// results hold the points `share` computes, in order. A variant's points vary its base
// with the variant's own values, a --vary value replacing the variant's for that path.
SweepResults run_sweep(const ScenarioText& scenario, const std::vector<Vary>& varies,
                       const std::vector<SweepPoint>& points, const RunSettings& settings,
                       const SweepShare& share = {});

// Two scenarios on the same random numbers: `second` against `first`.
SweepResults compare_scenarios(const Scenario& first, const Scenario& second,
                               const RunSettings& settings);

}  // namespace pipesim
