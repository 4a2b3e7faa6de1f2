#pragma once
// Compiling the risk register: which risks hit which nodes, with the numbers of the run
// (before or after mitigation).

#include "graph/network.hpp"

namespace pipesim {

// Fills network.risks, hit_begin and hits; the nodes must be compiled already.
void compile_risks(const Scenario& scenario, bool mitigated, Network& network);

// The effect a risk has in a run: after mitigation, each part the mitigation gives
// replaces the risk's own.
RiskEffect effect_in_run(const Risk& risk, bool mitigated);
double probability_in_run(const Risk& risk, bool mitigated);

}  // namespace pipesim
