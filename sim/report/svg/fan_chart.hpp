#pragma once
// A cumulative total over the months (spend, items signed, funds in place): the P10-P90
// band, the P50 line, and, for a target, its threshold as a horizontal line and its
// deadline as a vertical one.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "report/published_results.hpp"

namespace pipesim::svg {

struct FanChart {
    std::string title;
    std::string unit;  // what the values count: the currency, or "items"
    std::vector<MonthFigure> months;
    std::optional<double> threshold;
    std::optional<Date> deadline;
};

std::string fan_chart(const FanChart& chart);

}  // namespace pipesim::svg
