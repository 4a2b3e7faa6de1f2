#include "stats/tally_bytes.hpp"

#include <algorithm>
#include <string>

namespace pipesim {
namespace {

constexpr std::uint32_t magic = 0x4c545350;  // "PSTL" read as little-endian

void tag(ByteReader& in, char expected, std::string_view tally) {
    const auto found = static_cast<char>(in.u8(tally));
    if (found != expected)
        in.fail(tally,
                std::string("found the tag '") + found + "' where '" + expected + "' was expected");
}

void expect(ByteReader& in, std::string_view field, std::uint64_t found, std::uint64_t expected) {
    if (found != expected)
        in.fail(field, "is " + std::to_string(found) + " where " + std::to_string(expected) +
                           " was expected");
}

}  // namespace

void TallyBytes::header(ByteWriter& out, char kind) {
    out.u32(magic);
    out.u32(tally_format_version);
    out.u8(static_cast<std::uint8_t>(kind));
}

void TallyBytes::header(ByteReader& in, char kind) {
    if (in.u32("magic") != magic) in.fail("magic", "not a pipesim tally message");
    const std::uint32_t version = in.u32("version");
    if (version != tally_format_version)
        in.fail("version", "format version " + std::to_string(version) + "; this pipesim reads " +
                               std::to_string(tally_format_version) +
                               " (every process must run the same pipesim)");
    tag(in, kind, "message kind");
}

void TallyBytes::write(ByteWriter& out, const FinishHistograms& tally) {
    out.u8('H');
    out.u64(static_cast<std::uint64_t>(tally.bins_));
    out.u32s(tally.counts_);
}

void TallyBytes::read(ByteReader& in, FinishHistograms& tally) {
    tag(in, 'H', "finish histograms");
    expect(in, "finish histograms: bins", in.u64("finish histograms: bins"),
           static_cast<std::uint64_t>(tally.bins_));
    in.u32s("finish histograms: counts", tally.counts_);
}

void TallyBytes::write(ByteWriter& out, const FinishMoments& tally) {
    out.u8('M');
    out.f64s(tally.sums_);
}

void TallyBytes::read(ByteReader& in, FinishMoments& tally) {
    tag(in, 'M', "finish moments");
    in.f64s("finish moments: sums", tally.sums_);
}

void TallyBytes::write(ByteWriter& out, const ValueHistogram& tally) {
    out.u8('V');
    out.f64(tally.width_);
    out.u32s(tally.counts_);
    out.f64s(tally.smallest_);
    out.f64s(tally.largest_);
}

void TallyBytes::read(ByteReader& in, ValueHistogram& tally) {
    tag(in, 'V', "value histogram");
    if (in.f64("value histogram: width") != tally.width_)
        in.fail("value histogram: width", "differs from this process's");
    in.u32s("value histogram: counts", tally.counts_);
    in.f64s("value histogram: smallest", tally.smallest_);
    in.f64s("value histogram: largest", tally.largest_);
}

void TallyBytes::write(ByteWriter& out, const LedgerHistograms& tally) {
    out.u8('L');
    out.u64(tally.at_dates.size());
    for (const ValueHistogram& h : tally.at_dates) write(out, h);
    out.u64(tally.at_deadline.size());
    for (const ValueHistogram& h : tally.at_deadline) write(out, h);
    write(out, tally.reached);
}

void TallyBytes::read(ByteReader& in, LedgerHistograms& tally) {
    tag(in, 'L', "ledger histograms");
    expect(in, "ledger histograms: report dates", in.u64("ledger histograms: report dates"),
           tally.at_dates.size());
    for (ValueHistogram& h : tally.at_dates) read(in, h);
    expect(in, "ledger histograms: deadlines", in.u64("ledger histograms: deadlines"),
           tally.at_deadline.size());
    for (ValueHistogram& h : tally.at_deadline) read(in, h);
    read(in, tally.reached);
}

void TallyBytes::write(ByteWriter& out, const LedgerSums& tally) {
    out.u8('S');
    out.f64s(tally.at_dates_);
    out.f64s(tally.deadline_);
}

void TallyBytes::read(ByteReader& in, LedgerSums& tally) {
    tag(in, 'S', "ledger sums");
    in.f64s("ledger sums: at report dates", tally.at_dates_);
    in.f64s("ledger sums: at deadlines", tally.deadline_);
}

void TallyBytes::write(ByteWriter& out, const RankCorrelationSums& tally) {
    out.u8('R');
    out.i64(tally.n_);
    out.i64s(tally.cross_);
    out.i64s(tally.input_);
    out.i64s(tally.subject_);
}

void TallyBytes::read(ByteReader& in, RankCorrelationSums& tally) {
    tag(in, 'R', "rank correlation sums");
    tally.n_ = in.i64("rank correlation sums: iterations");
    in.i64s("rank correlation sums: cross products", tally.cross_);
    in.i64s("rank correlation sums: inputs", tally.input_);
    in.i64s("rank correlation sums: subjects", tally.subject_);
}

void TallyBytes::write(ByteWriter& out, const OutcomeBits& tally, std::uint64_t first,
                       std::uint64_t last) {
    // Iterations past the run's (a share without chunks, bits that are not kept) have no
    // words.
    const OutcomeBits::WordRange words = OutcomeBits::words_of(first, last);
    const std::size_t from = std::min(words.first, tally.words_per_promise_);
    const std::size_t to = std::clamp(words.last, from, tally.words_per_promise_);
    out.u8('O');
    out.u64(tally.promises_);
    out.u64(tally.words_per_promise_);
    out.u64(from);
    out.u64(to - from);
    for (std::size_t p = 0; p < tally.promises_; ++p)
        for (std::size_t w = from; w < to; ++w)
            out.u64(tally.words_[p * tally.words_per_promise_ + w]);
}

void TallyBytes::write(ByteWriter& out, const OutcomeBits& tally) {
    write(out, tally, 0, std::uint64_t{64} * tally.words_per_promise_);
}

void TallyBytes::read(ByteReader& in, OutcomeBits& tally) {
    tag(in, 'O', "outcome bits");
    expect(in, "outcome bits: promises", in.u64("outcome bits: promises"), tally.promises_);
    expect(in, "outcome bits: words per promise", in.u64("outcome bits: words per promise"),
           tally.words_per_promise_);
    const std::uint64_t first = in.u64("outcome bits: first word");
    const std::uint64_t count = in.u64("outcome bits: words");
    if (first > tally.words_per_promise_ || count > tally.words_per_promise_ - first)
        in.fail("outcome bits: words",
                "lie past the promise's " + std::to_string(tally.words_per_promise_) + " words");
    for (std::size_t p = 0; p < tally.promises_; ++p)
        for (std::uint64_t w = first; w < first + count; ++w)
            tally.words_[p * tally.words_per_promise_ + w] |= in.u64("outcome bits: word");
}

void TallyBytes::write(ByteWriter& out, const std::vector<std::uint64_t>& counts) {
    out.u8('C');
    out.u64s(counts);
}

void TallyBytes::read(ByteReader& in, std::vector<std::uint64_t>& counts) {
    tag(in, 'C', "counts");
    in.u64s("counts", counts);
}

}  // namespace pipesim
