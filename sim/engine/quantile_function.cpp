#include "engine/quantile_function.hpp"

#include "core/overloaded.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/beta.hpp>

namespace pipesim {
namespace {

// Horner's rule, highest power last in the array.
template <std::size_t N>
double polynomial(const std::array<double, N>& coefficients, double x) {
    double sum = coefficients[N - 1];
    for (std::size_t i = N - 1; i-- > 0;) sum = sum * x + coefficients[i];
    return sum;
}

// Wichura (1988), Algorithm AS 241, Applied Statistics 37(3): rational approximations of
// degree 7 on three ranges of p, each accurate to about 1e-16.
constexpr double central_range = 0.425;
constexpr double central_range_squared = 0.180625;
constexpr std::array<double, 8> central_numerator{
    3.3871328727963666080e0,  1.3314166789178437745e+2, 1.9715909503065514427e+3,
    1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3};
constexpr std::array<double, 8> central_denominator{1.0,
                                                    4.2313330701600911252e+1,
                                                    6.8718700749205790830e+2,
                                                    5.3941960214247511077e+3,
                                                    2.1213794301586595867e+4,
                                                    3.9307895800092710610e+4,
                                                    2.8729085735721942674e+4,
                                                    5.2264952788528545610e+3};
constexpr double near_tail_limit = 5;  // in r = sqrt(-log(tail probability))
constexpr std::array<double, 8> near_tail_numerator{
    1.42343711074968357734e0,  4.63033784615654529590e0, 5.76949722146069140550e0,
    3.64784832476320460504e0,  1.27045825245236838258e0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4};
constexpr std::array<double, 8> near_tail_denominator{1.0,
                                                      2.05319162663775882187e0,
                                                      1.67638483018380384940e0,
                                                      6.89767334985100004550e-1,
                                                      1.48103976427480074590e-1,
                                                      1.51986665636164571966e-2,
                                                      5.47593808499534494600e-4,
                                                      1.05075007164441684324e-9};
constexpr std::array<double, 8> far_tail_numerator{
    6.65790464350110377720e0,  5.46378491116411436990e0,  1.78482653991729133580e0,
    2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr std::array<double, 8> far_tail_denominator{1.0,
                                                     5.99832206555887937690e-1,
                                                     1.36929880922735805310e-1,
                                                     1.48753612908506148525e-2,
                                                     7.86869131145613259100e-4,
                                                     1.84631831751005468180e-5,
                                                     1.42151175831644588870e-7,
                                                     2.04426310338993978564e-15};

// The quantile of a tail probability (below one half), as a magnitude.
double standard_normal_tail_quantile(double tail) {
    double r = std::sqrt(-std::log(tail));
    if (r <= near_tail_limit) {
        r -= 1.6;
        return polynomial(near_tail_numerator, r) / polynomial(near_tail_denominator, r);
    }
    r -= near_tail_limit;
    return polynomial(far_tail_numerator, r) / polynomial(far_tail_denominator, r);
}

// ---- The standard beta quantile behind PERT -------------------------------------------
//
// Q(u) = I^-1_u(alpha, beta) behaves like u^(1/alpha) near 0 and 1 - (1-u)^(1/beta) near 1:
// its derivatives blow up there, so no polynomial in u fits the ends. The body
// [1/16, 15/16] is tabulated on an even grid in u (step 1/512, 449 nodes); each tail against
// t = (16 u)^(1/alpha) (or (16 (1-u))^(1/beta)), in which Q is analytic (64 cells, 65
// nodes), so one small grid serves down to the smallest u a RandomStream gives. Interpolation
// is cubic Hermite with exact slopes (1 / beta density), whose error falls as h^4. The
// tails' pow costs little: 1 draw in 8 goes there, and the body needs only a multiply and
// two neighbouring nodes. A table is 9 KB and takes about 1 ms to build.
//
// Measured against Boost's beta quantile (long double) for every alpha in [1, 5] in steps of
// 1/16 (beta = 6 - alpha), at 64,000 even u plus tails from 1e-15 in steps of 10^0.002: the
// largest absolute error is 1.08e-9 (in the first body cell beside a tail, when alpha or
// beta is 5), a thousand times below the 1e-6 the engine needs; in the tails it is 3.1e-10
// absolute and 3.0e-9 relative to the distance from the nearer end.
constexpr double tail_probability = 1.0 / 16;
constexpr double body_cells_per_unit = 512;  // the body's grid step in u is 1/512
constexpr double body_first_node = body_cells_per_unit * tail_probability;
constexpr std::size_t body_cells = 512 - 2 * 32;
constexpr std::size_t tail_cells = 64;

// A function's value and slope at the end of an equal cell; the slope is per cell
// (derivative times cell width) so interpolation needs no scaling.
struct HermiteNode {
    double value, slope;
};

// position is in cells from the first node; past the last cell it extrapolates the last.
double interpolate(const std::vector<HermiteNode>& nodes, double position) {
    const std::size_t cell = std::min(static_cast<std::size_t>(position), nodes.size() - 2);
    const double t = position - static_cast<double>(cell), s = 1 - t;
    const HermiteNode& left = nodes[cell];
    const HermiteNode& right = nodes[cell + 1];
    return s * s * ((1 + 2 * t) * left.value + t * left.slope) +
           t * t * ((3 - 2 * t) * right.value - s * right.slope);
}

// Boost computes in long double by default, whose width differs between platforms (80-bit
// x87, 128-bit on aarch64, 64-bit with MSVC); plain double keeps the tables the same
// everywhere, is ten times faster, and still agrees with the long double results to 8e-16.
using DoublePrecision = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

double beta_quantile(double alpha, double beta, double u) {
    return boost::math::ibeta_inv(alpha, beta, u, DoublePrecision{});
}

double beta_density(double alpha, double beta, double x) {
    return boost::math::ibeta_derivative(alpha, beta, x, DoublePrecision{});
}

// Q on [0, tail_probability] against t = (u / tail_probability)^(1/alpha), t in [0, 1].
std::vector<HermiteNode> tabulate_lower_tail(double alpha, double beta) {
    std::vector<HermiteNode> nodes(tail_cells + 1);
    // As t -> 0, Q ~ (alpha B u)^(1/alpha) = (alpha B tail_probability)^(1/alpha) t.
    const double start_slope = std::pow(
        alpha * boost::math::beta(alpha, beta, DoublePrecision{}) * tail_probability, 1 / alpha);
    nodes[0] = {0, start_slope / tail_cells};
    for (std::size_t k = 1; k <= tail_cells; ++k) {
        const double t = static_cast<double>(k) / tail_cells;
        const double u = std::pow(t, alpha) * tail_probability;
        const double q = beta_quantile(alpha, beta, u);
        const double du_dt = alpha * std::pow(t, alpha - 1) * tail_probability;
        nodes[k] = {q, du_dt / beta_density(alpha, beta, q) / tail_cells};
    }
    return nodes;
}

std::vector<HermiteNode> tabulate_body(double alpha, double beta) {
    std::vector<HermiteNode> nodes(body_cells + 1);
    for (std::size_t k = 0; k <= body_cells; ++k) {
        const double u = (body_first_node + static_cast<double>(k)) / body_cells_per_unit;
        const double q = beta_quantile(alpha, beta, u);
        nodes[k] = {q, 1 / beta_density(alpha, beta, q) / body_cells_per_unit};
    }
    return nodes;
}

}  // namespace

struct BetaQuantileTable {
    double inverse_alpha, inverse_beta;
    std::vector<HermiteNode> lower_tail;
    std::vector<HermiteNode> body;
    std::vector<HermiteNode> upper_tail;  // 1 - Q, which is the lower tail of beta(beta, alpha)
};

namespace {

BetaQuantileTable tabulate(double alpha, double beta) {
    return {1 / alpha, 1 / beta, tabulate_lower_tail(alpha, beta), tabulate_body(alpha, beta),
            tabulate_lower_tail(beta, alpha)};
}

// u * 16 and 1 - u are exact here, so the tails keep full precision at the smallest u.
double standard_beta_quantile(const BetaQuantileTable& table, double u) {
    if (u < tail_probability) {
        const double t = std::pow(u / tail_probability, table.inverse_alpha);
        return interpolate(table.lower_tail, t * tail_cells);
    }
    if (u > 1 - tail_probability) {
        const double t = std::pow((1 - u) / tail_probability, table.inverse_beta);
        return 1 - interpolate(table.upper_tail, t * tail_cells);
    }
    return interpolate(table.body, u * body_cells_per_unit - body_first_node);
}

// ---- Each kind's inverse CDF ------------------------------------------------------------

double quantile(const compiled_quantile::Fixed& q, double) {
    return q.value;
}

double quantile(const compiled_quantile::Uniform& q, double u) {
    return q.min + q.width * u;
}

// Branch-free, so the loop over many u vectorises: the side of the mode is a weight of 1
// or 0 and both sides are computed, because GCC will neither vectorise a branch nor turn
// floating-point work under a condition into a select (that work might trap). Multiplying
// by exactly 1 or 0 and adding 0 give the same bits as choosing min + root or max - root.
// The vector loop also needs -fno-math-errno (which changes no result): without it sqrt
// keeps a branch to set errno.
double quantile(const compiled_quantile::Triangular& q, double u) {
    const double below_mode = u < q.mode_probability ? 1.0 : 0.0, above_mode = 1 - below_mode;
    const double area = below_mode * (u * q.rise_area) + above_mode * ((1 - u) * q.fall_area);
    const double root = std::sqrt(area);
    return (below_mode * q.min + above_mode * q.max) + (below_mode - above_mode) * root;
}

double quantile(const compiled_quantile::Pert& q, double u) {
    return q.min + q.width * standard_beta_quantile(*q.table, u);
}

// The upper half goes through its exact tail probability (1 - u) kept, not 1 - u', which
// would lose the digits that matter for high quantiles.
double quantile(const compiled_quantile::TruncatedNormal& q, double u) {
    const double below = q.cut_probability + u * q.kept_probability;
    const double z = below <= 0.5 ? standard_normal_quantile(below)
                                  : -standard_normal_quantile((1 - u) * q.kept_probability);
    return std::max(0.0, q.mean + q.sd * z);
}

double quantile(const compiled_quantile::LogNormal& q, double u) {
    return std::exp(q.mu + q.sigma * standard_normal_quantile(u));
}

double quantile(const compiled_quantile::Discrete& q, double u) {
    const auto first_reaching = std::lower_bound(q.cumulative.begin(), q.cumulative.end(), u);
    const auto index = static_cast<std::size_t>(first_reaching - q.cumulative.begin());
    return q.values[std::min(index, q.values.size() - 1)];
}

// ---- Compiling a distribution -----------------------------------------------------------

compiled_quantile::Any compile_triangular(const TriangularDistribution& d) {
    if (d.min == d.max) return compiled_quantile::Fixed{d.min};
    const double width = d.max - d.min;
    return compiled_quantile::Triangular{d.min, d.max, (d.mode - d.min) / width,
                                         width * (d.mode - d.min), width * (d.max - d.mode)};
}

compiled_quantile::Any compile_pert(const PertDistribution& d, BetaQuantileTables& tables) {
    if (d.min == d.max) return compiled_quantile::Fixed{d.min};
    const double width = d.max - d.min;
    const double alpha = 1 + 4 * (d.mode - d.min) / width;
    const double beta = 1 + 4 * (d.max - d.mode) / width;
    return compiled_quantile::Pert{d.min, width, tables.for_shape(alpha, beta)};
}

compiled_quantile::Any compile_normal(const NormalDistribution& d) {
    if (d.sd == 0) return compiled_quantile::Fixed{d.mean};
    const double ratio = d.mean / d.sd;
    return compiled_quantile::TruncatedNormal{d.mean, d.sd, standard_normal_cdf(-ratio),
                                              standard_normal_cdf(ratio)};
}

// Dividing each running sum by the total makes the last exactly 1, so every u < 1 lands.
compiled_quantile::Any compile_discrete(const DiscreteDistribution& d) {
    std::vector<double> cumulative(d.weights.size());
    double running = 0;
    for (std::size_t i = 0; i < d.weights.size(); ++i) cumulative[i] = running += d.weights[i];
    for (double& c : cumulative) c /= running;
    return compiled_quantile::Discrete{d.values, std::move(cumulative)};
}

compiled_quantile::Any compile(const Distribution& distribution, BetaQuantileTables& tables) {
    using namespace compiled_quantile;
    return std::visit(Overloaded{
                          [](const FixedDistribution& d) -> Any { return Fixed{d.value}; },
                          [](const UniformDistribution& d) -> Any {
                              return Uniform{d.min, d.max - d.min};
                          },
                          [](const TriangularDistribution& d) { return compile_triangular(d); },
                          [&](const PertDistribution& d) { return compile_pert(d, tables); },
                          [](const NormalDistribution& d) { return compile_normal(d); },
                          [](const LogNormalDistribution& d) -> Any {
                              return LogNormal{d.mu, d.sigma};
                          },
                          [](const DiscreteDistribution& d) { return compile_discrete(d); },
                      },
                      distribution);
}

}  // namespace

double standard_normal_quantile(double p) {
    if (!(p >= 0 && p <= 1)) return std::numeric_limits<double>::quiet_NaN();
    if (p == 0) return -std::numeric_limits<double>::infinity();
    if (p == 1) return std::numeric_limits<double>::infinity();
    const double q = p - 0.5;
    if (std::abs(q) <= central_range) {
        const double r = central_range_squared - q * q;
        return q * polynomial(central_numerator, r) / polynomial(central_denominator, r);
    }
    const double magnitude = standard_normal_tail_quantile(q < 0 ? p : 1 - p);
    return q < 0 ? -magnitude : magnitude;
}

double standard_normal_cdf(double x) {
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

std::shared_ptr<const BetaQuantileTable> BetaQuantileTables::for_shape(double alpha, double beta) {
    auto& table = tables_[{alpha, beta}];
    if (!table) table = std::make_shared<const BetaQuantileTable>(tabulate(alpha, beta));
    return table;
}

QuantileFunction::QuantileFunction(const Distribution& distribution, BetaQuantileTables& tables)
    : compiled_(compile(distribution, tables)) {
    assert(!find_parameter_problem(distribution));
}

double QuantileFunction::operator()(double u) const {
    return std::visit([u](const auto& compiled) { return quantile(compiled, u); }, compiled_);
}

void QuantileFunction::evaluate(std::span<const double> u, std::span<double> out) const {
    assert(u.size() == out.size());
    std::visit(
        [u, out](const auto& compiled) {
            for (std::size_t i = 0; i < u.size(); ++i) out[i] = quantile(compiled, u[i]);
        },
        compiled_);
}

}  // namespace pipesim
