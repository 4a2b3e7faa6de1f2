#pragma once
// What a sweep varies: `--vary PATH=SPEC`, where PATH addresses a number of the scenario
// (io/scenario_paths.hpp) and SPEC is a list of values, `0.1,0.2,0.4`, or a range,
// `from:to:count` (count values evenly spaced, both ends included: `0.5:1.5:11`).
// The arguments come from a command line a script may have built, so every count is
// bounded before anything is allocated for it.

#include <string>
#include <string_view>
#include <vector>

#include "io/overrides.hpp"

namespace pipesim {

struct Vary {
    std::string path;
    std::vector<double> values;
};

// The most values one --vary may give, as a list or as a range's count: each is at least
// one whole run, so more is a typo (a count of 10^9) rather than a sweep.
inline constexpr std::size_t max_vary_values = 1'000;

// Throws InputError naming the --vary argument and what is wrong with it.
Vary parse_vary(std::string_view argument);

// A point of the sweep: the numbers it sets. The base point sets none.
// The most points a sweep may have (the base aside): each is a whole run.
inline constexpr std::size_t max_sweep_points = 10'000;

struct SweepPoint {
    std::vector<Override> overrides;
};

// The base point, then every combination of the values (the first --vary varies slowest).
std::vector<SweepPoint> grid_points(const std::vector<Vary>& varies);
// The base point, then each --vary's values in turn with every other number at its base.
std::vector<SweepPoint> one_at_a_time_points(const std::vector<Vary>& varies);

}  // namespace pipesim
