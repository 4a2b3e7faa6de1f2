#pragma once
// A sweep's or comparison's results: sweep.json, and sweep.csv with a row per point and
// promise (UTF-8, RFC 4180 quoting; dates "after-horizon" beyond the horizon).

#include <string>

#include "sweep/sweep_run.hpp"

namespace pipesim {

std::string sweep_to_json(const SweepResults& sweep);
std::string sweep_csv(const SweepResults& sweep);

}  // namespace pipesim
