#include "engine/run_share.hpp"

#include <algorithm>

#include "engine/simulation.hpp"
#include "stats/tally_bytes.hpp"

namespace pipesim {
namespace {

// Reads the chunk range of a share and checks that it continues the merged chunks.
std::uint64_t chunks_following(ByteReader& in, std::uint64_t& next_chunk) {
    const std::uint64_t first = in.u64("first chunk");
    if (first != next_chunk)
        in.fail("first chunk", "is " + std::to_string(first) + " where chunk " +
                                   std::to_string(next_chunk) + " comes next");
    const std::uint64_t count = in.u64("chunks");
    next_chunk += count;
    return count;
}

}  // namespace

std::string share_to_bytes(const RunShare& share, std::uint64_t iterations) {
    ByteWriter out;
    TallyBytes::header(out, 'R');
    out.u64(share.first_chunk);
    out.u64(share.chunks.size());
    for (const ChunkSums& chunk : share.chunks) {
        TallyBytes::write(out, chunk.finishes);
        TallyBytes::write(out, chunk.ledger);
    }
    TallyBytes::write(out, share.histograms);
    TallyBytes::write(out, share.ledger_histograms);
    TallyBytes::write(out, share.critical_counts);
    const std::uint64_t first = share.first_chunk * iterations_per_chunk;
    const std::uint64_t last =
        std::min(iterations, (share.first_chunk + share.chunks.size()) * iterations_per_chunk);
    TallyBytes::write(out, *share.outcomes, first, last);
    return out.take();
}

void merge_share(std::string_view bytes, const ChunkSums& zero, std::uint64_t& next_chunk,
                 Tallies& total) {
    ByteReader in(bytes, "a process's share of the run");
    TallyBytes::header(in, 'R');
    for (std::uint64_t c = chunks_following(in, next_chunk); c > 0; --c) {
        ChunkSums chunk = zero;
        TallyBytes::read(in, chunk.finishes);
        TallyBytes::read(in, chunk.ledger);
        total.moments.merge(chunk.finishes);
        total.ledger_sums.merge(chunk.ledger);
    }
    FinishHistograms histograms = total.histograms;
    TallyBytes::read(in, histograms);
    total.histograms.merge(histograms);
    LedgerHistograms ledger = total.ledger_histograms;
    TallyBytes::read(in, ledger);
    total.ledger_histograms.merge(ledger);
    std::vector<std::uint64_t> critical(total.critical_counts.size());
    TallyBytes::read(in, critical);
    for (std::size_t i = 0; i < critical.size(); ++i) total.critical_counts[i] += critical[i];
    TallyBytes::read(in, total.outcomes);
    in.expect_end();
}

std::string tallies_to_bytes(const Tallies& tallies) {
    ByteWriter out;
    TallyBytes::header(out, 'T');
    out.u64(tallies.iterations);
    TallyBytes::write(out, tallies.histograms);
    TallyBytes::write(out, tallies.moments);
    TallyBytes::write(out, tallies.ledger_histograms);
    TallyBytes::write(out, tallies.ledger_sums);
    TallyBytes::write(out, tallies.critical_counts);
    TallyBytes::write(out, tallies.outcomes);
    return out.take();
}

void tallies_from_bytes(std::string_view bytes, Tallies& shaped) {
    ByteReader in(bytes, "the merged tallies");
    TallyBytes::header(in, 'T');
    shaped.iterations = in.u64("iterations");
    TallyBytes::read(in, shaped.histograms);
    TallyBytes::read(in, shaped.moments);
    TallyBytes::read(in, shaped.ledger_histograms);
    TallyBytes::read(in, shaped.ledger_sums);
    TallyBytes::read(in, shaped.critical_counts);
    TallyBytes::read(in, shaped.outcomes);
    in.expect_end();
}

std::string share_to_bytes(const SensitivityShare& share) {
    ByteWriter out;
    TallyBytes::header(out, 'D');
    out.u64(share.first_chunk);
    out.u64(share.durations.size());
    for (const FinishMoments& chunk : share.durations) TallyBytes::write(out, chunk);
    TallyBytes::write(out, share.ranks);
    return out.take();
}

void merge_share(std::string_view bytes, const FinishMoments& zero, std::uint64_t& next_chunk,
                 SensitivityTallies& total) {
    ByteReader in(bytes, "a process's share of the sensitivity replay");
    TallyBytes::header(in, 'D');
    for (std::uint64_t c = chunks_following(in, next_chunk); c > 0; --c) {
        FinishMoments chunk = zero;
        TallyBytes::read(in, chunk);
        total.durations.merge(chunk);
    }
    RankCorrelationSums ranks = total.ranks;
    TallyBytes::read(in, ranks);
    total.ranks.merge(ranks);
    in.expect_end();
}

std::string sensitivity_to_bytes(const SensitivityTallies& tallies) {
    ByteWriter out;
    TallyBytes::header(out, 'E');
    TallyBytes::write(out, tallies.durations);
    TallyBytes::write(out, tallies.ranks);
    return out.take();
}

void sensitivity_from_bytes(std::string_view bytes, SensitivityTallies& shaped) {
    ByteReader in(bytes, "the merged sensitivity sums");
    TallyBytes::header(in, 'E');
    TallyBytes::read(in, shaped.durations);
    TallyBytes::read(in, shaped.ranks);
    in.expect_end();
}

}  // namespace pipesim
