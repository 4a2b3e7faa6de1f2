#pragma once
// The tornado: for each milestone with a target and each target, what each risk costs in
// probability points and in P80 days, found by replaying the very same iterations with
// that risk switched off (the random numbers are a pure function of seed, iteration and
// variable, so the difference is exact common-random-numbers, not noise).

#include <optional>
#include <string>
#include <vector>

#include "stats/summary.hpp"

namespace pipesim {

struct RiskImpact {
    std::string risk;
    double p_with;     // p_on_time or p_reached with every risk
    double p_without;  // with this risk switched off
    std::optional<Date> p80_with;
    std::optional<Date> p80_without;
};

struct RiskRanking {
    std::string id;
    std::string kind;               // "milestone" or "target"
    std::vector<RiskImpact> risks;  // largest loss of probability first, then P80 days
};

// `without[r]` are the results with risk r switched off, in the network's risk order.
std::vector<RiskRanking> rank_risks(const Results& with, const std::vector<std::string>& risks,
                                    const std::vector<Results>& without);

// Days the risk pushes the P80 date out; nullopt when either lies beyond the horizon.
std::optional<int> p80_days(const RiskImpact& impact);

}  // namespace pipesim
