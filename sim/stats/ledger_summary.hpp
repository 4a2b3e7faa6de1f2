#pragma once
// From the ledger's tallies to targets, cash flow and funnels as a planner reads them.

#include "graph/network.hpp"
#include "stats/summary.hpp"
#include "stats/tallies.hpp"

namespace pipesim {

// Fills results.currency, report_dates, targets, cashflow and funnels.
void summarise_ledger(const Network& network, const Tallies& tallies, Results& results);

}  // namespace pipesim
