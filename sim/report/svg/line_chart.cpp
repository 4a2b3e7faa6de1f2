#include "report/svg/line_chart.hpp"

#include <algorithm>
#include <numeric>

#include "report/svg/axes.hpp"

namespace pipesim::svg {
namespace {

constexpr double line_chart_width = 620;
constexpr double line_plot_height = 220;
constexpr double line_key_row = 18;
constexpr Plot line_plot{52, 12, line_chart_width - 36, 12 + line_plot_height};
constexpr double line_axis_room = 38;  // tick labels and the axis name

std::string trace(std::size_t series) {
    return "trace-" + std::to_string(series);
}

LinearScale x_scale(const LineChart& chart) {
    double low = 0, high = 0;
    bool first = true;
    for (const auto& series : chart.series)
        for (const auto& point : series.points) {
            low = first ? point.x : std::min(low, point.x);
            high = first ? point.x : std::max(high, point.x);
            first = false;
        }
    return LinearScale(low, high, line_plot.left, line_plot.right);
}

// Where each line's number goes: at its last point, pushed apart so no two overlap.
std::vector<double> label_heights(const LineChart& chart, const LinearScale& y) {
    std::vector<double> heights;
    for (const auto& series : chart.series)
        heights.push_back(series.points.empty() ? line_plot.bottom : y(series.points.back().y));
    std::vector<std::size_t> order(heights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return heights[a] < heights[b]; });
    for (std::size_t i = 1; i < order.size(); ++i)
        heights[order[i]] = std::max(heights[order[i]], heights[order[i - 1]] + label_font);
    return heights;
}

void draw_series(Document& svg, const LineSeries& series, std::size_t index, const LinearScale& x,
                 const LinearScale& y) {
    const auto clamped = [&](double value) {
        return y(std::clamp(value, std::min(y.low(), y.high()), std::max(y.low(), y.high())));
    };
    std::vector<Point> band, line;
    for (const auto& point : series.points) {
        band.push_back({x(point.x), clamped(point.high)});
        line.push_back({x(point.x), clamped(point.y)});
    }
    for (auto point = series.points.rbegin(); point != series.points.rend(); ++point)
        band.push_back({x(point->x), clamped(point->low)});
    svg.polygon(band, "spread " + trace(index));
    svg.polyline(line, "trace " + trace(index));
    for (std::size_t p = 0; p < line.size(); ++p)
        svg.rect({line[p].x - 3, line[p].y - 3}, 6, 6, "dot " + trace(index),
                 series.points[p].hint);
}

void draw_key(Document& svg, const LineChart& chart, double top) {
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const double y = top + static_cast<double>(s) * line_key_row;
        svg.rect({line_plot.left, y + 3}, 18, 4, trace(s));
        svg.text({line_plot.left + 24, y + 9}, std::to_string(s + 1) + "  " + chart.series[s].name,
                 Anchor::start, "");
    }
}

}  // namespace

std::string line_chart(const LineChart& chart) {
    const double key_top = line_plot.bottom + line_axis_room;
    const double height = key_top + static_cast<double>(chart.series.size()) * line_key_row + 4;
    Document svg(line_chart_width, height, chart.title, chart.description);
    const LinearScale x = x_scale(chart);
    const LinearScale y(chart.y_low, chart.y_high, line_plot.bottom, line_plot.top);
    draw_value_axis(svg, y, line_plot, 5, chart.y_suffix);
    draw_value_axis_below(svg, x, line_plot, 6);
    svg.line({line_plot.left, line_plot.bottom}, {line_plot.right, line_plot.bottom}, "axis");
    svg.text({(line_plot.left + line_plot.right) / 2, line_plot.bottom + line_axis_room - 6},
             chart.x_axis, Anchor::middle, "tick");
    for (std::size_t s = 0; s < chart.series.size(); ++s)
        draw_series(svg, chart.series[s], s, x, y);
    const std::vector<double> heights = label_heights(chart, y);
    for (std::size_t s = 0; s < chart.series.size(); ++s)
        if (!chart.series[s].points.empty())
            svg.text({x(chart.series[s].points.back().x) + 8, heights[s] + label_font / 3},
                     std::to_string(s + 1), Anchor::start, "");
    draw_key(svg, chart, key_top);
    return svg.str();
}

}  // namespace pipesim::svg
