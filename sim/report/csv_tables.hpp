#pragma once
// The CSV tables, UTF-8 with RFC 4180 quoting, dates as ISO text and "after-horizon" when a
// quantile lies beyond the horizon: milestones.csv and activities.csv (a row per milestone
// or activity), targets.csv (a row per target) and cashflow.csv (a row per report date and
// spend series).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stats/summary.hpp"

namespace pipesim {

// A cell: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);
// A date cell; "after-horizon" for a quantile beyond the horizon.
std::string csv_date(const std::optional<Date>& date);

std::string milestones_csv(const std::vector<FinishForecast>& milestones);
std::string activities_csv(const std::vector<FinishForecast>& activities);
std::string targets_csv(const std::vector<TargetForecast>& targets);
std::string cashflow_csv(const Results& results);
// drivers.csv: per milestone or target with drivers, a row per activity then per risk, each
// in ranking order, at most `listed` of each.
std::string drivers_csv(const Results& results, std::size_t listed);

}  // namespace pipesim
