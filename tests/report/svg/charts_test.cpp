// The charts drawn from small, known inputs: what they mark, where, and in words.

#include <gtest/gtest.h>

#include <regex>

#include "report/svg/bar_chart.hpp"
#include "report/svg/date_chart.hpp"
#include "report/svg/fan_chart.hpp"
#include "report/svg/funnel_chart.hpp"
#include "report/svg/gantt_chart.hpp"

namespace pipesim::svg {
namespace {

Date day(const char* iso) {
    return *Date::parse(iso);
}

// The elements `<name ... class="style" ...>` in the order drawn.
std::vector<std::string> elements(const std::string& svg, const std::string& name,
                                  const std::string& style) {
    std::vector<std::string> found;
    const std::regex pattern("<" + name + " [^>]*class=\"" + style + "\"[^>]*>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern);
         it != std::sregex_iterator(); ++it)
        found.push_back(it->str());
    return found;
}

double attribute(const std::string& element, const std::string& name) {
    std::smatch match;
    const std::regex pattern(" " + name + "=\"([-0-9.]+)\"");
    if (!std::regex_search(element, match, pattern))
        throw std::runtime_error("no " + name + " in " + element);
    return std::stod(match[1]);
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

DateChart weekly_chart() {
    // Weeks from Monday 2024-03-04; the target is the last day of the second week.
    return {"When 通车 is reached",
            {day("2024-03-04"), 7, {10, 30, 0, 40, 20}, 0},
            day("2024-03-17"),
            day("2024-03-20"),
            day("2024-03-27")};
}

TEST(DateChart, DrawsABarPerNonEmptyBinWithItsDatesOnHover) {
    const std::string svg = date_chart(weekly_chart());
    EXPECT_EQ(elements(svg, "rect", "bin").size(), 4u);
    EXPECT_NE(svg.find("<title>2024-03-11 to 2024-03-17: 30.0%</title>"), std::string::npos);
    EXPECT_NE(svg.find("<title>When 通车 is reached</title>"), std::string::npos);
}

TEST(DateChart, TargetLineLiesAtTheEndOfTheTargetDay) {
    const std::string svg = date_chart(weekly_chart());
    const auto bins = elements(svg, "rect", "bin");
    const auto target = elements(svg, "line", "target");
    ASSERT_EQ(target.size(), 1u);
    // The second bin ends with the target day: the line runs along its right edge.
    EXPECT_NEAR(attribute(target[0], "x1"), attribute(bins[1], "x") + attribute(bins[1], "width"),
                0.11);
    EXPECT_NE(svg.find(">target 2024-03-17</text>"), std::string::npos);
    EXPECT_NE(svg.find(">P50 2024-03-20</text>"), std::string::npos);
    EXPECT_NE(svg.find(">P80 2024-03-27</text>"), std::string::npos);
}

TEST(DateChart, CumulativeCurveReachesTheShareThatFinishes) {
    DateChart chart = weekly_chart();
    const auto top_of = [](const std::string& svg) {
        // The curve's last point: its height is the share done by the end of the chart.
        const auto line = elements(svg, "polyline", "cumulative");
        const std::string points = line.at(0).substr(line[0].find("points=\"") + 8);
        const std::string last = points.substr(0, points.find('"'));
        return std::stod(last.substr(last.rfind(',') + 1));
    };
    const double all_done = top_of(date_chart(chart));
    chart.histogram.beyond = 100;  // half never finish within the horizon
    const std::string half = date_chart(chart);
    EXPECT_GT(top_of(half), all_done);  // lower on the page: a smaller share
    EXPECT_NE(half.find("after the horizon or never: 50.0%"), std::string::npos);
}

TEST(DateChart, SaysSoWhenAQuantileIsBeyondTheHorizon) {
    DateChart chart = weekly_chart();
    chart.p80.reset();
    const std::string svg = date_chart(chart);
    EXPECT_NE(svg.find(">P80 after horizon</text>"), std::string::npos);
    EXPECT_EQ(elements(svg, "line", "marker").size(), 1u);         // P50 only
    EXPECT_NE(svg.find("P80 after horizon."), std::string::npos);  // in the description too
}

TEST(DateChart, KeepsEveryMarkInsideThePlot) {
    DateChart chart = weekly_chart();
    chart.p80 = day("2024-06-30");  // well after the last bin
    const std::string svg = date_chart(chart);
    const auto markers = elements(svg, "line", "marker");
    ASSERT_EQ(markers.size(), 2u);
    const auto axis = elements(svg, "line", "axis");  // the date axis first: along the bottom
    EXPECT_LE(attribute(markers[1], "x1"), attribute(axis.at(0), "x2"));
    EXPECT_GT(attribute(markers[1], "x1"), attribute(markers[0], "x1"));
}

TEST(DateChart, NothingWithinTheHorizonIsSaidInWords) {
    const std::string svg = date_chart({"never", {day("2024-01-01"), 1, {}, 500}, {}, {}, {}});
    EXPECT_NE(svg.find("not within the horizon in any iteration"), std::string::npos);
    EXPECT_TRUE(elements(svg, "rect", "bin").empty());
}

TEST(GanttChart, BarsFromP10ToP90WithP50TicksAndTargets) {
    const std::vector<GanttGroup> groups{
        {"hsr",
         {{"通车 <A>", day("2024-05-01"), day("2024-06-01"), day("2024-07-01"), day("2024-06-30"),
           "red", "42.0% Off track"},
          {"signals", day("2024-04-01"), day("2024-04-10"), std::nullopt, std::nullopt, "none",
           "No target"}}},
        {"school",
         {{"学校", day("2024-09-01"), day("2024-09-01"), day("2024-09-01"), day("2024-12-31"),
           "green", "100.0% On track"}}}};
    const std::string svg = gantt_chart("Milestones", groups, day("2025-12-31"));
    EXPECT_NE(svg.find(">hsr</text>"), std::string::npos);
    EXPECT_NE(svg.find(">通车 &lt;A&gt;</text>"), std::string::npos);
    EXPECT_NE(svg.find(">42.0% Off track</text>"), std::string::npos);
    EXPECT_EQ(elements(svg, "rect", "span red").size(), 1u);
    EXPECT_EQ(elements(svg, "line", "p50").size(), 3u);
    EXPECT_EQ(elements(svg, "polygon", "target-mark").size(), 2u);
    EXPECT_EQ(occurrences(svg, "\u2192"), 1u);  // the open-ended bar
    // A milestone certain to land on one day still shows a bar.
    EXPECT_GE(attribute(elements(svg, "rect", "span green").at(0), "width"), 2);
    const auto bar = elements(svg, "rect", "span red").at(0);
    const auto p50 = elements(svg, "line", "p50").at(0);
    EXPECT_GT(attribute(p50, "x1"), attribute(bar, "x"));
    EXPECT_LT(attribute(p50, "x1"), attribute(bar, "x") + attribute(bar, "width"));
}

TEST(FanChart, BandMedianThresholdAndDeadline) {
    const FanChart chart{"签约",
                         "items",
                         {{day("2024-01-31"), {0, 0, 0, 1}},
                          {day("2024-02-29"), {2, 1, 2, 4}},
                          {day("2024-03-31"), {4, 2, 4, 6}}},
                         3,
                         day("2024-03-31")};
    const std::string svg = fan_chart(chart);
    EXPECT_EQ(elements(svg, "polygon", "band").size(), 1u);
    EXPECT_EQ(elements(svg, "polyline", "median").size(), 1u);
    EXPECT_EQ(elements(svg, "line", "target").size(), 2u);  // threshold and deadline
    EXPECT_NE(svg.find(">target 3</text>"), std::string::npos);
    EXPECT_NE(svg.find(">deadline 2024-03-31</text>"), std::string::npos);
    EXPECT_NE(svg.find("At 2024-03-31: P10 2, P50 4, P90 6."), std::string::npos);
    // Six corners: P90 forwards, then P10 back.
    const auto band = elements(svg, "polygon", "band").at(0);
    EXPECT_EQ(occurrences(band, ","), 6u);
}

TEST(FunnelChart, BarWidthsFollowTheExpectedCounts) {
    const FunnelChart chart{
        "funnel", day("2024-12-31"), 10, {{"线索", {10, 10, 10, 10}}, {"签约 & co", {5, 3, 5, 7}}}};
    const std::string svg = funnel_chart(chart);
    const auto bars = elements(svg, "rect", "stage");
    ASSERT_EQ(bars.size(), 2u);
    EXPECT_NEAR(attribute(bars[1], "width") * 2, attribute(bars[0], "width"), 0.2);
    // Centred: both bars share a middle.
    EXPECT_NEAR(attribute(bars[0], "x") + attribute(bars[0], "width") / 2,
                attribute(bars[1], "x") + attribute(bars[1], "width") / 2, 0.2);
    EXPECT_NE(svg.find(">5 expected (P10 3, P90 7)</text>"), std::string::npos);
    EXPECT_NE(svg.find(">签约 &amp; co</text>"), std::string::npos);
}

TEST(BarChart, BarsGrowEitherWayFromZeroAndSkipMissingValues) {
    const BarChart chart{
        "Activities",
        "criticality and sensitivity",
        "index",
        {"criticality", "sensitivity"},
        {{"铺轨", {0.8, 0.6}, "0.80 / 0.60"}, {"信号 \"B\"", {std::nullopt, -0.4}, "– / -0.40"}}};
    const std::string svg = bar_chart(chart);
    EXPECT_EQ(elements(svg, "rect", "series-0").size(), 2u);  // one bar and the legend key
    EXPECT_EQ(elements(svg, "rect", "series-1").size(), 3u);
    const double zero = attribute(elements(svg, "line", "axis").at(0), "x1");
    const auto negative = elements(svg, "rect", "series-1").back();
    EXPECT_NEAR(attribute(negative, "x") + attribute(negative, "width"), zero, 0.11);
    const auto positive = elements(svg, "rect", "series-0").back();
    EXPECT_NEAR(attribute(positive, "x"), zero, 0.11);
    EXPECT_NE(svg.find(">信号 &quot;B&quot;</text>"), std::string::npos);
    EXPECT_NE(svg.find(">criticality</text>"), std::string::npos);
}

TEST(BarChart, OneSeriesNeedsNoKey) {
    const BarChart chart{
        "Risks", "tornado", "points", {"risk"}, {{"geology", {19.0}, "19.0 points"}}};
    const std::string svg = bar_chart(chart);
    EXPECT_EQ(elements(svg, "rect", "series-0").size(), 1u);
    EXPECT_EQ(svg.find(">risk</text>"), std::string::npos);
}

}  // namespace
}  // namespace pipesim::svg
