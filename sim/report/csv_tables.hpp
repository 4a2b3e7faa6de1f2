#pragma once
// milestones.csv and activities.csv: one row per milestone or activity, UTF-8 (RFC 4180
// quoting), dates as ISO text and "after-horizon" when a quantile lies beyond the horizon.

#include <string>
#include <vector>

#include "stats/summary.hpp"

namespace pipesim {

std::string milestones_csv(const std::vector<FinishForecast>& milestones);
std::string activities_csv(const std::vector<FinishForecast>& activities);

}  // namespace pipesim
