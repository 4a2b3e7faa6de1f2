#include "stats/ledger_tallies.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace pipesim {

LedgerHistograms::LedgerHistograms(const Ledger& ledger, std::int32_t horizon_days)
    : dates(ledger.report_dates.size()), reached(ledger.targets.size(), horizon_days) {
    for (const Measure& measure : ledger.measures)
        for (std::size_t d = 0; d < dates; ++d)
            at_dates.emplace_back(measure.upper_bound, measure.whole, value_bins);
    for (const NetworkTarget& target : ledger.targets) {
        const Measure& measure = ledger.measures[target.measure];
        at_deadline.emplace_back(measure.upper_bound, measure.whole, value_bins);
    }
}

void LedgerHistograms::merge(const LedgerHistograms& other) {
    assert(other.at_dates.size() == at_dates.size());
    for (std::size_t i = 0; i < at_dates.size(); ++i) at_dates[i].merge(other.at_dates[i]);
    for (std::size_t i = 0; i < at_deadline.size(); ++i) at_deadline[i].merge(other.at_deadline[i]);
    reached.merge(other.reached);
}

LedgerSums::LedgerSums(const Ledger& ledger)
    : dates_(ledger.report_dates.size()),
      at_dates_(ledger.measures.size() * dates_, 0.0),
      deadline_(3 * ledger.targets.size(), 0.0) {
    for (const NetworkTarget& target : ledger.targets) thresholds_.push_back(target.threshold);
}

void LedgerSums::merge(const LedgerSums& other) {
    assert(other.at_dates_.size() == at_dates_.size());
    for (std::size_t i = 0; i < at_dates_.size(); ++i) at_dates_[i] += other.at_dates_[i];
    for (std::size_t i = 0; i < deadline_.size(); ++i) deadline_[i] += other.deadline_[i];
}

double LedgerSums::mean_at_date(std::size_t measure, std::size_t date, std::uint64_t n) const {
    return at_dates_[measure * dates_ + date] / static_cast<double>(n);
}

double LedgerSums::mean_at_deadline(std::size_t target, std::uint64_t n) const {
    return thresholds_[target] + deadline_[3 * target] / static_cast<double>(n);
}

double LedgerSums::sd_at_deadline(std::size_t target, std::uint64_t n) const {
    if (n < 2) return 0.0;
    const double count = static_cast<double>(n);
    const double sum = deadline_[3 * target];
    const double squares = std::max(0.0, deadline_[3 * target + 1] - sum * sum / count);
    return std::sqrt(squares / (count - 1.0));
}

double LedgerSums::expected_shortfall(std::size_t target, std::uint64_t n) const {
    return deadline_[3 * target + 2] / static_cast<double>(n);
}

}  // namespace pipesim
