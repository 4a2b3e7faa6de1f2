#include "model/distribution.hpp"

#include "core/overloaded.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <numbers>
#include <numeric>

namespace pipesim {
namespace {

// Phi^-1(0.9): a log-normal's P10 and P90 sit this many sigmas either side of mu.
constexpr double standard_normal_p90 = 1.2815515655446004;

using Reason = std::optional<std::string>;

// Shortest text that reads back as the same double, so a planner sees the number they wrote.
std::string number(double value) {
    std::array<char, 32> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    return std::string(text.data(), end);
}

Reason first_of(std::initializer_list<Reason> reasons) {
    for (const Reason& reason : reasons)
        if (reason) return reason;
    return std::nullopt;
}

Reason check_finite(const std::string& name, double value) {
    if (std::isfinite(value)) return std::nullopt;
    return name + " is not a finite number (got " + number(value) + ")";
}

// Days and money cannot be negative.
Reason check_quantity(const std::string& name, double value) {
    if (auto reason = check_finite(name, value)) return reason;
    if (value >= 0) return std::nullopt;
    return name + " must not be negative (got " + number(value) + ")";
}

Reason check_order(const char* lower_name, double lower, const char* upper_name, double upper) {
    if (!(lower > upper)) return std::nullopt;
    return std::string(lower_name) + " (" + number(lower) + ") is greater than " + upper_name +
           " (" + number(upper) + ")";
}

Reason check_min_mode_max(double min, double mode, double max) {
    return first_of({check_quantity("min", min), check_quantity("mode", mode),
                     check_quantity("max", max), check_order("min", min, "max", max),
                     check_order("min", min, "mode", mode), check_order("mode", mode, "max", max)});
}

// The mean sits where a planner put it only if most of the normal lies above zero; with a
// mean at or below zero the cut at zero removes half or more, and what is left is a
// different shape whose mean and spread are far from the numbers given.
Reason check_normal_mean(double mean) {
    if (mean > 0) return std::nullopt;
    return "mean must be greater than 0 (got " + number(mean) +
           "): the normal is cut off at 0 because days and money cannot be negative, and a mean "
           "at or below 0 would cut away half or more of it";
}

Reason check_weights(const std::vector<double>& weights) {
    for (std::size_t i = 0; i < weights.size(); ++i)
        if (auto reason = check_quantity("weight " + std::to_string(i + 1), weights[i]))
            return reason;
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (!(total > 0)) return "weights must sum to more than zero";
    if (!std::isfinite(total)) return "weights are too large: their sum is not a finite number";
    return std::nullopt;
}

Reason check_discrete(const DiscreteDistribution& d) {
    if (d.values.empty()) return "needs at least one value";
    if (d.values.size() != d.weights.size())
        return "values and weights differ in length (" + std::to_string(d.values.size()) + " vs " +
               std::to_string(d.weights.size()) + ")";
    for (std::size_t i = 0; i < d.values.size(); ++i)
        if (auto reason = check_quantity("value " + std::to_string(i + 1), d.values[i]))
            return reason;
    return check_weights(d.weights);
}

Reason check_kind(const Distribution& distribution) {
    return std::visit(
        Overloaded{
            [](const FixedDistribution& d) { return check_quantity("value", d.value); },
            [](const UniformDistribution& d) {
                return first_of({check_quantity("min", d.min), check_quantity("max", d.max),
                                 check_order("min", d.min, "max", d.max)});
            },
            [](const TriangularDistribution& d) {
                return check_min_mode_max(d.min, d.mode, d.max);
            },
            [](const PertDistribution& d) { return check_min_mode_max(d.min, d.mode, d.max); },
            [](const NormalDistribution& d) {
                return first_of({check_finite("mean", d.mean), check_quantity("sd", d.sd),
                                 check_normal_mean(d.mean)});
            },
            // mu is the log of a median, so it may be negative (a median under one day).
            [](const LogNormalDistribution& d) {
                return first_of({check_finite("mu", d.mu), check_quantity("sigma", d.sigma)});
            },
            [](const DiscreteDistribution& d) { return check_discrete(d); },
        },
        distribution);
}

struct BetaShape {
    double alpha, beta;
};

BetaShape pert_shape(const PertDistribution& d) {
    const double width = d.max - d.min;
    return {1 + 4 * (d.mode - d.min) / width, 1 + 4 * (d.max - d.mode) / width};
}

double pert_mean(const PertDistribution& d) {
    if (d.min == d.max) return d.min;
    const auto [alpha, beta] = pert_shape(d);
    return d.min + (d.max - d.min) * (alpha / (alpha + beta));
}

double pert_variance(const PertDistribution& d) {
    if (d.min == d.max) return 0;
    const auto [alpha, beta] = pert_shape(d);
    const double width = d.max - d.min, sum = alpha + beta;
    return width * width * (alpha * beta / (sum * sum * (sum + 1)));
}

// Differences from the min keep precision when the three values are large and close.
double triangular_variance(const TriangularDistribution& d) {
    const double rise = d.mode - d.min, width = d.max - d.min;
    return (rise * rise + width * width - rise * width) / 18;
}

double standard_normal_density(double z) {
    return std::exp(-0.5 * z * z) * (std::numbers::inv_sqrtpi / std::numbers::sqrt2);
}

struct Moments {
    double mean, variance;
};

// With cut = -mean/sd and lambda = phi(cut) / (1 - Phi(cut)) (the inverse Mills ratio),
// E = mean + sd lambda and Var = sd^2 (1 + cut lambda - lambda^2).
Moments truncated_normal_moments(const NormalDistribution& d) {
    if (d.sd == 0) return {d.mean, 0};
    const double cut = -d.mean / d.sd;
    const double kept = 0.5 * std::erfc(cut / std::numbers::sqrt2);
    const double lambda = standard_normal_density(cut) / kept;
    return {d.mean + d.sd * lambda, d.sd * d.sd * (1 + cut * lambda - lambda * lambda)};
}

double discrete_mean(const DiscreteDistribution& d) {
    double weighted = 0, total = 0;
    for (std::size_t i = 0; i < d.values.size(); ++i) {
        weighted += d.weights[i] * d.values[i];
        total += d.weights[i];
    }
    return weighted / total;
}

// Two passes: squared deviations from the mean, not E[X^2] - E[X]^2, which cancels badly.
double discrete_variance(const DiscreteDistribution& d) {
    const double centre = discrete_mean(d);
    double weighted = 0, total = 0;
    for (std::size_t i = 0; i < d.values.size(); ++i) {
        const double deviation = d.values[i] - centre;
        weighted += d.weights[i] * deviation * deviation;
        total += d.weights[i];
    }
    return weighted / total;
}

}  // namespace

std::string_view kind_name(const Distribution& distribution) {
    return std::visit(Overloaded{
                          [](const FixedDistribution&) { return "fixed"; },
                          [](const UniformDistribution&) { return "uniform"; },
                          [](const TriangularDistribution&) { return "triangular"; },
                          [](const PertDistribution&) { return "pert"; },
                          [](const NormalDistribution&) { return "normal"; },
                          [](const LogNormalDistribution&) { return "lognormal"; },
                          [](const DiscreteDistribution&) { return "discrete"; },
                      },
                      distribution);
}

LogNormalDistribution lognormal_from_p10_p90(double p10, double p90) {
    const double log10th = std::log(p10), log90th = std::log(p90);
    return {0.5 * (log10th + log90th), (log90th - log10th) / (2 * standard_normal_p90)};
}

// sigma^2 = log(1 + cv^2) and mu = log(mean) - sigma^2 / 2; log1p keeps small cvs exact.
LogNormalDistribution lognormal_from_mean_sd(double mean, double sd) {
    const double variation = sd / mean;
    const double log_variance = std::log1p(variation * variation);
    return {std::log(mean) - 0.5 * log_variance, std::sqrt(log_variance)};
}

std::optional<std::string> find_parameter_problem(const Distribution& distribution) {
    if (auto reason = check_kind(distribution)) return reason;
    // Finite parameters can still be too far apart to square (e.g. a uniform over 1e300).
    if (!std::isfinite(mean(distribution)) || !std::isfinite(variance(distribution)))
        return "is too spread out to compute with: its mean or variance is not a finite number";
    return std::nullopt;
}

double mean(const Distribution& distribution) {
    return std::visit(
        Overloaded{
            [](const FixedDistribution& d) { return d.value; },
            [](const UniformDistribution& d) { return 0.5 * (d.min + d.max); },
            [](const TriangularDistribution& d) { return (d.min + d.mode + d.max) / 3; },
            [](const PertDistribution& d) { return pert_mean(d); },
            [](const NormalDistribution& d) { return truncated_normal_moments(d).mean; },
            [](const LogNormalDistribution& d) { return std::exp(d.mu + 0.5 * d.sigma * d.sigma); },
            [](const DiscreteDistribution& d) { return discrete_mean(d); },
        },
        distribution);
}

double variance(const Distribution& distribution) {
    return std::visit(
        Overloaded{
            [](const FixedDistribution&) { return 0.0; },
            [](const UniformDistribution& d) { return (d.max - d.min) * (d.max - d.min) / 12; },
            [](const TriangularDistribution& d) { return triangular_variance(d); },
            [](const PertDistribution& d) { return pert_variance(d); },
            [](const NormalDistribution& d) { return truncated_normal_moments(d).variance; },
            // (e^(sigma^2) - 1) e^(2 mu + sigma^2); expm1 keeps small sigmas exact.
            [](const LogNormalDistribution& d) {
                const double log_variance = d.sigma * d.sigma;
                return std::expm1(log_variance) * std::exp(2 * d.mu + log_variance);
            },
            [](const DiscreteDistribution& d) { return discrete_variance(d); },
        },
        distribution);
}

double most_likely(const Distribution& distribution) {
    return std::visit(
        Overloaded{
            [](const FixedDistribution& d) { return d.value; },
            [](const UniformDistribution& d) { return 0.5 * (d.min + d.max); },
            [](const TriangularDistribution& d) { return d.mode; },
            [](const PertDistribution& d) { return d.mode; },
            [](const NormalDistribution& d) { return d.mean; },
            [](const LogNormalDistribution& d) { return std::exp(d.mu - d.sigma * d.sigma); },
            // max_element returns the first of equal weights, as promised.
            [](const DiscreteDistribution& d) {
                const auto heaviest = std::max_element(d.weights.begin(), d.weights.end());
                return d.values[static_cast<std::size_t>(heaviest - d.weights.begin())];
            },
        },
        distribution);
}

double practical_maximum(const Distribution& distribution) {
    constexpr double tail_sds = 6.0;
    return std::visit(
        Overloaded{
            [](const FixedDistribution& d) { return d.value; },
            [](const UniformDistribution& d) { return d.max; },
            [](const TriangularDistribution& d) { return d.max; },
            [](const PertDistribution& d) { return d.max; },
            [](const NormalDistribution& d) { return std::max(0.0, d.mean + tail_sds * d.sd); },
            [](const LogNormalDistribution& d) { return std::exp(d.mu + tail_sds * d.sigma); },
            [](const DiscreteDistribution& d) {
                return *std::max_element(d.values.begin(), d.values.end());
            },
        },
        distribution);
}

Distribution scaled(const Distribution& distribution, double factor) {
    if (factor == 0.0) return FixedDistribution{0};
    return std::visit(
        Overloaded{
            [&](const FixedDistribution& d) -> Distribution {
                return FixedDistribution{d.value * factor};
            },
            [&](const UniformDistribution& d) -> Distribution {
                return UniformDistribution{d.min * factor, d.max * factor};
            },
            [&](const TriangularDistribution& d) -> Distribution {
                return TriangularDistribution{d.min * factor, d.mode * factor, d.max * factor};
            },
            [&](const PertDistribution& d) -> Distribution {
                return PertDistribution{d.min * factor, d.mode * factor, d.max * factor};
            },
            [&](const NormalDistribution& d) -> Distribution {
                return NormalDistribution{d.mean * factor, d.sd * factor};
            },
            // exp(N(mu, sigma^2)) times c is exp(N(mu + ln c, sigma^2)).
            [&](const LogNormalDistribution& d) -> Distribution {
                return LogNormalDistribution{d.mu + std::log(factor), d.sigma};
            },
            [&](const DiscreteDistribution& d) -> Distribution {
                DiscreteDistribution result = d;
                for (double& value : result.values) value *= factor;
                return result;
            },
        },
        distribution);
}

}  // namespace pipesim
