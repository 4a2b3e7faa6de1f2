#include "report/svg/fan_chart.hpp"

#include <algorithm>

#include "report/figures.hpp"
#include "report/svg/axes.hpp"

namespace pipesim::svg {
namespace {

constexpr double fan_chart_width = 520;
constexpr double fan_chart_height = 230;
constexpr Plot fan_plot{62, 30, fan_chart_width - 14, fan_chart_height - 30};

std::string description(const FanChart& chart) {
    std::string text = "Cumulative total in " + chart.unit +
                       " at each month end: the band spans P10 to P90, the line is the P50.";
    if (!chart.months.empty()) {
        const ValueForecast& end = chart.months.back().value;
        text += " At " + chart.months.back().date.iso() + ": P10 " + amount_text(end.p10) +
                ", P50 " + amount_text(end.p50) + ", P90 " + amount_text(end.p90) + '.';
    }
    if (chart.threshold) text += " Target " + amount_text(*chart.threshold);
    if (chart.deadline) text += " by " + chart.deadline->iso();
    if (chart.threshold || chart.deadline) text += '.';
    return text;
}

}  // namespace

std::string fan_chart(const FanChart& chart) {
    Document svg(fan_chart_width, fan_chart_height, chart.title, description(chart));
    if (chart.months.empty()) {
        svg.text({fan_chart_width / 2, fan_chart_height / 2}, "no figures", Anchor::middle, "note");
        return svg.str();
    }
    double low = 0, high = chart.threshold.value_or(0);
    for (const auto& month : chart.months) {
        low = std::min(low, month.value.p10);
        high = std::max(high, month.value.p90);
    }
    const LinearScale values = LinearScale::nice(low, high, fan_plot.bottom, fan_plot.top, 5);
    // From the first day of the first month: each figure stands at the end of its date.
    const Date first = first_of_month(chart.months.front().date);
    const DateScale scale(
        std::min(first, chart.deadline.value_or(first)),
        std::max(chart.months.back().date, chart.deadline.value_or(chart.months.back().date)),
        fan_plot.left, fan_plot.right);
    draw_date_axis(svg, scale, fan_plot, 80);
    draw_value_axis(svg, values, fan_plot, 5);
    svg.text({4, 12}, chart.unit, Anchor::start, "tick");

    std::vector<Point> band, median;
    for (const auto& month : chart.months) {
        band.push_back({scale.end_of(month.date), values(month.value.p90)});
        median.push_back({scale.end_of(month.date), values(month.value.p50)});
    }
    for (auto month = chart.months.rbegin(); month != chart.months.rend(); ++month)
        band.push_back({scale.end_of(month->date), values(month->value.p10)});
    svg.polygon(band, "band");
    svg.polyline(median, "median");

    if (chart.threshold) {
        const double y = values(*chart.threshold);
        svg.line({fan_plot.left, y}, {fan_plot.right, y}, "target");
        svg.text({fan_plot.left + 4, y - 4}, "target " + amount_text(*chart.threshold),
                 Anchor::start, "target-label");
    }
    if (chart.deadline) {
        const double x = scale.end_of(*chart.deadline);
        svg.line({x, fan_plot.top - 4}, {x, fan_plot.bottom}, "target");
        const bool left = x > fan_plot.left + 0.7 * fan_plot.width();
        svg.text({left ? x - 3 : x + 3, fan_plot.top - 6}, "deadline " + chart.deadline->iso(),
                 left ? Anchor::end : Anchor::start, "target-label");
    }
    return svg.str();
}

}  // namespace pipesim::svg
