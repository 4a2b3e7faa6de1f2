#pragma once
// Compiling correlation groups into sets of variables drawn through a Gaussian copula.

#include "graph/network.hpp"

namespace pipesim {

// Fills network.correlated (and warnings, when a matrix is repaired). Groups give rank
// correlations rho; the copula takes the normal-scores correlation 2 sin(pi rho / 6),
// which has exactly that rank correlation. Throws InputError naming the first group that
// makes its set's matrix not positive semi-definite, unless `nearest` asks to replace the
// matrix by the nearest valid one.
void compile_correlations(const Scenario& scenario, bool nearest, Network& network);

}  // namespace pipesim
