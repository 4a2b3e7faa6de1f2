#include "core/text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <limits>
#include <string>

namespace pipesim {
namespace {

TEST(Text, AcceptsChineseUtf8) {
    EXPECT_TRUE(is_valid_utf8("渝湘高铁重庆至黔江段"));
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
}

TEST(Text, FindsTheFirstMalformedByte) {
    EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);
    EXPECT_EQ(find_invalid_utf8("\xe6\xb8"), 0u);         // truncated sequence
    EXPECT_EQ(find_invalid_utf8("x\xc0\xaf"), 1u);        // overlong '/'
    EXPECT_EQ(find_invalid_utf8("\xed\xa0\x80"), 0u);     // a surrogate
    EXPECT_FALSE(find_invalid_utf8("\xf0\x9f\x98\x80"));  // an emoji is fine
}

TEST(Text, SuggestsTheClosestKeyForATypo) {
    constexpr std::array<std::string_view, 3> keys{"duration", "after", "start_no_earlier_than"};
    EXPECT_EQ(closest_match("duraton", keys), "duration");
    EXPECT_EQ(closest_match("afterr", keys), "after");
    EXPECT_EQ(closest_match("colour", keys), "");
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Text, CountsWideCharactersAsTwoColumns) {
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("黔江"), 4u);
    EXPECT_EQ(display_width("A黔"), 3u);
}

TEST(Text, WritesFixedDecimalsAsPrintfDoes) {
    for (const double value : {0.0, -0.0, 0.5, 0.0625, 2.675, -1234.5678, 1e15 + 0.25}) {
        for (const int decimals : {0, 1, 3, 6}) {
            char expected[128];
            std::snprintf(expected, sizeof expected, "%.*f", decimals, value);
            EXPECT_EQ(fixed_text(value, decimals), expected) << value << " to " << decimals;
        }
    }
}

// A fixed-size buffer would cut these short and write wrong digits.
TEST(Text, WritesEveryDigitOfAHugeNumber) {
    for (const double value : {1e200, -3.5e250, std::numeric_limits<double>::max()}) {
        const std::string text = fixed_text(value, 3);
        EXPECT_EQ(std::stod(text), value) << text;
        EXPECT_TRUE(text.ends_with(".000")) << text;
    }
    EXPECT_EQ(fixed_text(std::numeric_limits<double>::max(), 0).size(), 309u);
    EXPECT_EQ(fixed_text(std::numeric_limits<double>::infinity(), 3), "inf");
}

}  // namespace
}  // namespace pipesim
