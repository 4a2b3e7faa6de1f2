#include "report/sweep_report.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "report/figures.hpp"
#include "report/markup.hpp"
#include "report/page.hpp"
#include "report/svg/heat_map.hpp"
#include "report/svg/line_chart.hpp"

namespace pipesim {
namespace {

// How the points were chosen, which decides the charts.
enum class Layout {
    one_at_a_time,  // every point but the base sets one number (a sweep of one path too)
    grid,           // every point but the base sets both of two numbers
    none,           // a comparison, or a grid of three or more numbers: the table only
};

Layout layout_of(const SweepResults& sweep) {
    if (sweep.points.size() < 2) return Layout::none;
    const auto sets = [&](std::size_t count) {
        return std::all_of(sweep.points.begin() + 1, sweep.points.end(),
                           [&](const PointForecast& p) { return p.overrides.size() == count; });
    };
    if (sets(1)) return Layout::one_at_a_time;
    if (sweep.varied.size() == 2 && sets(2)) return Layout::grid;
    return Layout::none;
}

// Every promise's id, in the order the points first list them.
std::vector<std::string> promise_ids(const SweepResults& sweep) {
    std::vector<std::string> ids;
    for (const PointForecast& point : sweep.points)
        for (const PromiseAtPoint& p : point.promises)
            if (std::find(ids.begin(), ids.end(), p.id) == ids.end()) ids.push_back(p.id);
    return ids;
}

const PromiseAtPoint* promise_at(const PointForecast& point, const std::string& id) {
    const auto found = std::find_if(point.promises.begin(), point.promises.end(),
                                    [&](const PromiseAtPoint& p) { return p.id == id; });
    return found == point.promises.end() ? nullptr : &*found;
}

// The promise's name as the first point listing it gives it; its id when it has none.
std::string name_of(const SweepResults& sweep, const std::string& id) {
    for (const PointForecast& point : sweep.points)
        if (const PromiseAtPoint* p = promise_at(point, id)) return p->name.empty() ? id : p->name;
    return id;
}

// The uncertainty a band shows: that of the difference from the base (what tells a real
// change from noise), or of p itself where the base lacks the promise.
double band_se(const PromiseAtPoint& p) {
    return p.difference_se.value_or(p.p_se);
}

std::string base_text(const SweepResults& sweep, const std::string& id) {
    const PromiseAtPoint* base = promise_at(sweep.points.front(), id);
    return base ? "base " + percent_text(base->p) : "not at the base";
}

std::string change_text(const PromiseAtPoint& p) {
    return p.difference
               ? difference_text(*p.difference, p.difference_se.value_or(0)) + " from the base"
               : "no base to compare with";
}

// The points that set `path` and nothing else, by increasing value.
std::vector<const PointForecast*> points_varying(const SweepResults& sweep,
                                                 const std::string& path) {
    std::vector<const PointForecast*> points;
    for (std::size_t p = 1; p < sweep.points.size(); ++p)
        if (sweep.points[p].overrides.size() == 1 && sweep.points[p].overrides[0].path == path)
            points.push_back(&sweep.points[p]);
    std::stable_sort(points.begin(), points.end(), [](const auto* a, const auto* b) {
        return a->overrides[0].value < b->overrides[0].value;
    });
    return points;
}

// The promises whose chance moves most across the points, at most as many as a chart
// draws; ties keep the file's order.
std::vector<std::string> most_changed(const std::vector<std::string>& ids,
                                      const std::vector<const PointForecast*>& points) {
    std::vector<std::pair<double, std::string>> ranges;
    for (const std::string& id : ids) {
        double low = 1, high = 0;
        for (const PointForecast* point : points)
            if (const PromiseAtPoint* p = promise_at(*point, id)) {
                low = std::min(low, p->p);
                high = std::max(high, p->p);
            }
        ranges.emplace_back(std::max(0.0, high - low), id);
    }
    std::stable_sort(ranges.begin(), ranges.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < ranges.size() && i < svg::line_chart_series; ++i)
        shown.push_back(ranges[i].second);
    return shown;
}

svg::LineSeries series_of(const SweepResults& sweep, const std::string& id,
                          const std::vector<const PointForecast*>& points) {
    svg::LineSeries series{name_of(sweep, id) + " (" + base_text(sweep, id) + ')', {}};
    for (const PointForecast* point : points)
        if (const PromiseAtPoint* p = promise_at(*point, id)) {
            const double x = point->overrides[0].value;
            std::string hint = name_of(sweep, id);
            hint.append(" at ").append(number_text(x)).append(": ").append(percent_text(p->p));
            hint.append(", ").append(change_text(*p));
            series.points.push_back({x, 100 * p->p, 100 * (p->p - 2 * band_se(*p)),
                                     100 * (p->p + 2 * band_se(*p)), hint});
        }
    return series;
}

std::string path_figure(const SweepResults& sweep, const std::string& path,
                        const std::vector<std::string>& ids) {
    const auto points = points_varying(sweep, path);
    if (points.empty()) return "";
    const std::vector<std::string> shown = most_changed(ids, points);
    svg::LineChart chart{"Chance of each promise against " + path,
                         "For each of " + std::to_string(shown.size()) +
                             " promises, the probability of meeting it at each value of " + path +
                             " from " + number_text(points.front()->overrides[0].value) + " to " +
                             number_text(points.back()->overrides[0].value) +
                             ", with a band of two standard errors of its difference from the "
                             "base. The key gives each line's number and its chance at the base.",
                         path,
                         0,
                         100,
                         "%",
                         {}};
    for (const std::string& id : shown) chart.series.push_back(series_of(sweep, id, points));
    std::string html = "<figure><figcaption><strong>" + markup_escaped(path) + "</strong>";
    if (shown.size() < ids.size())
        html += ": the " + std::to_string(shown.size()) + " of " + std::to_string(ids.size()) +
                " promises whose chance changes most across its values; every promise is in "
                "the table";
    return html + "</figcaption>" + svg::line_chart(chart) + "</figure>\n";
}

// The distinct values the points give `path`, in increasing order.
std::vector<double> values_of(const SweepResults& sweep, const std::string& path) {
    std::vector<double> values;
    for (const PointForecast& point : sweep.points)
        if (const auto value = value_at(point, path)) values.push_back(*value);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

std::vector<std::string> labels_of(const std::vector<double>& values) {
    std::vector<std::string> labels;
    for (double value : values) labels.push_back(number_text(value));
    return labels;
}

const PointForecast* point_at(const SweepResults& sweep, double x, double y) {
    for (const PointForecast& point : sweep.points)
        if (value_at(point, sweep.varied[0]) == x && value_at(point, sweep.varied[1]) == y)
            return &point;
    return nullptr;
}

std::string grid_figure(const SweepResults& sweep, const std::string& id,
                        const std::vector<double>& xs, const std::vector<double>& ys) {
    const std::string& across = sweep.varied[0];
    const std::string& up = sweep.varied[1];
    const std::string name = name_of(sweep, id);
    svg::HeatMap map{"Chance of " + name + " by " + across + " and " + up,
                     "The probability of meeting " + name + " for each combination of " + across +
                         " (across) and " + up +
                         " (up); every cell prints it, darker cells are likelier. At the base: " +
                         base_text(sweep, id) + '.',
                     across,
                     up,
                     labels_of(xs),
                     labels_of(ys),
                     {}};
    for (double y : ys)
        for (double x : xs) {
            const PointForecast* point = point_at(sweep, x, y);
            const PromiseAtPoint* p = point ? promise_at(*point, id) : nullptr;
            if (!p) {
                map.cells.push_back({std::nullopt, "no point"});
                continue;
            }
            std::string hint = point->label;
            hint.append(": ").append(percent_text(p->p)).append(", ").append(change_text(*p));
            map.cells.push_back({p->p, hint});
        }
    return "<figure><figcaption><strong>" + markup_escaped(name) +
           "</strong> <span class=\"muted\">" + markup_escaped(id) + "</span> (" +
           markup_escaped(base_text(sweep, id)) + ")</figcaption>" + svg::heat_map(map) +
           "</figure>\n";
}

constexpr const char* base_note =
    "<p class=\"lead\">The base point, the scenario as written, is not on the charts: "
    "sweep.json does not record the scenario's own value of a varied number. Each chart gives "
    "every promise's chance at the base in words instead, and the table lists it.</p>\n";

std::string charts_section(const SweepResults& sweep) {
    std::string html = "<section id=\"charts\">\n<h2>Charts</h2>\n";
    const std::vector<std::string> ids = promise_ids(sweep);
    switch (layout_of(sweep)) {
        case Layout::one_at_a_time:
            html +=
                "<p class=\"lead\">Per varied number, each promise's chance of being met "
                "(milestones by their target date, targets by their deadline) against the "
                "number's value. Bands: two standard errors of the difference from the base; "
                "with common random numbers they are narrow, so a line that leaves its band "
                "has really moved. Hover over a dot for its figures.</p>\n";
            html += base_note;
            for (const std::string& path : sweep.varied) html += path_figure(sweep, path, ids);
            break;
        case Layout::grid: {
            html +=
                "<p class=\"lead\">Per promise, its chance of being met at every "
                "combination of the two varied numbers; the number in each cell is the "
                "chance, the shade repeats it.</p>\n";
            html += base_note;
            html += "<div class=\"charts\">\n";
            const auto xs = values_of(sweep, sweep.varied[0]);
            const auto ys = values_of(sweep, sweep.varied[1]);
            for (const std::string& id : ids) html += grid_figure(sweep, id, xs, ys);
            html += "</div>\n";
            break;
        }
        case Layout::none:
            html += sweep.varied.empty()
                        ? "<p class=\"muted\">A comparison of scenarios has no chart: the table "
                          "gives every promise in each, with the difference.</p>\n"
                        : "<p class=\"muted\">Charts are drawn for one varied number, several "
                          "varied one at a time, or a grid of two; this sweep's points are all "
                          "in the table.</p>\n";
    }
    return html + "</section>\n";
}

std::string value_cell(const PointForecast& point, const std::string& path) {
    const auto value = value_at(point, path);
    return "<td class=\"number\">" + (value ? number_text(*value) : std::string("as written")) +
           "</td>";
}

bool beyond_two_se(const PromiseAtPoint& p) {
    return p.difference && p.difference_se && std::fabs(*p.difference) > 2 * *p.difference_se;
}

std::string table_section(const SweepResults& sweep) {
    std::string html =
        "<section id=\"table\">\n<h2>Every point and promise</h2>\n<p class=\"lead\">Per "
        "promise, its chance at each point with its standard error, its P50 and P80 dates, and "
        "its difference from the base point; \"yes\" marks a difference beyond two standard "
        "errors.</p>\n<table>\n<thead><tr><th>Point</th>";
    for (const std::string& path : sweep.varied)
        html += "<th class=\"number\">" + markup_escaped(path) + "</th>";
    html +=
        "<th class=\"number\">Chance</th><th class=\"number\">&plusmn; se</th><th>P50</th>"
        "<th>P80</th><th class=\"number\">Difference from base</th><th>Beyond 2 se</th></tr>"
        "</thead>\n<tbody>\n";
    const std::string columns = std::to_string(sweep.varied.size() + 7);
    for (const std::string& id : promise_ids(sweep)) {
        const std::string kind = [&] {
            for (const PointForecast& point : sweep.points)
                if (const PromiseAtPoint* p = promise_at(point, id)) return p->kind;
            return std::string();
        }();
        html += "<tr class=\"promise\"><th colspan=\"" + columns + "\">" +
                markup_escaped(name_of(sweep, id)) + " <span class=\"muted\">(" +
                markup_escaped(kind) + " " + markup_escaped(id) + ")</span></th></tr>\n";
        for (const PointForecast& point : sweep.points) {
            const PromiseAtPoint* p = promise_at(point, id);
            if (!p) continue;
            html += "<tr><td>" + markup_escaped(point.label) + "</td>";
            for (const std::string& path : sweep.varied) html += value_cell(point, path);
            html +=
                "<td class=\"number\">" + markup_escaped(percent_text(p->p)) +
                "</td><td class=\"number\">" + markup_escaped(percent_text(p->p_se)) + "</td><td>" +
                date_text(p->p50) + "</td><td>" + date_text(p->p80) + "</td><td class=\"number\">" +
                (p->difference
                     ? markup_escaped(difference_text(*p->difference, p->difference_se.value_or(0)))
                     : std::string("&ndash;")) +
                "</td><td>" + (beyond_two_se(*p) ? "yes" : "") + "</td></tr>\n";
        }
    }
    return html + "</tbody>\n</table>\n</section>\n";
}

std::string settings_section(const SweepResults& sweep, const std::string& sweep_file) {
    std::string varied;
    for (const std::string& path : sweep.varied)
        varied.append(varied.empty() ? "" : ", ").append(path);
    std::string html = "<section id=\"settings\">\n<h2>Run settings and sources</h2>\n<table>\n";
    html += setting_row("Scenario", sweep.scenario);
    html += setting_row("Sweep file", sweep_file);
    html += setting_row("Iterations per point", std::to_string(sweep.iterations));
    html += setting_row("Seed", std::to_string(sweep.seed));
    html += setting_row("Varied", varied.empty() ? "nothing (a comparison of scenarios)" : varied);
    html += setting_row("Points", std::to_string(sweep.points.size()) + ", the first the base");
    return html +
           "</table>\n<p class=\"muted\">Every point runs the same iterations on the same "
           "random numbers, so a difference between points is the effect of the change "
           "alone.</p>\n</section>\n";
}

}  // namespace

std::string sweep_report(const SweepResults& sweep, const std::string& sweep_file) {
    const PageFrame frame{sweep.scenario + " \u2014 sweep",
                          sweep.scenario,
                          std::to_string(sweep.points.size()) + " points, each forecast over " +
                              std::to_string(sweep.iterations) +
                              " iterations on the same random numbers (seed " +
                              std::to_string(sweep.seed) + ").",
                          {{"charts", "Charts"}, {"table", "Table"}, {"settings", "Settings"}}};
    return html_page(
        frame, charts_section(sweep) + table_section(sweep) + settings_section(sweep, sweep_file));
}

}  // namespace pipesim
