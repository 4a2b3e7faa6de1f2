#include "report/sweep_report.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "report/markup.hpp"

namespace pipesim {
namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

PromiseAtPoint promise(const std::string& id, double p, double difference) {
    return {id, id, "milestone", p, 0.01, std::nullopt, std::nullopt, difference, 0.003, 0.014};
}

// `promises` milestones named m0, m1 …; at each point mK's chance moves by K points per
// unit of each value set, so the later ones change most.
std::vector<PromiseAtPoint> promises_at(std::size_t promises, double shift) {
    std::vector<PromiseAtPoint> at;
    for (std::size_t k = 0; k < promises; ++k) {
        const double change = 0.01 * static_cast<double>(k) * shift;
        std::string id = "m";  // appended: GCC 12 misreads "m" + std::string (-Wrestrict)
        at.push_back(promise(id.append(std::to_string(k)), 0.4 + change, change));
    }
    return at;
}

Override set(const std::string& path, double value) {
    return vary_override(path, value);
}

// The base, then each path's values on its own.
SweepResults one_at_a_time(const std::vector<std::string>& paths, std::size_t promises) {
    SweepResults sweep{"Qianjiang 2024", 1000, 7, paths, {{"base", {}, promises_at(promises, 0)}}};
    for (const std::string& path : paths)
        for (double value : {1.2, 0.8, 1.0})
            sweep.points.push_back({path + '=' + std::to_string(value),
                                    {set(path, value)},
                                    promises_at(promises, value - 1.0)});
    return sweep;
}

SweepResults grid(std::size_t promises) {
    SweepResults sweep{
        "Qianjiang 2024", 1000, 7, {"a.x", "b.y"}, {{"base", {}, promises_at(promises, 0)}}};
    for (double x : {1.0, 2.0, 3.0})
        for (double y : {10.0, 20.0})
            sweep.points.push_back({"a.x=" + std::to_string(x) + "; b.y=" + std::to_string(y),
                                    {set("a.x", x), set("b.y", y)},
                                    promises_at(promises, x + y / 100)});
    return sweep;
}

TEST(SweepReport, ListsEveryPromiseInTheTable) {
    const SweepResults sweep = one_at_a_time({"durations.scale"}, 12);
    const std::string page = sweep_report(sweep, "out/sweep.json");
    for (std::size_t k = 0; k < 12; ++k)
        EXPECT_NE(page.find("<tr class=\"promise\"><th colspan=\"8\">m" + std::to_string(k) + " "),
                  std::string::npos)
            << k;
    // A row per point and promise.
    EXPECT_EQ(occurrences(page, "<tr><td>"), 12 * sweep.points.size());
}

TEST(SweepReport, DrawsTheEightPromisesThatChangeMostPerPath) {
    const std::string page =
        sweep_report(one_at_a_time({"durations.scale", "risks.rain.probability"}, 12), "s.json");
    EXPECT_EQ(occurrences(page, "<svg "), 2u);
    EXPECT_NE(page.find("<title>Chance of each promise against durations.scale</title>"),
              std::string::npos);
    EXPECT_NE(page.find("<title>Chance of each promise against risks.rain.probability</title>"),
              std::string::npos);
    EXPECT_NE(page.find("the 8 of 12 promises whose chance changes most"), std::string::npos);
    // m11 changes most, m0 not at all: the first is in the key, the second is not.
    EXPECT_NE(page.find(">1  m11 (base 40.0%)</text>"), std::string::npos);
    EXPECT_EQ(page.find(">m0 (base"), std::string::npos);
    EXPECT_EQ(page.find("  m0 (base"), std::string::npos);
    // Each line's dots are in increasing value, whatever the order of the points.
    const std::regex dots("<title>m11 at ([0-9.]+): ");
    std::vector<std::string> values;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), dots);
         it != std::sregex_iterator(); ++it)
        values.push_back((*it)[1]);
    EXPECT_EQ(values, (std::vector<std::string>{"0.8", "1", "1.2", "0.8", "1", "1.2"}));
}

TEST(SweepReport, DrawsAHeatMapPerPromiseForAGridOfTwo) {
    const SweepResults sweep = grid(3);
    const std::string page = sweep_report(sweep, "out/sweep.json");
    EXPECT_EQ(occurrences(page, "<svg "), 3u);
    for (const char* id : {"m0", "m1", "m2"}) {
        std::string title = "<title>Chance of ";
        title.append(id).append(" by a.x and b.y</title>");
        EXPECT_NE(page.find(title), std::string::npos) << id;
    }
    // Six cells each, every one with its number.
    EXPECT_EQ(occurrences(page, "class=\"cell"), 18u);
}

TEST(SweepReport, AComparisonHasTheTableOnly) {
    SweepResults comparison{
        "A", 1000, 7, {}, {{"A", {}, promises_at(2, 0)}, {"B", {}, promises_at(2, 1)}}};
    const std::string page = sweep_report(comparison, "sweep.json");
    EXPECT_EQ(occurrences(page, "<svg "), 0u);
    EXPECT_NE(page.find("A comparison of scenarios has no chart"), std::string::npos);
    EXPECT_NE(page.find("<td>nothing (a comparison of scenarios)</td>"), std::string::npos);
    EXPECT_NE(page.find("+1.0 \u00b1 0.3 points"), std::string::npos);
}

TEST(SweepReport, NamesEachPromiseBesideItsId) {
    SweepResults sweep = one_at_a_time({"durations.scale"}, 2);
    for (auto& point : sweep.points) point.promises[1].name = "开通航线";
    const std::string page = sweep_report(sweep, "out/sweep.json");
    EXPECT_NE(page.find("<th colspan=\"8\">开通航线 <span class=\"muted\">(milestone m1)</span>"),
              std::string::npos);
    EXPECT_NE(page.find("开通航线 (base 40.0%)"), std::string::npos);  // the chart's key
    SweepResults grid_of_two = grid(2);
    for (auto& point : grid_of_two.points) point.promises[0].name = "开通航线";
    EXPECT_NE(sweep_report(grid_of_two, "out/sweep.json")
                  .find("<strong>开通航线</strong> <span class=\"muted\">m0</span>"),
              std::string::npos);
}

TEST(SweepReport, EscapesNamesEverywhere) {
    const std::string odd = "rail <\"open\"> & 'ready'";
    SweepResults sweep = one_at_a_time({"projects.a&b.duration_scale"}, 2);
    sweep.scenario = odd;
    for (auto& point : sweep.points) point.promises[1].id = point.promises[1].name = odd;
    const std::string page = sweep_report(sweep, "out/<sweep>.json");
    EXPECT_EQ(page.find(odd), std::string::npos);
    EXPECT_EQ(page.find("<sweep>"), std::string::npos);
    EXPECT_EQ(page.find("a&b"), std::string::npos);
    EXPECT_NE(page.find("<h1>" + markup_escaped(odd) + "</h1>"), std::string::npos);
    EXPECT_NE(page.find(markup_escaped(odd) + " <span class=\"muted\">"), std::string::npos);
}

TEST(SweepReport, LoadsNothingAndDescribesEveryChart) {
    const std::string page =
        sweep_report(grid(2), "sweep.json") + sweep_report(one_at_a_time({"a.x"}, 3), "sweep.json");
    for (const char* outside :
         {"http://", "https://", "<script", "<link", "src=", "@import", "url("})
        EXPECT_EQ(page.find(outside), std::string::npos) << outside;
    const std::regex chart(
        "<svg [^>]*role=\"img\" aria-label=\"[^\"]+\"><title>[^<]+</title><desc>[^<]+</desc>");
    EXPECT_EQ(static_cast<std::size_t>(std::distance(
                  std::sregex_iterator(page.begin(), page.end(), chart), std::sregex_iterator())),
              occurrences(page, "<svg "));
    EXPECT_NE(page.find("@media print"), std::string::npos);
    EXPECT_NE(page.find("Noto Sans CJK SC"), std::string::npos);
}

TEST(SweepReport, GivesTheSettings) {
    const std::string page = sweep_report(grid(1), "out/sweep.json");
    EXPECT_NE(page.find("<tr><th>Sweep file</th><td>out/sweep.json</td></tr>"), std::string::npos);
    EXPECT_NE(page.find("<tr><th>Varied</th><td>a.x, b.y</td></tr>"), std::string::npos);
    EXPECT_NE(page.find("<tr><th>Seed</th><td>7</td></tr>"), std::string::npos);
    EXPECT_NE(page.find("<tr><th>Iterations per point</th><td>1000</td></tr>"), std::string::npos);
}

}  // namespace
}  // namespace pipesim
