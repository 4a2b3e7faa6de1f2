// Every tally survives its byte format unchanged (serialise, read into a tally of the same
// shape, equal), and bytes of another shape, version or length are refused by name.

#include <gtest/gtest.h>

#include <limits>

#include "engine/simulation.hpp"
#include "stats/tally_bytes.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

// `tally` written, then read into `shaped` (a tally of the same shape, otherwise empty).
template <typename Tally>
Tally round_trip(const Tally& tally, Tally shaped) {
    ByteWriter out;
    TallyBytes::write(out, tally);
    ByteReader in(out.bytes(), "test");
    TallyBytes::read(in, shaped);
    in.expect_end();
    return shaped;
}

std::string error_of(const std::function<void()>& read) {
    try {
        read();
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "no error";
}

TEST(TallyBytes, FinishHistograms) {
    FinishHistograms tally(3, 10);
    tally.add(0, 2);
    tally.add(2, 99);  // after the horizon
    tally.add(1, 7);
    tally.add(1, 7);
    const FinishHistograms back = round_trip(tally, FinishHistograms(3, 10));
    EXPECT_EQ(back, tally);
    EXPECT_EQ(back.of(1)[7], 2u);
    EXPECT_NE(back, FinishHistograms(3, 10));
}

TEST(TallyBytes, FinishMomentsToTheLastBit) {
    const auto shifts = std::make_shared<const std::vector<double>>(std::vector<double>{1.5, 20});
    FinishMoments tally(shifts);
    tally.add(0, 0.1);
    tally.add(0, 1.0 / 3.0);
    tally.add(1, std::numeric_limits<double>::infinity());  // never happens
    tally.add(1, 123.456789);
    const FinishMoments back = round_trip(tally, FinishMoments(shifts));
    EXPECT_EQ(back, tally);
    EXPECT_EQ(back.mean(0), tally.mean(0));
    EXPECT_EQ(back.standard_deviation(0), tally.standard_deviation(0));
}

TEST(TallyBytes, ValueHistogram) {
    ValueHistogram tally(500.0, false, 100);
    for (const double v : {0.0, 3.25, 499.9, 1e-300, 250.0, 250.0}) tally.add(v);
    const ValueHistogram back = round_trip(tally, ValueHistogram(500.0, false, 100));
    EXPECT_EQ(back, tally);
    EXPECT_EQ(back.quantile(0.5, 6), tally.quantile(0.5, 6));
}

TEST(TallyBytes, RankCorrelationSums) {
    RankCorrelationSums tally(2, 3);
    const std::vector<double> inputs{1, -2, 3, 40, -50, 60, 7, 8, -9};  // 3 lanes x 3 inputs
    const std::vector<double> subjects{5, 6, -7, -1, 2, 3};             // 3 lanes x 2 subjects
    tally.add_block(inputs, subjects, 3, 3);
    const RankCorrelationSums back = round_trip(tally, RankCorrelationSums(2, 3));
    EXPECT_EQ(back, tally);
    EXPECT_EQ(back.correlation(1, 2), tally.correlation(1, 2));
}

TEST(TallyBytes, OutcomeBitsWholeAndInShares) {
    OutcomeBits tally(2, 3000);
    for (const std::uint64_t i : {0u, 63u, 64u, 1500u, 2999u}) tally.set(1, i);
    tally.set(0, 2048);
    EXPECT_EQ(round_trip(tally, OutcomeBits(2, 3000)), tally);
    // Shares of disjoint iterations, as processes send them, or together into the whole.
    OutcomeBits merged(2, 3000);
    for (const auto& [first, last] : {std::pair{0, 1024}, {2048, 3000}, {1024, 2048}}) {
        ByteWriter out;
        TallyBytes::write(out, tally, first, last);
        ByteReader in(out.bytes(), "test");
        TallyBytes::read(in, merged);
    }
    EXPECT_EQ(merged, tally);
}

TEST(TallyBytes, CriticalCounts) {
    const std::vector<std::uint64_t> counts{0, 7, std::uint64_t{1} << 40};
    EXPECT_EQ(round_trip(counts, std::vector<std::uint64_t>(3)), counts);
}

// Ledger tallies take their shape from a network's ledger: a run's, with money and a target.
TEST(TallyBytes, LedgerHistogramsAndSums) {
    const Network network = testing::network_from(testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: uniform, min: 10, max: 90}, cost: {amount: {dist: uniform, min: 5, max: 9}}}
    milestones:
      - {id: done, after: [a], target: 2024-03-01}
)") + R"(targets:
  - id: done-counted
    measure: milestones
    of: {milestones: [p.done]}
    at_least: 1
    by: 2024-03-01
)");
    RunSettings settings;
    settings.iterations = 2000;
    const Tallies run = simulate(network, settings);
    const LedgerHistograms empty(network.ledger, network.horizon_days());
    ASSERT_NE(run.ledger_histograms, empty);
    EXPECT_EQ(round_trip(run.ledger_histograms, empty), run.ledger_histograms);
    const LedgerSums back = round_trip(run.ledger_sums, LedgerSums(network.ledger));
    EXPECT_EQ(back, run.ledger_sums);
    EXPECT_EQ(back.mean_at_deadline(0, 2000), run.ledger_sums.mean_at_deadline(0, 2000));
}

TEST(TallyBytes, RefusesAnotherShapeNamingTheField) {
    FinishHistograms tally(3, 10);
    ByteWriter out;
    TallyBytes::write(out, tally);
    FinishHistograms other(4, 10);
    EXPECT_EQ(error_of([&] {
                  ByteReader in(out.bytes(), "a share");
                  TallyBytes::read(in, other);
              }),
              "a share, finish histograms: counts: holds 33 values where 44 were expected");
}

TEST(TallyBytes, RefusesShortBytesAndAnotherTally) {
    FinishMoments tally(std::make_shared<const std::vector<double>>(std::vector<double>{1, 2}));
    ByteWriter out;
    TallyBytes::write(out, tally);
    const std::string bytes = out.bytes();
    EXPECT_EQ(error_of([&] {
                  ByteReader in(std::string_view(bytes).substr(0, bytes.size() - 3), "a share");
                  TallyBytes::read(in, tally);
              }),
              "a share, finish moments: sums: the message ends after " +
                  std::to_string(bytes.size() - 3) + " bytes");
    FinishHistograms histograms(2, 1);
    EXPECT_EQ(error_of([&] {
                  ByteReader in(bytes, "a share");
                  TallyBytes::read(in, histograms);
              }),
              "a share, finish histograms: found the tag 'M' where 'H' was expected");
}

TEST(TallyBytes, MessagesCarryTheVersion) {
    ByteWriter out;
    TallyBytes::header(out, 'R');
    std::string bytes = out.bytes();
    ASSERT_EQ(bytes.substr(0, 4), "PSTL");
    EXPECT_EQ(error_of([&] {
                  ByteReader in(bytes, "a share");
                  TallyBytes::header(in, 'T');
              }),
              "a share, message kind: found the tag 'R' where 'T' was expected");
    bytes[4] = 2;  // the version's low byte
    EXPECT_EQ(error_of([&] {
                  ByteReader in(bytes, "a share");
                  TallyBytes::header(in, 'R');
              }),
              "a share, version: format version 2; this pipesim reads 1 (every process must run "
              "the same pipesim)");
}

}  // namespace
}  // namespace pipesim
