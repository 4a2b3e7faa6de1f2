// SHA-256 against the test vectors of FIPS 180-4 (NIST's examples), including inputs that
// end at and across a block boundary and one given in pieces.

#include "core/sha256.hpp"

#include <gtest/gtest.h>

namespace pipesim {
namespace {

TEST(Sha256, MatchesTheStandardsVectors) {
    EXPECT_EQ(Sha256().hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(Sha256().add("abc").hex(),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256().add("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").hex(),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(Sha256().add(std::string(1'000'000, 'a')).hex(),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PiecesHashLikeTheWhole) {
    const std::string text(200, 'x');
    Sha256 pieces;
    for (std::size_t i = 0; i < text.size(); i += 7) pieces.add(text.substr(i, 7));
    EXPECT_EQ(pieces.hex(), Sha256().add(text).hex());
    EXPECT_NE(Sha256().add(std::string(64, 'x')).hex(), Sha256().add(std::string(63, 'x')).hex());
}

}  // namespace
}  // namespace pipesim
