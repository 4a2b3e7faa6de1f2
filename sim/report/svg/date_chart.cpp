#include "report/svg/date_chart.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

#include "report/figures.hpp"
#include "report/svg/axes.hpp"

namespace pipesim::svg {
namespace {

constexpr double date_chart_width = 520;
constexpr double date_chart_height = 230;
// Three rows of marker labels above the plot: target, P50, P80.
constexpr double date_label_row = 13;
constexpr Plot date_plot{46, 3 * date_label_row + 6, date_chart_width - 14, date_chart_height - 38};

// The days shown: every bin, the target and the marked quantiles, with a margin, and at
// least four weeks.
DateScale date_scale(const DateChart& chart) {
    const DateHistogram& h = chart.histogram;
    const auto bins = static_cast<std::int32_t>(h.counts.size());
    Date first = h.first;
    Date last = h.first.plus_days(std::max(1, bins * h.bin_days) - 1);
    for (const auto& day : {chart.target, chart.p50, chart.p80})
        if (day) {
            first = std::min(first, *day);
            last = std::max(last, *day);
        }
    const std::int32_t margin = std::max(h.bin_days, (last - first) / 20);
    const std::int32_t short_by = std::max(0, 28 - (last - first + 2 * margin));
    return DateScale(first.plus_days(-margin - short_by / 2),
                     last.plus_days(margin + short_by - short_by / 2), date_plot.left,
                     date_plot.right);
}

std::string description(const DateChart& chart, std::uint64_t total) {
    std::string text = "Histogram of the day over " + std::to_string(total) + " iterations in " +
                       std::to_string(chart.histogram.bin_days) +
                       "-day bins, with the cumulative share finished by each day. P50 " +
                       date_text(chart.p50) + ", P80 " + date_text(chart.p80) + '.';
    if (chart.target) text += " Target " + chart.target->iso() + '.';
    if (chart.histogram.beyond > 0)
        text +=
            " After the horizon or never: " +
            percent_text(static_cast<double>(chart.histogram.beyond) / static_cast<double>(total)) +
            '.';
    return text;
}

// A vertical line at the end of `day` with its label in the given row above the plot,
// turned to the left near the right edge so it stays inside the chart.
void mark(Document& svg, const DateScale& scale, Date day, int row, const std::string& label,
          std::string_view style) {
    const double x = scale.end_of(day);
    svg.line({x, date_plot.top - 2}, {x, date_plot.bottom}, style);
    const bool left = x > date_plot.left + 0.7 * date_plot.width();
    svg.text({left ? x - 3 : x + 3, date_label_row * (row + 1)}, label,
             left ? Anchor::end : Anchor::start, std::string(style) + "-label");
}

// A quantile beyond the horizon has no place on the axis: said in words at the right.
void mark_quantile(Document& svg, const DateScale& scale, const std::optional<Date>& day, int row,
                   const char* name) {
    if (day)
        mark(svg, scale, *day, row, std::string(name) + ' ' + day->iso(), "marker");
    else
        svg.text({date_plot.right, date_label_row * (row + 1)},
                 std::string(name) + " after horizon", Anchor::end, "marker-label");
}

}  // namespace

std::string date_chart(const DateChart& chart) {
    const DateHistogram& h = chart.histogram;
    const std::uint64_t total =
        std::accumulate(h.counts.begin(), h.counts.end(), std::uint64_t{0}) + h.beyond;
    Document svg(date_chart_width, date_chart_height, chart.title, description(chart, total));
    const DateScale scale = date_scale(chart);
    const LinearScale share(0, 100, date_plot.bottom, date_plot.top);
    draw_date_axis(svg, scale, date_plot, 80);
    draw_value_axis(svg, share, date_plot, 4, "%");

    const std::uint64_t tallest =
        h.counts.empty() ? 0 : *std::max_element(h.counts.begin(), h.counts.end());
    if (total == 0 || tallest == 0) {
        svg.text({(date_plot.left + date_plot.right) / 2, (date_plot.top + date_plot.bottom) / 2},
                 "not within the horizon in any iteration", Anchor::middle, "note");
    } else {
        // The tallest bar to most of the height, clear of the curve's 100% line.
        std::vector<Point> cumulative{{scale.start_of(h.first), share(0)}};
        std::uint64_t done = 0;
        for (std::size_t b = 0; b < h.counts.size(); ++b) {
            const Date from = h.first.plus_days(static_cast<std::int32_t>(b) * h.bin_days);
            const Date to = from.plus_days(h.bin_days - 1);
            const double height = static_cast<double>(h.counts[b]) / static_cast<double>(tallest) *
                                  0.85 * date_plot.height();
            const double fraction = static_cast<double>(h.counts[b]) / static_cast<double>(total);
            if (h.counts[b] > 0)
                svg.rect({scale.start_of(from), date_plot.bottom - height},
                         scale.end_of(to) - scale.start_of(from), height, "bin",
                         from.iso() + " to " + to.iso() + ": " + percent_text(fraction));
            done += h.counts[b];
            cumulative.push_back({scale.end_of(to), share(100.0 * static_cast<double>(done) /
                                                          static_cast<double>(total))});
        }
        cumulative.push_back({date_plot.right, cumulative.back().y});
        svg.polyline(cumulative, "cumulative");
    }
    if (chart.target) mark(svg, scale, *chart.target, 0, "target " + chart.target->iso(), "target");
    mark_quantile(svg, scale, chart.p50, 1, "P50");
    mark_quantile(svg, scale, chart.p80, 2, "P80");
    if (h.beyond > 0)
        svg.text({date_plot.right, date_chart_height - 6},
                 "after the horizon or never: " +
                     percent_text(static_cast<double>(h.beyond) / static_cast<double>(total)),
                 Anchor::end, "note");
    return svg.str();
}

}  // namespace pipesim::svg
