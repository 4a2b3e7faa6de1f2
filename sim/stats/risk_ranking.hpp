#pragma once
// The tornado: for each milestone with a target and each target, what each risk costs in
// probability points and in P80 days, found by replaying the very same iterations with
// that risk switched off (the random numbers are a pure function of seed, iteration and
// variable, so the difference is exact common-random-numbers, not noise).

#include <string>
#include <vector>

#include "stats/summary.hpp"

namespace pipesim {

// `without[r]` are the results with risk r switched off, in the network's risk order.
// Fills the risks of every milestone's and target's drivers.
void rank_risks(Results& with, const std::vector<std::string>& risks,
                const std::vector<Results>& without);

}  // namespace pipesim
