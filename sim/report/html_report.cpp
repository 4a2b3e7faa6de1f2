#include "report/html_report.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "report/figures.hpp"
#include "report/markup.hpp"
#include "report/page.hpp"
#include "report/svg/bar_chart.hpp"
#include "report/svg/date_chart.hpp"
#include "report/svg/fan_chart.hpp"
#include "report/svg/funnel_chart.hpp"
#include "report/svg/gantt_chart.hpp"

namespace pipesim {
namespace {

std::string escaped(std::string_view text) {
    return markup_escaped(text);
}

std::string light(Status status) {
    return "<span class=\"light " + std::string(status_colour(status)) + "\">" +
           std::string(status_label(status)) + "</span>";
}

std::string milestone_anchor(std::size_t index) {
    return "milestone-" + std::to_string(index);
}
std::string target_anchor(std::size_t index) {
    return "target-" + std::to_string(index);
}

// "+12 d" when the P80 date lies 12 days after the target; blank when either is unknown.
std::string p80_against(const QuantileDates& dates, const std::optional<Date>& target) {
    if (!target) return "";
    if (!dates[2]) return "after horizon";
    return days_text(*dates[2] - *target);
}

// One headline row: a milestone or a target, in the same columns.
struct HeadlineRow {
    std::string anchor;
    std::string name;
    std::optional<Date> target;
    std::optional<double> probability;
    const QuantileDates* dates;
};

std::string headline_row(const HeadlineRow& row, StatusThresholds thresholds) {
    const Status status = status_of(row.probability, thresholds);
    return "<tr><td>" + light(status) + "</td><td><a href=\"#" + row.anchor + "\">" +
           escaped(row.name) + "</a></td><td>" + (row.target ? row.target->iso() : "&ndash;") +
           "</td><td class=\"number\">" +
           (row.probability ? escaped(percent_text(*row.probability)) : "&ndash;") + "</td><td>" +
           escaped(date_text((*row.dates)[1])) + "</td><td>" + escaped(date_text((*row.dates)[2])) +
           "</td><td class=\"number\">" + escaped(p80_against(*row.dates, row.target)) +
           "</td></tr>\n";
}

// Categories in the order they first appear in the scenario.
std::vector<std::string> categories_of(const std::vector<PublishedMilestone>& milestones) {
    std::vector<std::string> categories;
    for (const auto& m : milestones)
        if (std::find(categories.begin(), categories.end(), m.category) == categories.end())
            categories.push_back(m.category);
    return categories;
}

std::string status_summary(const PublishedResults& results, StatusThresholds thresholds) {
    std::array<int, 4> counts{};
    for (const auto& m : results.milestones)
        ++counts[static_cast<int>(status_of(m.p_on_time, thresholds))];
    for (const auto& t : results.targets)
        ++counts[static_cast<int>(status_of(t.p_reached, thresholds))];
    std::string summary = "<p class=\"summary\">";
    for (Status s : {Status::on_track, Status::at_risk, Status::off_track, Status::no_target})
        if (counts[static_cast<int>(s)] > 0)
            summary +=
                "<span>" + light(s) + " " + std::to_string(counts[static_cast<int>(s)]) + "</span>";
    return summary + "</p>\n";
}

std::string headline_section(const PublishedResults& results, StatusThresholds thresholds) {
    std::string html =
        "<section id=\"headline\">\n<h2>Headline</h2>\n<p class=\"lead\">Every milestone and "
        "target with the chance of meeting its date: " +
        light(Status::on_track) + " at least " + escaped(percent_text(thresholds.green)) + ", " +
        light(Status::at_risk) + " at least " + escaped(percent_text(thresholds.amber)) + ", " +
        light(Status::off_track) +
        " below. P80 is the date met in 80% of iterations; the last column is how far it "
        "lies past the target.</p>\n" +
        status_summary(results, thresholds) +
        "<table>\n<thead><tr><th>Status</th><th>Milestone or target</th><th>Target</th>"
        "<th>Chance</th><th>P50</th><th>P80</th><th>P80 vs target</th></tr></thead>\n<tbody>\n";
    for (const auto& category : categories_of(results.milestones)) {
        html += "<tr class=\"group\"><th colspan=\"7\">" + escaped(category) + "</th></tr>\n";
        for (std::size_t i = 0; i < results.milestones.size(); ++i) {
            const auto& m = results.milestones[i];
            if (m.category == category)
                html += headline_row({milestone_anchor(i), m.name, m.target, m.p_on_time, &m.dates},
                                     thresholds);
        }
    }
    if (!results.targets.empty()) {
        html += "<tr class=\"group\"><th colspan=\"7\">targets</th></tr>\n";
        for (std::size_t i = 0; i < results.targets.size(); ++i) {
            const auto& t = results.targets[i];
            html += headline_row({target_anchor(i), t.name, t.deadline, t.p_reached, &t.dates},
                                 thresholds);
        }
    }
    return html + "</tbody>\n</table>\n</section>\n";
}

std::string caption(const std::string& name, Status status, const std::string& chance) {
    return "<figcaption><strong>" + escaped(name) + "</strong>" + light(status) + " " +
           escaped(chance) + "</figcaption>";
}

std::string milestone_figure(const PublishedMilestone& m, std::size_t index,
                             StatusThresholds thresholds) {
    const std::string chance = m.p_on_time && m.target
                                   ? percent_text(*m.p_on_time) + " on time by " + m.target->iso()
                                   : "happens in " + percent_text(m.p_happens) + " of iterations";
    return "<figure id=\"" + milestone_anchor(index) + "\">" +
           caption(m.name, status_of(m.p_on_time, thresholds), chance) +
           svg::date_chart(
               {"When " + m.name + " is reached", m.histogram, m.target, m.dates[1], m.dates[2]}) +
           "</figure>\n";
}

// Counts of items or milestones have no currency.
std::string unit_of(const PublishedTarget& t, const std::string& currency) {
    return t.measure == "items" || t.measure == "milestones" ? t.measure : currency;
}

std::string target_figures(const PublishedTarget& t, std::size_t index, const std::string& currency,
                           StatusThresholds thresholds) {
    const std::string chance = percent_text(t.p_reached) + " reached by " + t.deadline.iso() +
                               "; expected " + amount_text(t.at_deadline.mean) + " of " +
                               amount_text(t.threshold);
    return "<figure id=\"" + target_anchor(index) + "\">" +
           caption(t.name, status_of(t.p_reached, thresholds), chance) +
           svg::date_chart({"When " + t.name + " is reached", t.histogram, t.deadline, t.dates[1],
                            t.dates[2]}) +
           "</figure>\n<figure>" + "<figcaption>" + escaped(t.name) +
           ": the total over time against the target</figcaption>" +
           svg::fan_chart({"Cumulative total for " + t.name, unit_of(t, currency), t.by_month,
                           t.threshold, t.deadline}) +
           "</figure>\n";
}

std::string dates_section(const PublishedResults& results, StatusThresholds thresholds) {
    std::string html =
        "<section id=\"dates\">\n<h2>When each milestone lands</h2>\n<p class=\"lead\">Bars: "
        "the share of iterations finishing in each period. Line: the cumulative share done by "
        "each day (left axis). Dashed red: the target; dotted: the P50 and P80 dates.</p>\n"
        "<div class=\"charts\">\n";
    for (std::size_t i = 0; i < results.milestones.size(); ++i)
        html += milestone_figure(results.milestones[i], i, thresholds);
    html += "</div>\n";
    if (!results.targets.empty()) {
        html +=
            "<h3>Targets</h3>\n<p class=\"lead\">For each target: when it is reached, and "
            "the total over time (band P10&ndash;P90, line P50) against the "
            "threshold.</p>\n<div class=\"charts\">\n";
        for (std::size_t i = 0; i < results.targets.size(); ++i)
            html += target_figures(results.targets[i], i, results.currency, thresholds);
        html += "</div>\n";
    }
    return html + "</section>\n";
}

std::string gantt_section(const PublishedResults& results, StatusThresholds thresholds) {
    std::vector<svg::GanttGroup> groups;
    for (const auto& m : results.milestones) {
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&](const svg::GanttGroup& g) { return g.heading == m.project; });
        if (group == groups.end()) group = groups.insert(groups.end(), {m.project, {}});
        const Status status = status_of(m.p_on_time, thresholds);
        group->rows.push_back({m.name, m.dates[0], m.dates[1], m.dates[3], m.target,
                               std::string(status_colour(status)),
                               (m.p_on_time ? percent_text(*m.p_on_time) + " " : "") +
                                   std::string(status_label(status))});
    }
    return "<section id=\"gantt\">\n<h2>Probabilistic Gantt chart</h2>\n<p class=\"lead\">Per "
           "project, each milestone's bar runs from its P10 to its P90 date; the black tick is "
           "the P50, the diamond the target. An arrow: P90 after the horizon.</p>\n<figure>" +
           svg::gantt_chart("Milestones by project, P10 to P90", groups, results.horizon) +
           "</figure>\n</section>\n";
}

// Month ends that close a year, and the last report date.
std::vector<std::size_t> year_ends(const std::vector<MonthFigure>& months) {
    std::vector<std::size_t> ends;
    for (std::size_t m = 0; m < months.size(); ++m)
        if (months[m].date.iso().ends_with("-12-31") || m + 1 == months.size()) ends.push_back(m);
    return ends;
}

std::string spend_table(const std::vector<SpendSeries>& cashflow) {
    const auto ends = year_ends(cashflow.front().by_month);
    std::string html = "<table>\n<thead><tr><th>Cumulative spend, P50 (P10&ndash;P90)</th>";
    for (auto e : ends)
        html += "<th class=\"number\">" + cashflow.front().by_month[e].date.iso() + "</th>";
    html += "</tr></thead>\n<tbody>\n";
    for (const auto& series : cashflow) {
        html += "<tr><td>" + escaped(series.id) + "</td>";
        for (auto e : ends) {
            const ValueForecast& v = series.by_month[e].value;
            html += "<td class=\"number\">" + amount_text(v.p50) + " (" + amount_text(v.p10) +
                    "&ndash;" + amount_text(v.p90) + ")</td>";
        }
        html += "</tr>\n";
    }
    return html + "</tbody>\n</table>\n";
}

// Funnels are shown at the latest target deadline (the date the plan is judged on), or at
// the horizon when there is no target.
std::size_t funnel_month(const std::vector<MonthFigure>& months,
                         const std::vector<PublishedTarget>& targets) {
    if (targets.empty()) return months.size() - 1;
    Date deadline = targets.front().deadline;
    for (const auto& t : targets) deadline = std::max(deadline, t.deadline);
    for (std::size_t m = 0; m < months.size(); ++m)
        if (months[m].date >= deadline) return m;
    return months.size() - 1;
}

std::string funnel_figure(const PublishedFunnel& funnel,
                          const std::vector<PublishedTarget>& targets) {
    if (funnel.stages.empty() || funnel.stages.front().by_month.empty()) return "";
    const std::size_t month = funnel_month(funnel.stages.front().by_month, targets);
    svg::FunnelChart chart{
        "Funnel " + funnel.name, funnel.stages.front().by_month[month].date, funnel.items, {}};
    for (const auto& stage : funnel.stages)
        if (month < stage.by_month.size())
            chart.stages.push_back({stage.name, stage.by_month[month].value});
    return "<figure><figcaption><strong>" + escaped(funnel.name) + "</strong> by " +
           chart.at.iso() + "</figcaption>" + svg::funnel_chart(chart) + "</figure>\n";
}

std::string investment_section(const PublishedResults& results) {
    std::string html = "<section id=\"investment\">\n<h2>Investment</h2>\n";
    if (results.cashflow.empty() && results.funnels.empty())
        return html +
               "<p class=\"muted\">No spending and no funnels in this scenario.</p>\n</section>\n";
    if (!results.cashflow.empty()) {
        html += "<p class=\"lead\">Cumulative spend of all activities in " +
                escaped(results.currency) + ": band P10&ndash;P90, line P50.</p>\n<figure>" +
                svg::fan_chart({"Cumulative spend, all activities", results.currency,
                                results.cashflow.front().by_month, std::nullopt, std::nullopt}) +
                "</figure>\n" + spend_table(results.cashflow);
    }
    if (!results.funnels.empty()) {
        html +=
            "<h3>Funnels</h3>\n<p class=\"lead\">Items expected to have reached each stage, "
            "with the P10 and P90 counts.</p>\n";
        for (const auto& funnel : results.funnels) html += funnel_figure(funnel, results.targets);
    }
    return html + "</section>\n";
}

// The tornado and the activities are listed this far: a page, not a table dump.
constexpr std::size_t drivers_shown = 10;

std::string risk_note(const RiskDriver& risk) {
    std::string note = risk.p_points ? points_text(*risk.p_points) : "\u2013 points";
    if (risk.p80_days) note += ", P80 " + days_text(*risk.p80_days);
    return note;
}

// A risk that changes neither the probability nor the P80 date of this milestone or
// target (it touches other work) would only be an empty row. Unknown effects stay listed.
bool moves_the_date(const RiskDriver& risk) {
    return !risk.p_points || *risk.p_points != 0 || (risk.p80_days && *risk.p80_days != 0);
}

std::string driver_charts(const std::string& name, const PublishedDrivers& drivers) {
    std::vector<RiskDriver> risks;
    std::copy_if(drivers.risks.begin(), drivers.risks.end(), std::back_inserter(risks),
                 moves_the_date);
    std::string html;
    if (!drivers.risks.empty() && risks.empty())
        html += "<p class=\"muted\">No risk moves this date.</p>";
    if (!risks.empty()) {
        svg::BarChart tornado{"Risks behind " + name,
                              "Each risk's bar is the chance of being on time it takes away, "
                              "in percentage points (the run replayed with the risk switched "
                              "off); the text adds how much later it makes the P80 date.",
                              "probability points the risk takes away",
                              {"risk"},
                              {}};
        for (std::size_t r = 0; r < risks.size() && r < drivers_shown; ++r) {
            const RiskDriver& risk = risks[r];
            std::optional<double> points;  // none when the run could not estimate it
            if (risk.p_points) points = 100.0 * *risk.p_points;
            tornado.rows.push_back({risk.risk, {points}, risk_note(risk)});
        }
        html += "<figure>" + svg::bar_chart(tornado) + "</figure>";
    }
    if (!drivers.activities.empty()) {
        svg::BarChart top{"Activities behind " + name,
                          "Per activity: criticality, the share of iterations in which it "
                          "drives the date, and sensitivity, how closely its duration moves "
                          "with the date.",
                          "criticality (share) and sensitivity (correlation)",
                          {"criticality", "sensitivity"},
                          {}};
        for (std::size_t a = 0; a < drivers.activities.size() && a < drivers_shown; ++a) {
            const ActivityDriver& d = drivers.activities[a];
            const auto number = [](const std::optional<double>& v) {
                return v ? index_text(*v) : std::string("\u2013");
            };
            top.rows.push_back({d.name.empty() ? d.activity : d.name,
                                {d.criticality, d.sensitivity},
                                number(d.criticality) + " / " + number(d.sensitivity)});
        }
        html += "<figure>" + svg::bar_chart(top) + "</figure>";
    }
    return html;
}

std::string drivers_section(const PublishedResults& results) {
    std::string body;
    const auto add = [&](const std::string& name, const std::optional<PublishedDrivers>& drivers) {
        if (drivers && (!drivers->risks.empty() || !drivers->activities.empty()))
            body += "<div class=\"driver\"><h3>" + escaped(name) + "</h3>\n" +
                    driver_charts(name, *drivers) + "</div>\n";
    };
    for (const auto& m : results.milestones) add(m.name, m.drivers);
    for (const auto& t : results.targets) add(t.name, t.drivers);
    if (body.empty())
        body =
            "<p class=\"muted\">Drivers not computed: this results file has no ranking of "
            "risks or activities.</p>\n";
    return "<section id=\"drivers\">\n<h2>Drivers</h2>\n<p class=\"lead\">What moves each date: "
           "the tornado of risks and the activities most often on the driving path.</p>\n" +
           body + "</section>\n";
}

std::string settings_section(const PublishedResults& results, const ReportOptions& options) {
    const ReportSource& source = options.source;
    std::string html = "<section id=\"settings\">\n<h2>Run settings and sources</h2>\n<table>\n";
    html += setting_row("Scenario", results.scenario);
    html += setting_row("Scenario file", source.scenario_file.empty()
                                             ? "not recorded in the results file"
                                             : source.scenario_file);
    html += setting_row("Results file", source.results_file);
    html += setting_row("Iterations", std::to_string(results.iterations));
    html += setting_row("Seed", std::to_string(results.seed));
    html += setting_row("Sampling", results.sampling);
    html += setting_row("Risks", results.mitigated ? "after mitigation" : "before mitigation");
    if (results.until_se)
        html += setting_row("Stopping rule",
                            "standard error at most " + amount_text(*results.until_se));
    html += setting_row("Plan start", results.plan_start.iso());
    html += setting_row("Status date", results.status_date.iso());
    html += setting_row("Horizon", results.horizon.iso());
    html += setting_row("Currency", results.currency);
    html += setting_row("Traffic lights",
                        "green at least " + percent_text(options.thresholds.green) +
                            ", amber at least " + percent_text(options.thresholds.amber));
    return html +
           "</table>\n<p class=\"muted\">Every duration, amount and rate is an assumption "
           "stated, with its reason, in the scenario file (its <code>assumptions:</code> table "
           "and the notes beside funnels and risks).</p>\n</section>\n";
}

}  // namespace

std::string html_report(const PublishedResults& results, const ReportOptions& options) {
    const StatusThresholds thresholds = options.thresholds;
    const PageFrame frame{results.scenario + " \u2014 forecast",
                          results.scenario,
                          "Monte Carlo forecast over " + std::to_string(results.iterations) +
                              " iterations; plan start " + results.plan_start.iso() +
                              ", status date " + results.status_date.iso() + ", horizon " +
                              results.horizon.iso() + '.',
                          {{"headline", "Headline"},
                           {"gantt", "Gantt"},
                           {"dates", "Dates"},
                           {"investment", "Investment"},
                           {"drivers", "Drivers"},
                           {"settings", "Settings"}}};
    return html_page(frame, headline_section(results, thresholds) +
                                gantt_section(results, thresholds) +
                                dates_section(results, thresholds) + investment_section(results) +
                                drivers_section(results) + settings_section(results, options));
}

}  // namespace pipesim
