#include "report/svg/document.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "report/markup.hpp"

namespace pipesim::svg {
namespace {

TEST(Markup, EscapesAngleBracketsAmpersandsAndQuotes) {
    EXPECT_EQ(markup_escaped("<A & \"B\" 'C'>"), "&lt;A &amp; &quot;B&quot; &#39;C&#39;&gt;");
    EXPECT_EQ(markup_escaped("&amp;"), "&amp;amp;");  // already escaped text is text too
}

TEST(Markup, ChineseNamesPassThroughByteForByte) {
    EXPECT_EQ(markup_escaped("基本达到通车条件"), "基本达到通车条件");
    EXPECT_EQ(markup_escaped("实现“一小时黔江”畅达目标"), "实现“一小时黔江”畅达目标");
}

TEST(SvgDocument, CarriesItsTitleAndDescriptionEscaped) {
    Document svg(100, 50, "通车 <A & \"B\">", "desc & more");
    const std::string text = svg.str();
    EXPECT_EQ(text.rfind("<svg class=\"chart\" viewBox=\"0 0 100 50\"", 0), 0u) << text;
    EXPECT_NE(text.find("role=\"img\""), std::string::npos);
    EXPECT_NE(text.find("aria-label=\"通车 &lt;A &amp; &quot;B&quot;&gt;\""), std::string::npos);
    EXPECT_NE(text.find("<title>通车 &lt;A &amp; &quot;B&quot;&gt;</title><desc>desc &amp; "
                        "more</desc>"),
              std::string::npos);
    EXPECT_TRUE(text.ends_with("</svg>"));
    // Inline in HTML: no namespace URL, nothing that looks like a resource to fetch.
    EXPECT_EQ(text.find("http"), std::string::npos);
}

TEST(SvgDocument, EscapesTextAndHints) {
    Document svg(10, 10, "t", "d");
    svg.text({1, 2}, "a<b & 'c'", Anchor::end, "tick");
    svg.rect({0, 0}, 1, 1, "bin", "x > y");
    const std::string text = svg.str();
    EXPECT_NE(text.find("<text x=\"1\" y=\"2\" text-anchor=\"end\" class=\"tick\">a&lt;b &amp; "
                        "&#39;c&#39;</text>"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("<title>x &gt; y</title></rect>"), std::string::npos) << text;
}

TEST(SvgDocument, NormalisesRectanglesDrawnBackwards) {
    Document svg(10, 10, "t", "d");
    svg.rect({10, 8}, -4, -3, "");
    EXPECT_NE(svg.str().find("<rect x=\"6\" y=\"5\" width=\"4\" height=\"3\"/>"), std::string::npos)
        << svg.str();
}

TEST(SvgDocument, WritesPointListsInOrder) {
    Document svg(10, 10, "t", "d");
    const std::vector<Point> points{{0, 1}, {2.25, 3}, {4, 5.5}};
    svg.polyline(points, "cumulative");
    EXPECT_NE(svg.str().find("<polyline points=\"0,1 2.3,3 4,5.5\" class=\"cumulative\"/>"),
              std::string::npos)
        << svg.str();
}

TEST(SvgCoordinate, ATenthOfAPixelWithoutTrailingZeros) {
    EXPECT_EQ(coordinate(3.0), "3");
    EXPECT_EQ(coordinate(12.345), "12.3");
    EXPECT_EQ(coordinate(12.36), "12.4");
    EXPECT_EQ(coordinate(-0.04), "0");
    EXPECT_EQ(coordinate(-7.5), "-7.5");
}

}  // namespace
}  // namespace pipesim::svg
