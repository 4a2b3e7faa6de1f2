#include "report/svg/bar_chart.hpp"

#include <algorithm>

#include "report/svg/axes.hpp"

namespace pipesim::svg {
namespace {

constexpr double bar_chart_width = 620;
constexpr double bar_row_height = 22;
constexpr double bar_axis_room = 34;  // tick labels and the axis name

LinearScale value_scale(const BarChart& chart, double from, double to) {
    double low = 0, high = 0;
    for (const auto& row : chart.rows)
        for (const auto& value : row.values)
            if (value) {
                low = std::min(low, *value);
                high = std::max(high, *value);
            }
    return LinearScale::nice(low, high, from, to, 4);
}

// A key to the colours when there is more than one series.
double legend_height(const BarChart& chart) {
    return chart.series.size() > 1 ? 20 : 4;
}

void draw_legend(Document& svg, const BarChart& chart, double left) {
    if (chart.series.size() < 2) return;
    double x = left;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        svg.rect({x, 5}, 10, 10, "series-" + std::to_string(s));
        svg.text({x + 14, 14}, chart.series[s], Anchor::start, "tick");
        x += 24 + text_width(chart.series[s], tick_font);
    }
}

}  // namespace

std::string bar_chart(const BarChart& chart) {
    double label_width = 0, note_width = 0;
    for (const auto& row : chart.rows) {
        label_width = std::max(label_width, text_width(row.label, label_font));
        note_width = std::max(note_width, text_width(row.note, label_font));
    }
    const double height =
        legend_height(chart) +
        static_cast<double>(std::max<std::size_t>(chart.rows.size(), 1)) * bar_row_height +
        bar_axis_room;
    const Plot plot{std::min(label_width, 260.0) + 16, legend_height(chart),
                    bar_chart_width - std::min(note_width, 220.0) - 12, height - bar_axis_room};
    Document svg(bar_chart_width, height, chart.title, chart.description);
    draw_legend(svg, chart, plot.left);
    const LinearScale values = value_scale(chart, plot.left, plot.right);
    draw_value_axis_below(svg, values, plot, 4);
    svg.text({(plot.left + plot.right) / 2, height - 4}, chart.axis, Anchor::middle, "tick");

    const double bar_height =
        (bar_row_height - 6) / static_cast<double>(std::max<std::size_t>(chart.series.size(), 1));
    double top = plot.top;
    for (const auto& row : chart.rows) {
        svg.text({plot.left - 6, top + bar_row_height / 2 + label_font / 3}, row.label, Anchor::end,
                 "");
        for (std::size_t s = 0; s < row.values.size(); ++s)
            if (row.values[s])
                svg.rect({values(0), top + 3 + static_cast<double>(s) * bar_height},
                         values(*row.values[s]) - values(0), bar_height,
                         "series-" + std::to_string(s));
        svg.text({plot.right + 6, top + bar_row_height / 2 + label_font / 3}, row.note,
                 Anchor::start, "");
        top += bar_row_height;
    }
    svg.line({values(0), plot.top}, {values(0), plot.bottom}, "axis");
    return svg.str();
}

}  // namespace pipesim::svg
