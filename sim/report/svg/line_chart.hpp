#pragma once
// Lines against a number: how each promise's chance moves as a swept value changes. Each
// line has a band around it (its uncertainty), a dot per point with its figures on hover,
// and a number at its right end that the key below the plot names, so lines are told
// apart by text as well as by colour.

#include <string>
#include <vector>

namespace pipesim::svg {

struct LinePoint {
    double x;
    double y;
    double low, high;  // the band at x
    std::string hint;  // shown on hover
};

struct LineSeries {
    std::string name;               // in the key
    std::vector<LinePoint> points;  // in increasing x
};

struct LineChart {
    std::string title;
    std::string description;  // for screen readers
    std::string x_axis;       // under the axis: what x is
    double y_low, y_high;     // the value axis, labelled with `y_suffix`
    std::string y_suffix;
    std::vector<LineSeries> series;  // at most line_chart_series
};

// As many lines as the page's stylesheet has colours for.
inline constexpr std::size_t line_chart_series = 8;

std::string line_chart(const LineChart& chart);

}  // namespace pipesim::svg
