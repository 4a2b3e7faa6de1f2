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

template <typename Word>
constexpr void rounds(std::array<Word, 4>& w, PhiloxKey key) {
    for (int round = 0; round < 10; ++round) {
        const Word product0 = wide_product(w[0], multiplier0);
        const Word product1 = wide_product(w[2], multiplier1);
        w = {mix(high_half(product1), w[1], key[0]), product1,
             mix(high_half(product0), w[3], key[1]), product0};
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
    VectorLanes lanes{};
    for (int j = 0; j < vector_counters; ++j) lanes[j] = first + static_cast<std::uint32_t>(j);
    return {lanes};
}
inline VectorWord broadcast(std::uint32_t word) {
    return {VectorLanes{} + word};
}
#endif

// The uniforms of the 8 counters (first + j, word1, word2, word3), j < 8: the first halves
// of their outputs into out[0, 8), the second halves into out[8, 16).
inline void uniforms_of_eight(std::uint32_t first, std::uint32_t word1, std::uint32_t word2,
                              std::uint32_t word3, PhiloxKey key, double* out) {
#if defined(__AVX512F__) || defined(__AVX2__)
    for (int j = 0; j < 8; j += vector_counters) {
        std::array<VectorWord, 4> w{counters(first + static_cast<std::uint32_t>(j)),
                                    broadcast(word1), broadcast(word2), broadcast(word3)};
        rounds(w, key);
        store_uniforms(w[0], w[1], out + j);
        store_uniforms(w[2], w[3], out + 8 + j);
    }
#else
    for (std::uint32_t j = 0; j < 8; ++j) {
        std::array<ScalarWord, 4> w{{{first + j}, {word1}, {word2}, {word3}}};
        rounds(w, key);
        out[j] = uniform_of(w[0], w[1]);
        out[8 + j] = uniform_of(w[2], w[3]);
    }
#endif
}

}  // namespace philox
}  // namespace pipesim
