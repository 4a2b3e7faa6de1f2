// The charts of a sweep's page drawn from small, known inputs: the heat map of a grid of
// two numbers and the lines against one.

#include <gtest/gtest.h>

#include <regex>

#include "report/svg/heat_map.hpp"
#include "report/svg/line_chart.hpp"

namespace pipesim::svg {
namespace {

std::size_t matches(const std::string& svg, const std::string& pattern) {
    const std::regex expression(pattern);
    return static_cast<std::size_t>(std::distance(
        std::sregex_iterator(svg.begin(), svg.end(), expression), std::sregex_iterator()));
}

// Three columns by two rows; the last cell has no point.
HeatMap small_map() {
    return {"Chance of 通车 by a and b",
            "For each combination",
            "a",
            "b",
            {"0.5", "1", "1.5"},
            {"10", "20"},
            {{0.05, "a=0.5, b=10"},
             {0.5, "a=1, b=10"},
             {0.9999, "a=1.5, b=10"},
             {1.0, "a=0.5, b=20"},
             {0.0004, "a=1, b=20"},
             {std::nullopt, "no point"}}};
}

TEST(HeatMap, DrawsACellPerCombinationWithItsNumber) {
    const std::string svg = heat_map(small_map());
    EXPECT_EQ(matches(svg, "<rect [^>]*class=\"heat-[0-9]\"><title>a="), 5u);
    EXPECT_EQ(matches(svg, "<rect [^>]*class=\"heat-none\"><title>no point</title>"), 1u);
    EXPECT_EQ(matches(svg, "<text [^>]*class=\"cell[^\"]*\">"), 6u);
    for (const char* printed : {">5.0%</text>", ">50.0%</text>", ">&gt;99.9%</text>",
                                ">100.0%</text>", ">&lt;0.1%</text>", ">\u2013</text>"})
        EXPECT_NE(svg.find(printed), std::string::npos) << printed;
}

TEST(HeatMap, ShadesByTenthsAndKeepsDarkCellsReadable) {
    const std::string svg = heat_map(small_map());
    EXPECT_NE(svg.find("class=\"heat-0\"><title>a=0.5, b=10"), std::string::npos);
    EXPECT_NE(svg.find("class=\"heat-5\"><title>a=1, b=10"), std::string::npos);
    EXPECT_NE(svg.find("class=\"heat-9\"><title>a=1.5, b=10"), std::string::npos);
    EXPECT_NE(svg.find("class=\"heat-9\"><title>a=0.5, b=20"), std::string::npos);
    // White numbers on the dark shades only: 50% (shade 5) stays dark ink.
    EXPECT_EQ(matches(svg, "class=\"cell on-dark\""), 2u);
    // The key: every shade, labelled at 0, 50 and 100%.
    EXPECT_EQ(matches(svg, "<rect [^>]*class=\"heat-[0-9]\"><title>[0-9]+% to"), 10u);
}

TEST(HeatMap, TheFirstRowIsAtTheBottom) {
    const std::string svg = heat_map(small_map());
    std::smatch first, second;
    ASSERT_TRUE(
        std::regex_search(svg, first, std::regex("y=\"([0-9.]+)\"[^>]*><title>a=0.5, b=10")));
    ASSERT_TRUE(
        std::regex_search(svg, second, std::regex("y=\"([0-9.]+)\"[^>]*><title>a=0.5, b=20")));
    EXPECT_GT(std::stod(first[1]), std::stod(second[1]));
}

LineChart two_lines() {
    return {
        "Chance against durations.scale",
        "Two promises",
        "durations.scale",
        0,
        100,
        "%",
        {{"rail <open>", {{0.8, 60, 55, 65, "a"}, {1.0, 50, 48, 52, "b"}, {1.2, 40, 38, 42, "c"}}},
         {"signed", {{0.8, 40, 39, 41, "d"}, {1.2, 41, 40, 42, "e"}}}}};
}

TEST(LineChart, DrawsALineABandAndDotsPerSeries) {
    const std::string svg = line_chart(two_lines());
    EXPECT_EQ(matches(svg, "<polyline [^>]*class=\"trace trace-[01]\""), 2u);
    EXPECT_EQ(matches(svg, "<polygon [^>]*class=\"spread trace-[01]\""), 2u);
    EXPECT_EQ(matches(svg, "<rect [^>]*class=\"dot trace-0\"><title>"), 3u);
    EXPECT_EQ(matches(svg, "<rect [^>]*class=\"dot trace-1\"><title>"), 2u);
    // Lines are named in words: a number at each line's end, and the key.
    EXPECT_NE(svg.find(">1  rail &lt;open&gt;</text>"), std::string::npos);
    EXPECT_NE(svg.find(">2  signed</text>"), std::string::npos);
    EXPECT_EQ(matches(svg, "text-anchor=\"start\">[12]</text>"), 2u);
    EXPECT_NE(svg.find(">durations.scale</text>"), std::string::npos);
    EXPECT_NE(svg.find(">100%</text>"), std::string::npos);
}

TEST(LineChart, EndNumbersDoNotOverlap) {
    LineChart chart = two_lines();
    chart.series[1].points.back().y = 40.5;  // ends next to the first line
    const std::string svg = line_chart(chart);
    std::vector<double> heights;
    const std::regex label("y=\"([0-9.]+)\" text-anchor=\"start\">[12]</text>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label);
         it != std::sregex_iterator(); ++it)
        heights.push_back(std::stod((*it)[1]));
    ASSERT_EQ(heights.size(), 2u);
    EXPECT_GE(std::abs(heights[0] - heights[1]), 12.0);
}

}  // namespace
}  // namespace pipesim::svg
