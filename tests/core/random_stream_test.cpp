#include "core/random_stream.hpp"

#include <Random123/philox.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

namespace pipesim {
namespace {

TEST(Philox, MatchesTheKnownAnswerOfRandom123) {
    // Known-answer vector of philox4x32-10 for a zero counter and key (Random123 kat_vectors).
    const PhiloxCounter out = philox4x32_10({0, 0, 0, 0}, {0, 0});
    EXPECT_EQ(out, (PhiloxCounter{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}));
}

TEST(Philox, AgreesWithRandom123OnManyInputs) {
    r123::Philox4x32_R<10> reference;
    std::uint32_t x = 12345;
    auto next = [&] { return x = x * 1664525u + 1013904223u; };
    for (int i = 0; i < 1000; ++i) {
        const PhiloxCounter counter{next(), next(), next(), next()};
        const PhiloxKey key{next(), next()};
        const auto expected =
            reference({{counter[0], counter[1], counter[2], counter[3]}}, {{key[0], key[1]}});
        const PhiloxCounter actual = philox4x32_10(counter, key);
        for (int k = 0; k < 4; ++k) ASSERT_EQ(actual[k], expected.v[k]) << "input " << i;
    }
}

TEST(RandomStream, IsAPureFunctionOfSeedIterationAndVariable) {
    const RandomStream a{7, variable_hash("rail.track"), StreamPurpose::duration};
    const RandomStream b{7, variable_hash("rail.track"), StreamPurpose::duration};
    for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(a.uniform(i), b.uniform(i));
    const RandomStream other_seed{8, variable_hash("rail.track"), StreamPurpose::duration};
    const RandomStream other_variable{7, variable_hash("rail.tracks"), StreamPurpose::duration};
    EXPECT_NE(a.uniform(0), other_seed.uniform(0));
    EXPECT_NE(a.uniform(0), other_variable.uniform(0));
}

TEST(RandomStream, TheVectorFillGivesEachIterationsOwnUniform) {
    const RandomStream stream{11, variable_hash("hub.fit-out"), StreamPurpose::duration};
    // Starts and ends inside and on the boundaries of the groups of 16 iterations.
    for (const std::uint32_t first : {0u, 1u, 7u, 8u, 15u, 16u, 250u, 4294967200u})
        for (const std::size_t count : {0u, 1u, 9u, 16u, 17u, 40u, 96u}) {
            std::vector<double> u(count);
            stream.uniforms(first, count, u.data());
            for (std::size_t i = 0; i < count; ++i)
                ASSERT_EQ(u[i], stream.uniform(first + static_cast<std::uint32_t>(i)))
                    << first << " + " << i;
        }
}

TEST(RandomStream, IterationsShareAPhiloxBlockInHalves) {
    // Iteration 16g + j takes the first 64 bits of counter 8g + j, iteration 16g + 8 + j
    // the last 64: the uniform is those bits' top 52 in the mantissa, less half a step.
    const RandomStream stream{5, 77, StreamPurpose::risk_delay};
    const auto expected = [](std::uint32_t high, std::uint32_t low) {
        const std::uint64_t bits = (std::uint64_t{high} << 32 | low) >> 12;
        return static_cast<double>(bits) * 0x1p-52 + 0x1p-53;
    };
    for (const std::uint32_t iteration : {0u, 3u, 8u, 11u, 16u, 29u}) {
        const std::uint32_t counter = iteration / 16 * 8 + iteration % 8;
        const PhiloxCounter bits = philox4x32_10(
            {counter, static_cast<std::uint32_t>(StreamPurpose::risk_delay), 77, 0}, {5, 0});
        const bool second = iteration % 16 >= 8;
        EXPECT_EQ(stream.uniform(iteration),
                  second ? expected(bits[2], bits[3]) : expected(bits[0], bits[1]))
            << iteration;
    }
}

TEST(RandomStream, UniformsLieStrictlyInsideTheUnitInterval) {
    const RandomStream stream{1, variable_hash("x"), StreamPurpose::duration};
    std::set<double> seen;
    double sum = 0;
    constexpr int n = 200000;
    for (std::uint32_t i = 0; i < n; ++i) {
        const double u = stream.uniform(i);
        ASSERT_GT(u, 0.0);
        ASSERT_LT(u, 1.0);
        seen.insert(u);
        sum += u;
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(n));  // 52-bit values: no repeats
    // Mean of U(0,1) is 1/2 with standard error sqrt(1/12 / n); allow 4 standard errors.
    EXPECT_NEAR(sum / n, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
}

TEST(RandomStream, VariableHashIsFnv1a) {
    EXPECT_EQ(variable_hash(""), 0xcbf29ce484222325ull);
    EXPECT_EQ(variable_hash("a"), 0xaf63dc4c8601ec8cull);
}

}  // namespace
}  // namespace pipesim
