#pragma once
// What the processes of a shared run (engine/process_group.hpp) send each other, in the
// byte format of stats/tally_bytes.hpp:
//
//   'R' a process's share of a wave: u64 first chunk, u64 chunks, per chunk its
//       FinishMoments and LedgerSums; then FinishHistograms, LedgerHistograms, the
//       critical-path counts and the OutcomeBits of the share's iterations
//   'T' the merged tallies, from the first process to the others: u64 iterations,
//       FinishHistograms, FinishMoments, LedgerHistograms, LedgerSums, critical-path
//       counts, OutcomeBits
//   'D' a process's share of a sensitivity replay: u64 first chunk, u64 chunks, per chunk
//       the durations' FinishMoments; then RankCorrelationSums
//   'E' the merged sensitivity sums: FinishMoments, RankCorrelationSums
//
// Floating-point sums travel per chunk, because the first process must add them in chunk
// order, one chunk at a time, as a single process does: a process's partial total would
// round differently. Counts travel summed, since integers add up alike in any order.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stats/tallies.hpp"

namespace pipesim {

// What a chunk adds to the floating-point sums, merged in chunk order.
struct ChunkSums {
    FinishMoments finishes;
    LedgerSums ledger;
};

struct RunShare {
    std::uint64_t first_chunk = 0;
    std::vector<ChunkSums> chunks;  // in chunk order
    FinishHistograms histograms;
    LedgerHistograms ledger_histograms;
    std::vector<std::uint64_t> critical_counts;
    const OutcomeBits* outcomes;  // the run's bits, of which the share's iterations are sent
};

// `iterations`: the run's, where the last chunk ends.
std::string share_to_bytes(const RunShare& share, std::uint64_t iterations);
// Adds a share to `total` (shaped by the receiver): its sums chunk by chunk after the
// chunks already merged, whose count `next_chunk` keeps; throws std::runtime_error for a
// share that does not start there or has another shape.
void merge_share(std::string_view bytes, const ChunkSums& zero, std::uint64_t& next_chunk,
                 Tallies& total);

std::string tallies_to_bytes(const Tallies& tallies);
void tallies_from_bytes(std::string_view bytes, Tallies& shaped);

struct SensitivityShare {
    std::uint64_t first_chunk = 0;
    std::vector<FinishMoments> durations;  // per chunk, in chunk order
    RankCorrelationSums ranks;
};

std::string share_to_bytes(const SensitivityShare& share);
void merge_share(std::string_view bytes, const FinishMoments& zero, std::uint64_t& next_chunk,
                 SensitivityTallies& total);

std::string sensitivity_to_bytes(const SensitivityTallies& tallies);
void sensitivity_from_bytes(std::string_view bytes, SensitivityTallies& shaped);

}  // namespace pipesim
