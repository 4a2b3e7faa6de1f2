#pragma once
// The ledger's part of a block of iterations. As the forward pass schedules each node, the
// node's flows are drawn for every iteration of the block (how much, from when, over how
// long); once the block is scheduled, every measure is totalled at the report dates, and
// every target's total at its deadline and the day it reaches its threshold are tallied.

#include <cstdint>
#include <span>
#include <vector>

#include "engine/iteration_draws.hpp"
#include "engine/quantile_function.hpp"
#include "graph/network.hpp"
#include "stats/ledger_tallies.hpp"

namespace pipesim {

// A worker's scratch for the ledger of one block; reused from block to block.
struct LedgerBlock {
    LedgerBlock(const Ledger& ledger, std::size_t lanes);
    std::size_t lanes;
    std::vector<double> uniforms;  // one row
    std::vector<double> factor;    // one row
    std::vector<double> start;     // flow-major rows: when each flow starts arriving
    std::vector<double> length;    // over how many days (0: all at once)
    std::vector<double> amount;    // how much in all
    std::vector<double> totals;    // per report date, for one lane
    std::vector<double> steps;     // per report date + 1: amounts complete from that date on
};

class LedgerPass {
  public:
    explicit LedgerPass(const Network& network);

    // Draws the flows of `node` for the block, given the node's start and finish rows.
    // `hits` holds a row per risk hitting the node (1 where it hits).
    void record(NodeIndex node, const Sampling& sampling, std::uint64_t first_iteration,
                std::size_t count, const double* start, const double* finish, const double* hits,
                const BlockDraws& draws, LedgerBlock& block) const;

    // Tallies the measures and targets of the block's first `count` iterations; with
    // `targets_only`, the measures' totals at the report dates are left out. With
    // `days_reached`, each target's day reached goes there too, as days_reached does.
    void tally(LedgerBlock& block, std::size_t count, LedgerHistograms& histograms,
               LedgerSums& sums, bool targets_only = false,
               std::int64_t* days_reached = nullptr) const;
    // The day index each target reaches its threshold in each of the block's first `count`
    // iterations, into days[target * block.lanes + lane] (the horizon's length: not within
    // it).
    void days_reached(LedgerBlock& block, std::size_t count, std::int64_t* days) const;

  private:
    struct CompiledFlow {
        BlockVariable amount;
        std::optional<BlockVariable> factor;
        std::optional<BlockVariable> days;
        std::optional<BlockVariable> uplift;
    };

    // Where the flow starts arriving and over how long, by its span.
    void place(const Flow& flow, const CompiledFlow& compiled, const Sampling& sampling,
               std::uint64_t first_iteration, std::size_t count, const double* start,
               const double* finish, const BlockDraws& draws, double* from, double* length,
               LedgerBlock& block) const;

    // The measure's total by time t in one lane.
    double total_at(const Measure& measure, const LedgerBlock& block, std::size_t lane,
                    double t) const;
    // Its totals at every report date, into block.totals.
    void totals_at_dates(const Measure& measure, LedgerBlock& block, std::size_t lane) const;
    // The day index by whose end the measure first reaches the threshold; the horizon's
    // length when it does not within the horizon. Needs the measure's totals at the
    // report dates in block.totals.
    std::int64_t day_reached(const Measure& measure, const LedgerBlock& block, std::size_t lane,
                             double threshold) const;
    // Returns the day it reaches its threshold.
    std::int64_t tally_target(std::size_t target, const LedgerBlock& block, std::size_t lane,
                              LedgerHistograms& histograms, LedgerSums& sums) const;

    const Network& network_;
    const Ledger& ledger_;
    BetaQuantileTables tables_;
    std::vector<CompiledFlow> flows_;
    std::vector<double> report_times_;                  // per report date: the end of its day
    std::vector<double> deadline_times_;                // per target
    std::vector<std::int64_t> report_days_;             // per report date: its day index
    std::vector<std::vector<std::size_t>> targets_of_;  // per measure
};

}  // namespace pipesim
