#pragma once
// results.json: the run's settings and every forecast. Holds nothing that changes from
// run to run (no wall time, host or thread count), so two runs can be diffed.

#include <array>
#include <limits>
#include <optional>
#include <string>

#include "stats/mitigation.hpp"
#include "stats/summary.hpp"

namespace pipesim {

// With a comparison, results.json also gets `mitigation`: before and after, side by side.
// Milestones and targets with drivers list at most `drivers_listed` activities and risks.
std::string results_to_json(const Results& results,
                            const std::optional<MitigationComparison>& mitigation = {},
                            std::size_t drivers_listed = listed_drivers);

// The keys of reported_quantiles in results.json.
inline constexpr std::array<const char*, 4> quantile_keys{"p10", "p50", "p80", "p90"};
static_assert(quantile_keys.size() == reported_quantiles.size());

// Every driver, for --all-drivers.
inline constexpr std::size_t all_drivers = std::numeric_limits<std::size_t>::max();

}  // namespace pipesim
