#include "stats/rank_correlation.hpp"

#include <Eigen/Core>
#include <cmath>

namespace pipesim {
namespace {

constexpr double scale = 32768.0;  // 15 fractional bits: |rank - 1/2| * scale <= 2^14

using Rows = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic>>;

}  // namespace

RankCorrelationSums::RankCorrelationSums(std::size_t subjects, std::size_t inputs)
    : subjects_(subjects),
      inputs_(inputs),
      cross_(subjects * inputs, 0),
      input_(2 * inputs, 0),
      subject_(2 * subjects, 0) {}

double RankCorrelationSums::quantised(double rank) {
    return std::nearbyint((rank - 0.5) * scale);
}

// Products are at most 2^28 and a block has a few hundred lanes, so the matrix product's
// sums stay far below 2^53: exact whatever order the product adds them in.
void RankCorrelationSums::add_block(std::span<const double> inputs,
                                    std::span<const double> subjects, std::size_t lanes,
                                    std::size_t count) {
    const auto rows = static_cast<Eigen::Index>(count);
    const Rows a(inputs.data(), static_cast<Eigen::Index>(lanes),
                 static_cast<Eigen::Index>(inputs_));
    const Rows b(subjects.data(), static_cast<Eigen::Index>(lanes),
                 static_cast<Eigen::Index>(subjects_));
    const Eigen::MatrixXd products = b.topRows(rows).transpose() * a.topRows(rows);
    for (std::size_t s = 0; s < subjects_; ++s)
        for (std::size_t i = 0; i < inputs_; ++i)
            cross_[s * inputs_ + i] += static_cast<std::int64_t>(
                products(static_cast<Eigen::Index>(s), static_cast<Eigen::Index>(i)));
    const auto add_sums = [&](const Rows& m, std::vector<std::int64_t>& sums) {
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            const auto column = m.col(c).head(rows);
            sums[2 * static_cast<std::size_t>(c)] += static_cast<std::int64_t>(column.sum());
            sums[2 * static_cast<std::size_t>(c) + 1] +=
                static_cast<std::int64_t>(column.squaredNorm());
        }
    };
    add_sums(a, input_);
    add_sums(b, subject_);
    n_ += static_cast<std::int64_t>(count);
}

void RankCorrelationSums::merge(const RankCorrelationSums& other) {
    n_ += other.n_;
    for (std::size_t i = 0; i < cross_.size(); ++i) cross_[i] += other.cross_[i];
    for (std::size_t i = 0; i < input_.size(); ++i) input_[i] += other.input_[i];
    for (std::size_t i = 0; i < subject_.size(); ++i) subject_[i] += other.subject_[i];
}

std::optional<double> RankCorrelationSums::correlation(std::size_t subject,
                                                       std::size_t input) const {
    if (n_ < 2) return std::nullopt;
    const auto n = static_cast<long double>(n_);
    const auto centred = [n](std::int64_t sum, std::int64_t squares) {
        const auto s = static_cast<long double>(sum);
        return static_cast<long double>(squares) - s * s / n;
    };
    const long double var_a = centred(input_[2 * input], input_[2 * input + 1]);
    const long double var_b = centred(subject_[2 * subject], subject_[2 * subject + 1]);
    if (var_a <= 0 || var_b <= 0) return std::nullopt;
    const long double cov = static_cast<long double>(cross_[subject * inputs_ + input]) -
                            static_cast<long double>(input_[2 * input]) *
                                static_cast<long double>(subject_[2 * subject]) / n;
    return static_cast<double>(cov / std::sqrt(var_a * var_b));
}

std::vector<double> mid_ranks(std::span<const std::uint32_t> histogram, std::uint64_t total) {
    std::vector<double> ranks(histogram.size());
    std::uint64_t below = 0;
    for (std::size_t bin = 0; bin < histogram.size(); ++bin) {
        ranks[bin] = (static_cast<double>(below) + 0.5 * static_cast<double>(histogram[bin])) /
                     static_cast<double>(total);
        below += histogram[bin];
    }
    return ranks;
}

}  // namespace pipesim
