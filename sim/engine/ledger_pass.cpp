#include "engine/ledger_pass.hpp"

#include <algorithm>
#include <cmath>

namespace pipesim {
namespace {

// Totals are sums of floating-point amounts: a threshold counts as reached within a
// relative 1e-9 of it, so that 0.1 + 0.2 reaches 0.3.
bool reaches(double total, double threshold) {
    return total >= threshold - 1e-9 * std::max(1.0, std::abs(threshold));
}

// The share of a flow that has arrived by time t.
double arrived(SpendProfile profile, double start, double length, double t) {
    if (length <= 0.0) return t >= start ? 1.0 : 0.0;
    return share_spent(profile, std::clamp((t - start) / length, 0.0, 1.0));
}

}  // namespace

LedgerBlock::LedgerBlock(const Ledger& ledger, std::size_t lanes)
    : lanes(lanes),
      uniforms(lanes),
      factor(lanes),
      start(ledger.flows.size() * lanes),
      length(ledger.flows.size() * lanes),
      amount(ledger.flows.size() * lanes),
      totals(ledger.report_dates.size()),
      steps(ledger.report_dates.size() + 1) {}

LedgerPass::LedgerPass(const Network& network) : network_(network), ledger_(network.ledger) {
    for (const Flow& flow : ledger_.flows) {
        CompiledFlow compiled{BlockVariable(flow.amount, network, tables_), {}, {}, {}};
        if (flow.factor) compiled.factor.emplace(*flow.factor, network, tables_);
        if (flow.days) compiled.days.emplace(*flow.days, network, tables_);
        if (flow.uplift) compiled.uplift.emplace(*flow.uplift, network, tables_);
        flows_.push_back(std::move(compiled));
    }
    for (Date date : ledger_.report_dates) {
        report_times_.push_back(deadline_time(network.plan_start, date));
        report_days_.push_back(date - network.plan_start);
    }
    targets_of_.resize(ledger_.measures.size());
    for (std::size_t t = 0; t < ledger_.targets.size(); ++t)
        targets_of_[ledger_.targets[t].measure].push_back(t);
    for (const NetworkTarget& target : ledger_.targets)
        deadline_times_.push_back(deadline_time(network.plan_start, target.deadline));
}

void LedgerPass::record(NodeIndex node, const Sampling& sampling, std::uint64_t first_iteration,
                        std::size_t count, const double* start, const double* finish,
                        const double* hits, const BlockDraws& draws, LedgerBlock& block) const {
    for (auto f = ledger_.flow_begin[node]; f < ledger_.flow_begin[node + 1]; ++f) {
        const Flow& flow = ledger_.flows[f];
        const CompiledFlow& compiled = flows_[f];
        double* from = block.start.data() + f * block.lanes;
        double* length = block.length.data() + f * block.lanes;
        double* amount = block.amount.data() + f * block.lanes;
        compiled.amount.draw(sampling, first_iteration, count, block.uniforms, draws, amount);
        if (compiled.factor) {
            compiled.factor->draw(sampling, first_iteration, count, block.uniforms, draws,
                                  block.factor.data());
            for (std::size_t i = 0; i < count; ++i) amount[i] *= block.factor[i];
        }
        if (compiled.uplift) {
            compiled.uplift->draw(sampling, first_iteration, count, block.uniforms, draws,
                                  block.factor.data());
            for (std::size_t i = 0; i < count; ++i) amount[i] *= 1.0 + block.factor[i];
        }
        if (flow.per_day)
            for (std::size_t i = 0; i < count; ++i) amount[i] *= finish[i] - start[i];
        if (flow.risk_slot != not_a_risk) {
            const double* hit = hits + static_cast<std::size_t>(flow.risk_slot) * block.lanes;
            for (std::size_t i = 0; i < count; ++i) amount[i] *= hit[i];
        }
        place(flow, compiled, sampling, first_iteration, count, start, finish, draws, from, length,
              block);
        // A node that never happens brings nothing (and its infinite times no NaN).
        for (std::size_t i = 0; i < count; ++i) {
            const bool happens = std::isfinite(from[i]);
            amount[i] = happens ? amount[i] : 0.0;
            length[i] = happens ? length[i] : 0.0;
        }
    }
}

void LedgerPass::place(const Flow& flow, const CompiledFlow& compiled, const Sampling& sampling,
                       std::uint64_t first_iteration, std::size_t count, const double* start,
                       const double* finish, const BlockDraws& draws, double* from, double* length,
                       LedgerBlock& block) const {
    switch (flow.span) {
        case FlowSpan::over_node:
            std::copy(start, start + count, from);
            for (std::size_t i = 0; i < count; ++i) length[i] = finish[i] - start[i];
            return;
        case FlowSpan::at_start:
            std::copy(start, start + count, from);
            break;
        case FlowSpan::at_finish:
            std::copy(finish, finish + count, from);
            break;
        case FlowSpan::after_finish:
            std::copy(finish, finish + count, from);
            compiled.days->draw(sampling, first_iteration, count, block.uniforms, draws, length);
            return;
        case FlowSpan::at_status_date:
            std::fill(from, from + count,
                      static_cast<double>(network_.status_date - network_.plan_start));
            break;
    }
    std::fill(length, length + count, 0.0);
}

double LedgerPass::total_at(const Measure& measure, const LedgerBlock& block, std::size_t lane,
                            double t) const {
    double total = 0.0;
    for (FlowIndex f : measure.flows) {
        const std::size_t at = f * block.lanes + lane;
        if (block.amount[at] == 0.0) continue;
        total += block.amount[at] *
                 arrived(ledger_.flows[f].profile, block.start[at], block.length[at], t);
    }
    return total;
}

// Each flow touches only the dates inside its span; what is complete before a date is
// carried forward by a running sum, so a flow costs a search, not one step per date.
void LedgerPass::totals_at_dates(const Measure& measure, LedgerBlock& block,
                                 std::size_t lane) const {
    std::fill(block.totals.begin(), block.totals.end(), 0.0);
    std::fill(block.steps.begin(), block.steps.end(), 0.0);
    const auto dates = report_times_.size();
    for (FlowIndex f : measure.flows) {
        const std::size_t at = f * block.lanes + lane;
        const double amount = block.amount[at];
        if (amount == 0.0) continue;
        const double from = block.start[at];
        const double length = block.length[at];
        const double until = from + length;
        auto d = static_cast<std::size_t>(
            (length > 0.0 ? std::upper_bound(report_times_.begin(), report_times_.end(), from)
                          : std::lower_bound(report_times_.begin(), report_times_.end(), from)) -
            report_times_.begin());
        for (; d < dates && report_times_[d] < until; ++d)
            block.totals[d] +=
                amount * arrived(ledger_.flows[f].profile, from, length, report_times_[d]);
        block.steps[d] += amount;
    }
    double complete = 0.0;
    for (std::size_t d = 0; d < dates; ++d) {
        complete += block.steps[d];
        block.totals[d] += complete;
    }
}

// The report dates bracket the day (the last report date is the horizon's end); bisection
// over the days between two of them finds it.
std::int64_t LedgerPass::day_reached(const Measure& measure, const LedgerBlock& block,
                                     std::size_t lane, double threshold) const {
    const auto first_date = static_cast<std::size_t>(
        std::find_if(block.totals.begin(), block.totals.end(),
                     [&](double total) { return reaches(total, threshold); }) -
        block.totals.begin());
    if (first_date == block.totals.size()) return network_.horizon_days();
    std::int64_t low = first_date == 0 ? 0 : report_days_[first_date - 1] + 1;
    std::int64_t high = report_days_[first_date];  // the answer lies in [low, high]
    while (low < high) {
        const std::int64_t middle = low + (high - low) / 2;
        const double by_end_of_middle = static_cast<double>(middle + 1);
        if (reaches(total_at(measure, block, lane, by_end_of_middle), threshold))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

std::int64_t LedgerPass::tally_target(std::size_t t, const LedgerBlock& block, std::size_t lane,
                                      LedgerHistograms& histograms, LedgerSums& sums) const {
    const NetworkTarget& target = ledger_.targets[t];
    const Measure& measure = ledger_.measures[target.measure];
    const double total = total_at(measure, block, lane, deadline_times_[t]);
    histograms.at_deadline[t].add(total);
    sums.add_at_deadline(t, total);
    const std::int64_t day = day_reached(measure, block, lane, target.threshold);
    histograms.reached.add(t, day);
    return day;
}

void LedgerPass::tally(LedgerBlock& block, std::size_t count, LedgerHistograms& histograms,
                       LedgerSums& sums, bool targets_only, std::int64_t* days_reached) const {
    const std::size_t dates = report_times_.size();
    for (std::size_t lane = 0; lane < count; ++lane) {
        for (std::size_t m = 0; m < ledger_.measures.size(); ++m) {
            if (targets_only && targets_of_[m].empty()) continue;
            totals_at_dates(ledger_.measures[m], block, lane);
            for (std::size_t d = 0; d < dates && !targets_only; ++d) {
                histograms.at_dates[m * dates + d].add(block.totals[d]);
                sums.add_at_date(m, d, block.totals[d]);
            }
            for (std::size_t t : targets_of_[m]) {
                const std::int64_t day = tally_target(t, block, lane, histograms, sums);
                if (days_reached) days_reached[t * block.lanes + lane] = day;
            }
        }
    }
}

void LedgerPass::days_reached(LedgerBlock& block, std::size_t count, std::int64_t* days) const {
    for (std::size_t lane = 0; lane < count; ++lane)
        for (std::size_t m = 0; m < ledger_.measures.size(); ++m) {
            if (targets_of_[m].empty()) continue;
            totals_at_dates(ledger_.measures[m], block, lane);
            for (std::size_t t : targets_of_[m])
                days[t * block.lanes + lane] =
                    day_reached(ledger_.measures[m], block, lane, ledger_.targets[t].threshold);
        }
}

}  // namespace pipesim
