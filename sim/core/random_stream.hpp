#pragma once
// Random numbers as a pure function of (seed, iteration, variable, purpose).
//
// A counter-based generator (Philox4x32-10, Salmon et al. 2011) turns that tuple into
// random bits with no state carried between draws. So a run gives the same numbers for
// any thread count, block size or split across processes; any iteration can be replayed;
// and because a variable is named by a hash of its id, not its position, adding an
// activity to a scenario does not change the numbers any other activity draws.

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

#include "core/philox_lanes.hpp"

namespace pipesim {

// One stream per purpose, so a new random feature never shifts existing samples.
enum class StreamPurpose : std::uint32_t {
    duration = 1,
    occurrence = 2,     // whether a node happens at all (a funnel stage converts)
    cost = 3,           // an activity's time-independent cost
    cost_per_day = 4,   // its daily rate
    cost_at_start = 5,  // lumps
    cost_at_finish = 6,
    item_value = 7,        // a funnel item's value
    funds_fraction = 8,    // the share of it that arrives as funds
    funds_days = 9,        // and over how many days
    lag = 10,              // an uncertain lag of a dependency
    uplift_duration = 11,  // a project's optimism-bias uplifts
    uplift_cost = 12,
    risk_occurrence = 13,  // whether a risk occurs
    risk_delay = 14,       // and what it does
    risk_multiplier = 15,
    risk_cost = 16,
    mitigation_cost = 17,
};

using PhiloxCounter = std::array<std::uint32_t, 4>;

// A stable 64-bit name for a random variable: FNV-1a of its id.
constexpr std::uint64_t variable_hash(std::string_view id) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

// splitmix64's finaliser: a cheap bijective mix for the Latin-hypercube permutation.
constexpr std::uint64_t mix64(std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// A keyed permutation of [0, n): a four-round Feistel network on the smallest even number
// of bits that holds n, walking the cycle until the value falls below n. Stateless, so a
// Latin hypercube needs no table of n entries and any iteration can be computed alone.
constexpr std::uint32_t permuted(std::uint32_t index, std::uint32_t n, std::uint64_t key) {
    int half = 1;
    while ((std::uint64_t{1} << (2 * half)) < n) ++half;
    const std::uint64_t mask = (std::uint64_t{1} << half) - 1;
    std::uint64_t x = index;
    do {
        std::uint64_t left = x >> half, right = x & mask;
        for (std::uint64_t round = 0; round < 4; ++round) {
            const std::uint64_t next = left ^ (mix64(right ^ mix64(key + round)) & mask);
            left = right;
            right = next;
        }
        x = (left << half) | right;
    } while (x >= n);
    return static_cast<std::uint32_t>(x);
}

// The Philox4x32 bijection with 10 rounds, as specified by Random123.
constexpr PhiloxCounter philox4x32_10(PhiloxCounter counter, PhiloxKey key) {
    using philox::ScalarWord;
    std::array<std::array<ScalarWord, 4>, 1> w{
        {{{{counter[0]}, {counter[1]}, {counter[2]}, {counter[3]}}}}};
    philox::rounds(w, key);
    return {static_cast<std::uint32_t>(w[0][0].lane), static_cast<std::uint32_t>(w[0][1].lane),
            static_cast<std::uint32_t>(w[0][2].lane), static_cast<std::uint32_t>(w[0][3].lane)};
}

struct RandomStream {
    std::uint64_t seed = 0;
    std::uint64_t variable = 0;
    StreamPurpose purpose = StreamPurpose::duration;

    // One Philox block gives two uniforms (64 random bits each), so iterations are taken
    // in groups of 16 from 8 consecutive counters: iteration 16g + j (j < 8) uses the first
    // half of counter 8g + j and iteration 16g + 8 + j its second half. A group then fills
    // two contiguous vectors of 8, and the generator costs half as much per uniform.
    static constexpr std::uint32_t group = 2 * philox::counters_per_group;
    // Groups drawn together in the vector loop.
    static constexpr std::size_t groups_at_once = 4;

    constexpr double uniform(std::uint32_t iteration) const {
        using philox::ScalarWord;
        const std::uint32_t in_group = iteration % group;
        std::array<std::array<ScalarWord, 4>, 1> w{
            {{{{iteration / group * (group / 2) + in_group % (group / 2)},
               {word1()},
               {word2()},
               {word3()}}}}};
        philox::rounds(w, key());
        return in_group < group / 2 ? philox::uniform_of(w[0][0], w[0][1])
                                    : philox::uniform_of(w[0][2], w[0][3]);
    }

    // u[i] = uniform(first + i) for i < count; whole groups go through the vector registers.
    void uniforms(std::uint32_t first, std::size_t count, double* u) const {
        const std::size_t head = std::min<std::size_t>(count, (group - first % group) % group);
        std::size_t i = 0;
        for (; i < head; ++i) u[i] = uniform(first + static_cast<std::uint32_t>(i));
        for (; i + groups_at_once * group <= count; i += groups_at_once * group)
            philox::uniforms_of_groups<groups_at_once>(counter_of(first + i), word1(), word2(),
                                                       word3(), key(), u + i);
        for (; i + group <= count; i += group)
            philox::uniforms_of_groups<1>(counter_of(first + i), word1(), word2(), word3(), key(),
                                          u + i);
        for (; i < count; ++i) u[i] = uniform(first + static_cast<std::uint32_t>(i));
    }

  private:
    // The first counter of the group that starts at this iteration.
    static constexpr std::uint32_t counter_of(std::uint64_t iteration) {
        return static_cast<std::uint32_t>(iteration / 2);
    }
    // The counter's words after the first (which counts iterations).
    constexpr std::uint32_t word1() const { return static_cast<std::uint32_t>(purpose); }
    constexpr std::uint32_t word2() const { return static_cast<std::uint32_t>(variable); }
    constexpr std::uint32_t word3() const { return static_cast<std::uint32_t>(variable >> 32); }
    constexpr PhiloxKey key() const {
        return {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)};
    }
};

// How a run draws: its seed, and Latin-hypercube strata (0 for plain Monte Carlo).
struct Sampling {
    std::uint64_t seed = 0;
    // Latin hypercube over this many iterations: a variable's iteration i falls in stratum
    // permuted(i) of [0, 1) cut in `strata` equal parts.
    std::uint32_t strata = 0;

    // The uniforms of iterations first .. first + count - 1 of a variable, into u. The
    // plain draw stays a loop the compiler vectorises; strata are laid on afterwards.
    void fill(std::uint64_t variable, StreamPurpose purpose, std::uint64_t first, std::size_t count,
              double* u) const {
        RandomStream{seed, variable, purpose}.uniforms(static_cast<std::uint32_t>(first), count, u);
        if (strata == 0) return;
        const std::uint64_t key = mix64(seed ^ mix64(variable ^ mix64(std::uint64_t(purpose))));
        for (std::size_t i = 0; i < count; ++i) {
            const double stratum = permuted(static_cast<std::uint32_t>(first + i), strata, key);
            // Rounding may carry the top stratum's sum up to 1.0: keep it inside (0, 1).
            u[i] = std::min((stratum + u[i]) / strata, 1.0 - 0x1p-53);
        }
    }
};

}  // namespace pipesim
