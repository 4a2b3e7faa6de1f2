#include "core/text.hpp"

#include <gtest/gtest.h>

#include <array>

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

}  // namespace
}  // namespace pipesim
