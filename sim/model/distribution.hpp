#pragma once
// Uncertain quantities (durations, later costs and lags) as plain parameter sets.
// Support is the non-negative reals: every distribution here describes days or money.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pipesim {

struct FixedDistribution {
    double value = 0;
};
struct UniformDistribution {
    double min = 0, max = 0;
};
struct TriangularDistribution {
    double min = 0, mode = 0, max = 0;
};
// Beta-PERT with the classic weight 4 on the mode: alpha = 1 + 4 (mode - min) / (max - min).
struct PertDistribution {
    double min = 0, mode = 0, max = 0;
};
// A normal distribution truncated to [0, inf): a duration cannot be negative.
struct NormalDistribution {
    double mean = 0, sd = 0;
};
// exp(N(mu, sigma^2)); built from P10/P90 or from mean/sd by the helpers below.
struct LogNormalDistribution {
    double mu = 0, sigma = 0;
};
// Values with relative weights (they need not sum to one).
struct DiscreteDistribution {
    std::vector<double> values;
    std::vector<double> weights;
};

using Distribution =
    std::variant<FixedDistribution, UniformDistribution, TriangularDistribution, PertDistribution,
                 NormalDistribution, LogNormalDistribution, DiscreteDistribution>;

// The name a scenario file uses for the kind: "fixed", "uniform", "triangular", "pert",
// "normal", "lognormal", "discrete".
std::string_view kind_name(const Distribution& distribution);

// The log-normal whose 10th and 90th percentiles are p10 and p90 (0 < p10 < p90).
LogNormalDistribution lognormal_from_p10_p90(double p10, double p90);
// The log-normal with the given mean and standard deviation (mean > 0, sd >= 0).
LogNormalDistribution lognormal_from_mean_sd(double mean, double sd);

// Why these parameters cannot describe a non-negative quantity (NaN or infinite values,
// min > mode, max < min, negative values, weights that are negative or sum to zero,
// values and weights of different lengths ...), phrased for a planner; nullopt if usable.
std::optional<std::string> find_parameter_problem(const Distribution& distribution);

// Exact moments (preconditions: no parameter problem). For the truncated normal these are
// the moments of the truncated distribution.
double mean(const Distribution& distribution);
double variance(const Distribution& distribution);
// The value a single-point plan would use: the mode, or the midpoint of a uniform, the
// mean of a normal, the value of highest weight (the first on ties) of a discrete.
double most_likely(const Distribution& distribution);
// The largest value: the maximum of a bounded distribution; for the normal and log-normal,
// the value exceeded with probability about 1e-9 (six standard deviations).
double practical_maximum(const Distribution& distribution);
// The same distribution with every value multiplied by factor >= 0: the work left when a
// share of it is done. A factor of 0 gives the fixed value 0.
Distribution scaled(const Distribution& distribution, double factor);

}  // namespace pipesim
