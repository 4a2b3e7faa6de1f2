#pragma once
// Horizontal bars from a zero line, one row per thing, one bar per series in a row: the
// tornado of risks (probability points each risk takes away) and the activities that
// drive a date (criticality, sensitivity). Values may be negative; a missing value draws
// no bar. Each row ends with its figures in words.

#include <optional>
#include <string>
#include <vector>

namespace pipesim::svg {

struct BarRow {
    std::string label;
    std::vector<std::optional<double>> values;  // one per series
    std::string note;                           // at the right, e.g. "12.3 points, P80 +15 d"
};

struct BarChart {
    std::string title;
    std::string description;  // what the bars measure, for screen readers
    std::string axis;         // under the value axis, e.g. "probability points"
    std::vector<std::string> series;
    std::vector<BarRow> rows;
};

std::string bar_chart(const BarChart& chart);

}  // namespace pipesim::svg
