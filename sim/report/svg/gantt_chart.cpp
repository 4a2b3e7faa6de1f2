#include "report/svg/gantt_chart.hpp"

#include <algorithm>

#include "report/svg/axes.hpp"

namespace pipesim::svg {
namespace {

constexpr double gantt_chart_width = 1000;
constexpr double gantt_row_height = 20;
constexpr double gantt_heading_height = 22;
constexpr double gantt_axis_room = 24;  // tick labels under the plot
constexpr double gantt_note_width = 120;

// The days any bar or target covers, with a fortnight either side.
DateScale date_scale(const std::vector<GanttGroup>& groups, Date horizon, double from, double to) {
    std::optional<Date> first, last;
    const auto extend = [&](const std::optional<Date>& day) {
        if (!day) return;
        first = first ? std::min(*first, *day) : *day;
        last = last ? std::max(*last, *day) : *day;
    };
    for (const auto& group : groups)
        for (const auto& row : group.rows) {
            extend(row.p10);
            extend(row.p90 ? row.p90 : row.p10 ? std::optional<Date>(horizon) : std::nullopt);
            extend(row.target);
        }
    if (!first) first = last = horizon;
    return DateScale(first->plus_days(-14), last->plus_days(14), from, to);
}

void draw_row(Document& svg, const DateScale& scale, const GanttRow& row, double top,
              const Plot& plot, Date horizon) {
    const double middle = top + gantt_row_height / 2;
    svg.text({plot.left - 8, middle + label_font / 3}, row.label, Anchor::end, "");
    if (row.p10) {
        const Date end = row.p90 ? *row.p90 : horizon;
        // At least two pixels: a milestone certain to land on one day still shows a bar.
        svg.rect({scale.start_of(*row.p10), top + 4},
                 std::max(2.0, scale.end_of(end) - scale.start_of(*row.p10)), gantt_row_height - 8,
                 "span " + row.status,
                 "P10 " + row.p10->iso() + ", P90 " + (row.p90 ? row.p90->iso() : "after horizon"));
        if (!row.p90)
            svg.text({scale.end_of(end) + 3, middle + 3}, "\u2192", Anchor::start, "note");
    }
    if (row.p50) {
        const double x = scale.end_of(*row.p50);
        svg.line({x, top + 1}, {x, top + gantt_row_height - 1}, "p50");
    }
    if (row.target) {
        const double x = scale.end_of(*row.target);
        const std::vector<Point> diamond{
            {x, middle - 6}, {x + 5, middle}, {x, middle + 6}, {x - 5, middle}};
        svg.polygon(diamond, "target-mark");
    }
    svg.text({plot.right + 8, middle + label_font / 3}, row.note, Anchor::start, "");
}

}  // namespace

std::string gantt_chart(const std::string& title, const std::vector<GanttGroup>& groups,
                        Date horizon) {
    double label_width = 0;
    std::size_t rows = 0;
    for (const auto& group : groups) {
        label_width = std::max(label_width, text_width(group.heading, label_font));
        for (const auto& row : group.rows)
            label_width = std::max(label_width, text_width(row.label, label_font));
        rows += group.rows.size();
    }
    const double height = gantt_axis_room +
                          static_cast<double>(groups.size()) * gantt_heading_height +
                          static_cast<double>(rows) * gantt_row_height + gantt_axis_room;
    const Plot plot{std::min(label_width, 360.0) + 16, gantt_axis_room,
                    gantt_chart_width - gantt_note_width, height - gantt_axis_room};
    Document svg(gantt_chart_width, height, title,
                 "For each milestone, grouped by project: a bar from its P10 to its P90 date, a "
                 "tick at its P50 date and a diamond at its target date; the bar's colour and "
                 "the text at the right give the chance of being on time.");
    const DateScale scale = date_scale(groups, horizon, plot.left, plot.right);
    draw_date_axis(svg, scale, plot, 90);
    // The same dates above the plot: a long chart is read from the top.
    const int count = std::max(2, static_cast<int>(plot.width() / 90));
    for (const auto& tick : scale.ticks(count))
        svg.text({scale.start_of(tick.day), gantt_axis_room - 8}, tick.label, Anchor::middle,
                 "tick");

    double top = plot.top;
    for (const auto& group : groups) {
        svg.text({8, top + gantt_heading_height - 6}, group.heading, Anchor::start, "heading");
        svg.line({8, top + gantt_heading_height},
                 {gantt_chart_width - 8, top + gantt_heading_height}, "rule");
        top += gantt_heading_height;
        for (const auto& row : group.rows) {
            draw_row(svg, scale, row, top, plot, horizon);
            top += gantt_row_height;
        }
    }
    return svg.str();
}

}  // namespace pipesim::svg
