#pragma once
// The byte format of tallies, for the processes of one run to send each other their
// shares (version `tally_format_version`). Built on core/byte_stream.hpp: integers are
// little-endian, doubles IEEE-754 bit patterns, a list is a u64 count and its values.
//
//   message          "PSTL" (4 bytes), u32 version, u8 kind, then the kind's tallies
//   FinishHistograms u8 'H', u64 bins per slot, u32 list of counts (slot-major)
//   FinishMoments    u8 'M', f64 list of sums (count, sum, sum of squares per slot)
//   ValueHistogram   u8 'V', f64 bin width, u32 list of counts, f64 lists of the
//                    smallest and largest value per bin
//   LedgerHistograms u8 'L', u64 count then each ValueHistogram at the report dates,
//                    u64 count then each at the deadlines, FinishHistograms of days reached
//   LedgerSums       u8 'S', f64 list at the report dates, f64 list at the deadlines
//   RankCorrelation  u8 'R', i64 iterations, i64 lists: cross sums, inputs', subjects'
//   OutcomeBits      u8 'O', u64 promises, u64 words per promise, u64 first word, u64
//                    words, then per promise that many u64 words
//   counts           u8 'C', u64 list
//
// A reader fills a tally already shaped by the receiver (who knows the network), and
// refuses bytes whose shape differs, naming the tally and the field. Shifts, thresholds
// and other parts every process derives from the network are not sent. Outcome bits are
// or-ed in: shares of disjoint iterations add up.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/byte_stream.hpp"
#include "stats/finish_tallies.hpp"
#include "stats/ledger_tallies.hpp"
#include "stats/outcome_bits.hpp"
#include "stats/rank_correlation.hpp"
#include "stats/value_histogram.hpp"

namespace pipesim {

inline constexpr std::uint32_t tally_format_version = 1;

struct TallyBytes {
    static void header(ByteWriter& out, char kind);
    // Throws unless the bytes start with the magic, this version and `kind`.
    static void header(ByteReader& in, char kind);

    static void write(ByteWriter& out, const FinishHistograms& tally);
    static void read(ByteReader& in, FinishHistograms& tally);
    static void write(ByteWriter& out, const FinishMoments& tally);
    static void read(ByteReader& in, FinishMoments& tally);
    static void write(ByteWriter& out, const ValueHistogram& tally);
    static void read(ByteReader& in, ValueHistogram& tally);
    static void write(ByteWriter& out, const LedgerHistograms& tally);
    static void read(ByteReader& in, LedgerHistograms& tally);
    static void write(ByteWriter& out, const LedgerSums& tally);
    static void read(ByteReader& in, LedgerSums& tally);
    static void write(ByteWriter& out, const RankCorrelationSums& tally);
    static void read(ByteReader& in, RankCorrelationSums& tally);
    // The words of iterations [first, last); `first` a multiple of 64.
    static void write(ByteWriter& out, const OutcomeBits& tally, std::uint64_t first,
                      std::uint64_t last);
    static void write(ByteWriter& out, const OutcomeBits& tally);
    static void read(ByteReader& in, OutcomeBits& tally);
    static void write(ByteWriter& out, const std::vector<std::uint64_t>& counts);
    static void read(ByteReader& in, std::vector<std::uint64_t>& counts);
};

}  // namespace pipesim
