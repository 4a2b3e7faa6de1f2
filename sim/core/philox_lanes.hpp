#pragma once
// The Philox4x32-10 bijection (Salmon et al. 2011, as specified by Random123) written once
// over a "word" type, so the same rounds run on one counter (for a single draw) or on 8
// counters at once in vector registers (for a block of iterations).
//
// Each 32-bit Philox word lives in a 64-bit lane: the round's 32x32->64 multiply is then
// one vector instruction (vpmuludq), where compilers left to themselves shuffle 32-bit
// lanes back and forth. Only the low half of a lane is the word: the high halves of words
// 1 and 3 carry the products' high bits, which is harmless because words 0 and 2 only feed
// the multiply (which reads low halves) and words 1 and 3 only feed an XOR into them.

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

namespace pipesim {

using PhiloxKey = std::array<std::uint32_t, 2>;

namespace philox {

inline constexpr std::uint32_t multiplier0 = 0xD2511F53u, multiplier1 = 0xCD9E8D57u;
inline constexpr std::uint32_t weyl0 = 0x9E3779B9u, weyl1 = 0xBB67AE85u;
inline constexpr std::uint64_t low_half = 0xFFFFFFFFu;

// One counter's word.
struct ScalarWord {
    std::uint64_t lane;
};
constexpr ScalarWord wide_product(ScalarWord x, std::uint32_t m) {
    return {(x.lane & low_half) * m};
}
constexpr ScalarWord high_half(ScalarWord x) {
    return {x.lane >> 32};
}
constexpr ScalarWord mix(ScalarWord a, ScalarWord b, std::uint32_t key) {
    return {a.lane ^ b.lane ^ key};
}

// Several counters' rounds side by side: each round's multiplies wait several cycles for
// the previous round, so independent counters interleaved keep the vector units busy.
template <typename Word, std::size_t counters>
constexpr void rounds(std::array<std::array<Word, 4>, counters>& words, PhiloxKey key) {
    for (int round = 0; round < 10; ++round) {
        for (std::array<Word, 4>& w : words) {
            const Word product0 = wide_product(w[0], multiplier0);
            const Word product1 = wide_product(w[2], multiplier1);
            w = {mix(high_half(product1), w[1], key[0]), product1,
                 mix(high_half(product0), w[3], key[1]), product0};
        }
        key[0] += weyl0;
        key[1] += weyl1;
    }
}

// A uniform number strictly inside (0, 1) from two words: 52 random bits placed in the
// mantissa of a double in [1, 2), shifted down by one and by half a step, so inverse CDFs
// never see 0 or 1. Every step is exact, and unlike an integer-to-double conversion it
// vectorises.
constexpr double uniform_of(ScalarWord high, ScalarWord low) {
    const std::uint64_t bits = ((high.lane & low_half) << 20) | ((low.lane & low_half) >> 12);
    const double one_to_two = std::bit_cast<double>(0x3FF0000000000000ull | bits);
    return (one_to_two - 1.0) + 0x1p-53;
}

#if defined(__AVX512F__) || defined(__AVX2__)
// Several counters' word, as a vector of 64-bit lanes: plain operators for the shifts and
// XORs, an intrinsic only for the multiply. (GCC 12's own intrinsics for the shifts would
// warn of a false "maybe uninitialized" in every file that includes this one.)
#if defined(__AVX512F__)
inline constexpr int vector_counters = 8;
#else
inline constexpr int vector_counters = 4;
#endif
using VectorLanes = std::uint64_t __attribute__((vector_size(8 * vector_counters)));
using VectorDoubles = double __attribute__((vector_size(8 * vector_counters)));
struct VectorWord {
    VectorLanes lanes;
};
inline VectorWord wide_product(VectorWord x, std::uint32_t m) {
    const VectorLanes factor = VectorLanes{} + m;
#if defined(__AVX512F__)
    return {(VectorLanes)_mm512_maskz_mul_epu32(0xFF, (__m512i)x.lanes, (__m512i)factor)};
#else
    return {(VectorLanes)_mm256_mul_epu32((__m256i)x.lanes, (__m256i)factor)};
#endif
}
inline VectorWord high_half(VectorWord x) {
    return {x.lanes >> 32};
}
inline VectorWord mix(VectorWord a, VectorWord b, std::uint32_t key) {
    return {a.lanes ^ b.lanes ^ key};
}
// As uniform_of, lane by lane.
inline void store_uniforms(VectorWord high, VectorWord low, double* out) {
    const VectorLanes bits = ((high.lanes & low_half) << 20) | ((low.lanes & low_half) >> 12);
    const auto one_to_two = (VectorDoubles)(bits | 0x3FF0000000000000ull);
    const VectorDoubles u = (one_to_two - 1.0) + 0x1p-53;
    std::memcpy(out, &u, sizeof u);
}
inline VectorWord counters(std::uint32_t first) {
    VectorLanes offsets{};
    for (int j = 0; j < vector_counters; ++j) offsets[j] = static_cast<std::uint64_t>(j);
    return {offsets + first};
}
inline VectorWord broadcast(std::uint32_t word) {
    return {VectorLanes{} + word};
}
#endif

// A group: 8 consecutive counters (first + j, word1, word2, word3), j < 8, whose outputs
// first halves give 8 uniforms and second halves 8 more.
inline constexpr std::uint32_t counters_per_group = 8;

// The uniforms of `groups` consecutive groups from counter `first`: group g's first halves
// into out[16g, 16g + 8), its second halves into out[16g + 8, 16g + 16).
template <std::size_t groups>
void uniforms_of_groups(std::uint32_t first, std::uint32_t word1, std::uint32_t word2,
                        std::uint32_t word3, PhiloxKey key, double* out) {
#if defined(__AVX512F__) || defined(__AVX2__)
    constexpr std::size_t per_group = counters_per_group / vector_counters;
    std::array<std::array<VectorWord, 4>, groups * per_group> words;
    for (std::size_t k = 0; k < words.size(); ++k)
        words[k] = {counters(first + static_cast<std::uint32_t>(k * vector_counters)),
                    broadcast(word1), broadcast(word2), broadcast(word3)};
    rounds(words, key);
    for (std::size_t k = 0; k < words.size(); ++k) {
        double* group_out =
            out + 2 * counters_per_group * (k / per_group) + vector_counters * (k % per_group);
        store_uniforms(words[k][0], words[k][1], group_out);
        store_uniforms(words[k][2], words[k][3], group_out + counters_per_group);
    }
#else
    for (std::uint32_t c = 0; c < groups * counters_per_group; ++c) {
        std::array<std::array<ScalarWord, 4>, 1> w{{{{{first + c}, {word1}, {word2}, {word3}}}}};
        rounds(w, key);
        double* group_out = out + 2 * counters_per_group * (c / counters_per_group);
        group_out[c % counters_per_group] = uniform_of(w[0][0], w[0][1]);
        group_out[counters_per_group + c % counters_per_group] = uniform_of(w[0][2], w[0][3]);
    }
#endif
}

}  // namespace philox
}  // namespace pipesim
