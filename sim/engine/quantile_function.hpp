#pragma once
// Inverse CDFs compiled once per random variable, for the engine's inner loop: the engine
// draws u in (0, 1) from a RandomStream and a quantile function turns it into days or money.
//
// Every formula is our own code, never a std::*_distribution (their algorithms differ
// between standard libraries), so a seed gives the same numbers on every platform.

#include <cstddef>
#include <map>
#include <memory>
#include <span>
#include <utility>
#include <variant>
#include <vector>

#include "model/distribution.hpp"

namespace pipesim {

// Phi^-1, by Wichura's algorithm AS241 (PPND16): relative error near 1e-16 on (0, 1).
// Gives -inf at 0, +inf at 1 and NaN outside [0, 1].
double standard_normal_quantile(double p);
// Phi, the standard normal CDF.
double standard_normal_cdf(double x);

// The standard beta quantile for one (alpha, beta) shape, tabulated for interpolation.
struct BetaQuantileTable;

// Shares one tabulated standard-beta quantile table per (alpha, beta) shape between all
// PERT distributions that have that shape (a 10,000-activity plan has few shapes).
// Tables are immutable once built and held by shared_ptr, so quantile functions may outlive
// this cache and be used from many threads; the cache itself is not thread-safe.
class BetaQuantileTables {
  public:
    // The table for this shape, built on first request (a few milliseconds).
    std::shared_ptr<const BetaQuantileTable> for_shape(double alpha, double beta);
    // How many distinct shapes have been tabulated.
    std::size_t size() const { return tables_.size(); }

  private:
    std::map<std::pair<double, double>, std::shared_ptr<const BetaQuantileTable>> tables_;
};

// The parameters each kind's inverse CDF needs, precomputed; the formulas live in the .cpp.
namespace compiled_quantile {

// Also used for every degenerate distribution (a single possible value).
struct Fixed {
    double value;
};
struct Uniform {
    double min, width;
};
struct Triangular {
    double min, max;
    double mode_probability;  // P(X <= mode)
    double rise_area;         // (max - min)(mode - min)
    double fall_area;         // (max - min)(max - mode)
};
struct Pert {
    double min, width;
    std::shared_ptr<const BetaQuantileTable> table;
};
struct TruncatedNormal {
    double mean, sd;
    double cut_probability;   // Phi(-mean / sd), the mass below zero that is cut away
    double kept_probability;  // Phi(mean / sd)
};
struct LogNormal {
    double mu, sigma;
};
struct Discrete {
    std::vector<double> values;      // in the order given
    std::vector<double> cumulative;  // normalised running sums of the weights; last is 1
};

using Any = std::variant<Fixed, Uniform, Triangular, Pert, TruncatedNormal, LogNormal, Discrete>;

}  // namespace compiled_quantile

class QuantileFunction {
  public:
    // Precondition: find_parameter_problem(distribution) is nullopt.
    QuantileFunction(const Distribution& distribution, BetaQuantileTables& tables);

    // Precondition: u strictly inside (0, 1).
    double operator()(double u) const;

    // The hot path: out[i] = (*this)(u[i]), bit for bit. The switch on the kind is outside
    // the loop so each kind's loop is simple enough to vectorise. u and out have equal sizes.
    void evaluate(std::span<const double> u, std::span<double> out) const;

  private:
    compiled_quantile::Any compiled_;
};

}  // namespace pipesim
