#pragma once
// Sensitivity needs each date's rank among all iterations, known only once the run is
// over; keeping every iteration's dates would make memory grow with the iteration count.
// So the iterations are replayed (the random numbers are a pure function of seed,
// iteration and variable, so the replay draws exactly what the run drew) and each date is
// ranked with the run's own histogram of days.

#include "engine/simulation.hpp"

namespace pipesim {

// `run` is what simulate(network, settings) returned.
SensitivityTallies replay_for_sensitivity(const Network& network, const RunSettings& settings,
                                          const Tallies& run);

}  // namespace pipesim
