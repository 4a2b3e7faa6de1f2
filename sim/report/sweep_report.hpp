#pragma once
// sweep.html: a sweep's or comparison's results as one self-contained page. For a sweep of
// one number, or of several one at a time, a chart per number of every promise's chance
// against its value; for a grid of two numbers, a heat map per promise; always the run's
// settings and a table of every point and promise with its difference from the base.

#include <string>

#include "sweep/sweep_run.hpp"

namespace pipesim {

// `sweep_file` names the file the results were read from. The same results give the
// same bytes.
std::string sweep_report(const SweepResults& sweep, const std::string& sweep_file);

}  // namespace pipesim
