#include "report/html_report.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "report/figures.hpp"
#include "report/markup.hpp"
#include "report/results_reader.hpp"

namespace pipesim {
namespace {

const std::string data_dir = PIPESIM_TEST_DATA_DIR;

PublishedResults golden() {
    return read_results_file(data_dir + "/golden/qianjiang-2024.json");
}
PublishedResults with_drivers() {
    return read_results_file(data_dir + "/report/drivers.json");
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

// The headline's link text for a name. (Appended, not "literal" + string: GCC 12 warns
// falsely about the latter.)
std::string link_to(const std::string& name) {
    std::string link = ">";
    link += markup_escaped(name);
    return link + "</a>";
}

TEST(HtmlReport, ListsEveryMilestoneAndTargetByName) {
    const auto results = golden();
    const std::string page = html_report(results, {});
    for (const auto& m : results.milestones)
        EXPECT_NE(page.find(link_to(m.name)), std::string::npos) << m.id;
    for (const auto& t : results.targets)
        EXPECT_NE(page.find(link_to(t.name)), std::string::npos) << t.id;
    // One date chart per milestone and target.
    EXPECT_EQ(occurrences(page, "<figure id=\"milestone-"), results.milestones.size());
    EXPECT_EQ(occurrences(page, "<figure id=\"target-"), results.targets.size());
}

TEST(HtmlReport, EveryChartHasATitleADescriptionAndALabel) {
    const std::string page = html_report(golden(), {});
    const std::regex chart(
        "<svg [^>]*role=\"img\" aria-label=\"[^\"]+\"><title>[^<]+</title>"
        "<desc>[^<]+</desc>");
    const auto labelled = std::distance(std::sregex_iterator(page.begin(), page.end(), chart),
                                        std::sregex_iterator());
    EXPECT_GT(labelled, 40);
    EXPECT_EQ(static_cast<std::size_t>(labelled), occurrences(page, "<svg "));
}

TEST(HtmlReport, LoadsNothingFromAnywhere) {
    const std::string page = html_report(with_drivers(), {});
    for (const char* outside :
         {"http://", "https://", "<script", "<link", "src=", "@import", "url("})
        EXPECT_EQ(page.find(outside), std::string::npos) << outside;
    EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
}

TEST(HtmlReport, StatusIsWrittenNotOnlyColoured) {
    const auto results = golden();
    const std::string page = html_report(results, {});
    // The headline row of 开工建设黔江至吉首高铁 (30.4%): red, and says so.
    const std::regex row(
        "<tr><td><span class=\"light red\">Off track</span></td><td><a "
        "href=\"#milestone-[0-9]+\">开工建设黔江至吉首高铁</a>");
    EXPECT_TRUE(std::regex_search(page, row));
    EXPECT_EQ(occurrences(page, "class=\"light green\">On track</span></td>") +
                  occurrences(page, "class=\"light amber\">At risk</span></td>") +
                  occurrences(page, "class=\"light red\">Off track</span></td>") +
                  occurrences(page, "class=\"light none\">No target</span></td>"),
              results.milestones.size() + results.targets.size());
}

TEST(HtmlReport, ThresholdsMoveTheLights) {
    const auto results = with_drivers();  // the milestone with a target: 42%
    const std::string strict = html_report(results, {});
    EXPECT_NE(strict.find("<span class=\"light red\">Off track</span></td><td><a "
                          "href=\"#milestone-0\">"),
              std::string::npos);
    const std::string lenient = html_report(results, {{0.4, 0.2}, {}});
    EXPECT_NE(lenient.find("<span class=\"light green\">On track</span></td><td><a "
                           "href=\"#milestone-0\">"),
              std::string::npos);
    EXPECT_NE(lenient.find("green at least 40.0%, amber at least 20.0%"), std::string::npos);
}

TEST(HtmlReport, NamesAreEscapedEverywhere) {
    const std::string page = html_report(with_drivers(), {});
    EXPECT_EQ(page.find("<A & \"B\">"), std::string::npos);
    EXPECT_EQ(page.find("geology<karst>"), std::string::npos);
    EXPECT_NE(page.find("通车 &lt;A &amp; &quot;B&quot;&gt;"), std::string::npos);
    EXPECT_NE(page.find("<title>Drivers &lt;test&gt; &amp; &quot;quotes&quot; \u2014 "
                        "forecast</title>"),
              std::string::npos);
}

TEST(HtmlReport, TinyProbabilitiesAreEscapedToo) {
    PublishedResults results = with_drivers();
    results.milestones[0].p_on_time = 0.0002;  // prints as "<0.1%"
    const std::string page = html_report(results, {});
    EXPECT_EQ(page.find("<0.1%"), std::string::npos);
    EXPECT_NE(page.find("<td class=\"number\">&lt;0.1%</td>"), std::string::npos);
    EXPECT_NE(page.find("&lt;0.1% on time by 2024-06-30"), std::string::npos);
}

TEST(HtmlReport, DrawsTheTornadoAndTheTopActivities) {
    const std::string page = html_report(with_drivers(), {});
    EXPECT_NE(page.find("aria-label=\"Risks behind 通车 &lt;A &amp; &quot;B&quot;&gt;\""),
              std::string::npos);
    EXPECT_NE(page.find(">geology&lt;karst&gt;</text>"), std::string::npos);
    EXPECT_NE(page.find(">19.0 points, P80 +22 d</text>"), std::string::npos);
    EXPECT_NE(page.find(">5.0 points</text>"), std::string::npos);  // P80 unchanged: no days
    EXPECT_NE(page.find(">floods</text>"), std::string::npos);      // no estimate: no bar
    EXPECT_NE(page.find(">\u2013 points</text>"), std::string::npos);
    EXPECT_NE(page.find("aria-label=\"Activities behind 通车"), std::string::npos);
    EXPECT_NE(page.find(">0.81 / 0.64</text>"), std::string::npos);
    EXPECT_NE(page.find(">\u2013 / -0.12</text>"), std::string::npos);
    EXPECT_NE(page.find("aria-label=\"Risks behind 签约项目3个\""), std::string::npos);
    EXPECT_EQ(page.find("Drivers not computed"), std::string::npos);
}

TEST(HtmlReport, LeavesOutRisksThatDoNotMoveTheDate) {
    PublishedResults results = with_drivers();
    EXPECT_EQ(html_report(results, {}).find(">harmless</text>"), std::string::npos);
    // Only harmless risks: said in words, no empty tornado.
    results.milestones[0].drivers->risks = results.targets[0].drivers->risks;
    results.milestones[0].drivers->risks.erase(results.milestones[0].drivers->risks.begin());
    const std::string page = html_report(results, {});
    EXPECT_NE(page.find("No risk moves this date."), std::string::npos);
    EXPECT_EQ(page.find("aria-label=\"Risks behind 通车"), std::string::npos);
    EXPECT_NE(page.find("aria-label=\"Activities behind 通车"), std::string::npos);
}

TEST(HtmlReport, SaysWhenDriversWereNotComputed) {
    PublishedResults results = golden();
    EXPECT_EQ(html_report(results, {}).find("Drivers not computed"), std::string::npos);
    for (auto& m : results.milestones) m.drivers.reset();
    for (auto& t : results.targets) t.drivers.reset();
    EXPECT_NE(html_report(results, {}).find("Drivers not computed"), std::string::npos);
}

TEST(HtmlReport, GivesTheRunSettingsAndWhereTheyCameFrom) {
    const std::string page =
        html_report(golden(), {{}, {"scenarios/qianjiang-2024.yaml", "out/results.json"}});
    EXPECT_NE(page.find("<th>Scenario file</th><td>scenarios/qianjiang-2024.yaml</td>"),
              std::string::npos);
    EXPECT_NE(page.find("<th>Results file</th><td>out/results.json</td>"), std::string::npos);
    EXPECT_NE(page.find("<th>Seed</th><td>7</td>"), std::string::npos);
    EXPECT_NE(page.find("<th>Iterations</th><td>4000</td>"), std::string::npos);
    EXPECT_NE(html_report(golden(), {}).find("not recorded in the results file"),
              std::string::npos);
}

TEST(HtmlReport, ReadsOnALaptopAndPrints) {
    const std::string page = html_report(golden(), {});
    EXPECT_NE(page.find("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\""),
              std::string::npos);
    EXPECT_NE(page.find("<meta name=\"viewport\""), std::string::npos);
    const auto print = page.find("@media print");
    ASSERT_NE(print, std::string::npos);
    EXPECT_NE(page.find("break-inside: avoid", print), std::string::npos);
}

TEST(HtmlReport, TheSameResultsGiveTheSameBytes) {
    EXPECT_EQ(html_report(golden(), {}), html_report(golden(), {}));
}

TEST(HtmlReport, ShowsFunnelsAtTheLatestDeadlineAndSpendAtYearEnds) {
    const std::string page = html_report(with_drivers(), {});
    EXPECT_NE(page.find("<strong>招商 &amp; leads</strong> by 2024-12-31"), std::string::npos);
    EXPECT_NE(page.find("<th class=\"number\">2024-12-31</th><th class=\"number\">2025-12-31</th>"),
              std::string::npos);
    EXPECT_NE(page.find("<td class=\"number\">20 (16&ndash;25)</td>"), std::string::npos);
}

TEST(Figures, PercentagesNeverRoundToCertainty) {
    EXPECT_EQ(percent_text(0.445), "44.5%");
    EXPECT_EQ(percent_text(1.0), "100.0%");
    EXPECT_EQ(percent_text(0.99985), ">99.9%");
    EXPECT_EQ(percent_text(0.0), "0.0%");
    EXPECT_EQ(percent_text(0.00025), "<0.1%");
}

TEST(Figures, AmountsAndDays) {
    EXPECT_EQ(amount_text(30), "30");
    EXPECT_EQ(amount_text(29.564), "29.6");
    EXPECT_EQ(amount_text(1.7), "1.70");
    EXPECT_EQ(amount_text(12185.2), "12185");
    EXPECT_EQ(amount_text(-0.001), "0");
    EXPECT_EQ(index_text(1.0), "1.00");
    EXPECT_EQ(index_text(-0.123), "-0.12");
    EXPECT_EQ(points_text(0.19), "19.0 points");
    EXPECT_EQ(points_text(-0.0004), "0.0 points");
    EXPECT_EQ(days_text(12), "+12 d");
    EXPECT_EQ(days_text(-3), "\u22123 d");
    EXPECT_EQ(days_text(0), "0 d");
}

}  // namespace
}  // namespace pipesim
