#include "engine/quantile_function.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>

#include "core/random_stream.hpp"

namespace pipesim {
namespace {

using boost::math::complement;

// Probabilities from the far tails through the body: 1e-9 and 1 - 1e-9, the usual
// planning percentiles, and an even grid.
std::vector<double> test_probabilities() {
    std::vector<double> u{1e-9, 1e-7, 1e-5, 1e-3, 0.01, 0.05, 0.1, 0.5, 0.9, 0.95, 0.99};
    for (double tail : {1e-3, 1e-5, 1e-7, 1e-9}) u.push_back(1 - tail);
    for (int i = 1; i < 1000; ++i) u.push_back(i / 1000.0);
    return u;
}

// Draws from the project's own counter-based generator, so the test sees what the engine sees.
std::vector<double> stream_draws(std::uint64_t variable, std::size_t count) {
    const RandomStream stream{20240611, variable, StreamPurpose::duration};
    std::vector<double> u(count);
    for (std::size_t i = 0; i < count; ++i) u[i] = stream.uniform(static_cast<std::uint32_t>(i));
    return u;
}

TEST(StandardNormalQuantile, MatchesBoostToFourteenDigits) {
    // Measured worst relative difference on this grid: 7.8e-16.
    const boost::math::normal_distribution<double> normal;
    for (double decade = -300; decade < -0.30103; decade += 0.05) {
        const double p = std::pow(10.0, decade);
        EXPECT_NEAR(standard_normal_quantile(p), boost::math::quantile(normal, p),
                    1e-14 * std::abs(boost::math::quantile(normal, p)))
            << "p = " << p;
        if (1 - p == 1) continue;  // 1 - p is not representable below about 1e-16
        EXPECT_NEAR(standard_normal_quantile(1 - p), boost::math::quantile(normal, 1 - p),
                    1e-14 * boost::math::quantile(normal, 1 - p))
            << "p = 1 - " << p;
    }
    const double largest_below_one = std::nextafter(1.0, 0.0);
    EXPECT_NEAR(standard_normal_quantile(largest_below_one),
                boost::math::quantile(normal, largest_below_one), 1e-14 * 8.3);
}

TEST(StandardNormalQuantile, IsExactAtTheCentreAndInfiniteAtTheEnds) {
    EXPECT_EQ(standard_normal_quantile(0.5), 0);
    EXPECT_EQ(standard_normal_quantile(0), -std::numeric_limits<double>::infinity());
    EXPECT_EQ(standard_normal_quantile(1), std::numeric_limits<double>::infinity());
    EXPECT_TRUE(std::isnan(standard_normal_quantile(-0.1)));
    EXPECT_TRUE(std::isnan(standard_normal_quantile(1.5)));
    EXPECT_TRUE(std::isnan(standard_normal_quantile(std::nan(""))));
}

// Only below the median: above it Phi(z) rounds to within 1e-16 of 1 and loses z's digits.
TEST(StandardNormalQuantile, InvertsTheCdf) {
    for (double z = -37; z <= 0; z += 0.25)
        EXPECT_NEAR(standard_normal_quantile(standard_normal_cdf(z)), z, 1e-12 * (1 + std::abs(z)));
}

TEST(StandardNormalCdf, MatchesBoost) {
    const boost::math::normal_distribution<double> normal;
    for (double z = -37; z <= 8; z += 0.125)
        EXPECT_NEAR(standard_normal_cdf(z), boost::math::cdf(normal, z),
                    1e-14 * boost::math::cdf(normal, z))
            << "z = " << z;
}

TEST(QuantileFunction, FixedIsItsValueEverywhere) {
    BetaQuantileTables tables;
    const QuantileFunction quantile(FixedDistribution{12.5}, tables);
    for (double u : test_probabilities()) EXPECT_EQ(quantile(u), 12.5);
}

TEST(QuantileFunction, UniformMatchesBoost) {
    BetaQuantileTables tables;
    const QuantileFunction quantile(UniformDistribution{10, 25}, tables);
    const boost::math::uniform_distribution<double> reference(10, 25);
    for (double u : test_probabilities())
        EXPECT_NEAR(quantile(u), boost::math::quantile(reference, u), 1e-14 * 25) << "u = " << u;
}

TEST(QuantileFunction, TriangularMatchesBoost) {
    // Tolerance 1e-13 of the width: both are the same closed form rounded differently.
    const std::vector<TriangularDistribution> cases{
        {10, 12, 20}, {0, 0, 5}, {0, 5, 5}, {3, 4.5, 6}, {100, 180, 400}};
    BetaQuantileTables tables;
    for (const auto& [min, mode, max] : cases) {
        SCOPED_TRACE(::testing::Message() << min << " " << mode << " " << max);
        const QuantileFunction quantile(TriangularDistribution{min, mode, max}, tables);
        const boost::math::triangular_distribution<double> reference(min, mode, max);
        for (double u : test_probabilities())
            EXPECT_NEAR(quantile(u), boost::math::quantile(reference, u), 1e-13 * (max - min))
                << "u = " << u;
    }
}

const std::vector<PertDistribution> pert_cases{
    {10, 12, 20}, {0, 0, 5}, {0, 5, 5}, {3, 4.5, 6}, {100, 180, 400}, {7, 7.1, 90}, {0, 0.3, 1}};

boost::math::beta_distribution<double> standard_beta(const PertDistribution& d) {
    const double width = d.max - d.min;
    return {1 + 4 * (d.mode - d.min) / width, 1 + 4 * (d.max - d.mode) / width};
}

TEST(QuantileFunction, PertMatchesScaledBetaWithinTableError) {
    // The table's measured worst absolute error is 1.1e-9 of the width (see the .cpp);
    // 2e-9 leaves room for rounding, and is far inside the 1e-6 the engine needs.
    BetaQuantileTables tables;
    for (const PertDistribution& d : pert_cases) {
        SCOPED_TRACE(::testing::Message() << d.min << " " << d.mode << " " << d.max);
        const QuantileFunction quantile(d, tables);
        const auto reference = standard_beta(d);
        const double width = d.max - d.min;
        for (double u : test_probabilities())
            EXPECT_NEAR(quantile(u), d.min + width * boost::math::quantile(reference, u),
                        2e-9 * width)
                << "u = " << u;
    }
}

TEST(QuantileFunction, PertTailsKeepRelativePrecision) {
    // Below u = 1/16 the table runs in (16 u)^(1/alpha), so even one-in-a-trillion draws come
    // out right relative to their tiny distance from the min (measured worst: 3e-9). The
    // distributions start at 0 so that distance is not lost in rounding min + width Q. Near
    // the max, Q is close to 1 and keeps only absolute precision, checked against the width.
    BetaQuantileTables tables;
    for (const PertDistribution& d : pert_cases) {
        const PertDistribution from_zero{0, d.mode - d.min, d.max - d.min};
        SCOPED_TRACE(::testing::Message() << "0 " << from_zero.mode << " " << from_zero.max);
        const QuantileFunction quantile(from_zero, tables);
        const auto reference = standard_beta(from_zero);
        const double width = from_zero.max;
        for (double tail : {1e-12, 1e-9, 1e-6, 1e-3, 0.05}) {
            const double expected = width * boost::math::quantile(reference, tail);
            EXPECT_NEAR(quantile(tail), expected, 1e-8 * expected) << "u = " << tail;
            const double u = 1 - tail, exact_tail = 1 - u;  // u rounds; 1 - u is then exact
            EXPECT_NEAR(quantile(u),
                        width * boost::math::quantile(complement(reference, exact_tail)),
                        2e-9 * width)
                << "u = 1 - " << exact_tail;
        }
    }
}

TEST(QuantileFunction, PertQuantileIsNonDecreasing) {
    BetaQuantileTables tables;
    for (const PertDistribution& d : pert_cases) {
        SCOPED_TRACE(::testing::Message() << d.min << " " << d.mode << " " << d.max);
        const QuantileFunction quantile(d, tables);
        double previous = quantile(1e-12);
        for (int i = 1; i < 100000; ++i) {
            const double next = quantile(i / 100000.0);
            ASSERT_LE(previous, next) << "u = " << i / 100000.0;
            previous = next;
        }
    }
}

// The reference works in the cut distribution's own probabilities, going through the upper
// tail probability for high u as the code under test does.
double truncated_normal_reference(double mean, double sd, double u) {
    const boost::math::normal_distribution<double> normal(mean, sd);
    const double cut = boost::math::cdf(normal, 0.0);
    const double kept = boost::math::cdf(complement(normal, 0.0));
    const double below = cut + u * kept;
    if (below <= 0.5) return boost::math::quantile(normal, below);
    return boost::math::quantile(complement(normal, (1 - u) * kept));
}

TEST(QuantileFunction, TruncatedNormalMatchesBoost) {
    // Tolerance 1e-13 of mean + sd: a few roundings of mean + sd z with |z| <= 6.
    const std::vector<NormalDistribution> cases{{10, 3}, {1, 2}, {0.1, 5}, {100, 1}, {3, 3}};
    BetaQuantileTables tables;
    for (const auto& [m, sd] : cases) {
        SCOPED_TRACE(::testing::Message() << "mean " << m << " sd " << sd);
        const QuantileFunction quantile(NormalDistribution{m, sd}, tables);
        for (double u : test_probabilities()) {
            const double x = quantile(u);
            EXPECT_GE(x, 0);
            EXPECT_NEAR(x, std::max(0.0, truncated_normal_reference(m, sd, u)), 1e-13 * (m + sd))
                << "u = " << u;
        }
    }
}

TEST(QuantileFunction, TruncatedNormalStartsAtZeroWhenHeavilyCut) {
    BetaQuantileTables tables;
    const QuantileFunction quantile(NormalDistribution{0.1, 5}, tables);
    EXPECT_LT(quantile(1e-9), 1e-7);
    EXPECT_GE(quantile(1e-9), 0);
}

TEST(QuantileFunction, LogNormalMatchesBoost) {
    // Relative 1e-13: exp turns the absolute error of mu + sigma z into a relative one.
    const std::vector<LogNormalDistribution> cases{
        {0, 1}, {3, 0.25}, {-1, 0.7}, lognormal_from_p10_p90(20, 45)};
    BetaQuantileTables tables;
    for (const auto& [mu, sigma] : cases) {
        SCOPED_TRACE(::testing::Message() << "mu " << mu << " sigma " << sigma);
        const QuantileFunction quantile(LogNormalDistribution{mu, sigma}, tables);
        const boost::math::lognormal_distribution<double> reference(mu, sigma);
        for (double u : test_probabilities()) {
            const double expected = boost::math::quantile(reference, u);
            EXPECT_NEAR(quantile(u), expected, 1e-13 * expected) << "u = " << u;
        }
    }
}

TEST(QuantileFunction, LogNormalFromP10P90HasThosePercentiles) {
    BetaQuantileTables tables;
    const QuantileFunction quantile(lognormal_from_p10_p90(20, 45), tables);
    EXPECT_NEAR(quantile(0.1), 20, 1e-12);
    EXPECT_NEAR(quantile(0.9), 45, 1e-12);
}

TEST(QuantileFunction, DegenerateDistributionsGiveTheirPoint) {
    const std::vector<Distribution> points{
        TriangularDistribution{4, 4, 4}, PertDistribution{4, 4, 4}, UniformDistribution{4, 4},
        NormalDistribution{4, 0}, DiscreteDistribution{{4}, {3}}};
    BetaQuantileTables tables;
    for (const Distribution& point : points) {
        SCOPED_TRACE(kind_name(point));
        const QuantileFunction quantile(point, tables);
        for (double u : test_probabilities()) EXPECT_EQ(quantile(u), 4) << "u = " << u;
    }
    EXPECT_EQ(tables.size(), 0u);  // a point needs no beta table
}

TEST(QuantileFunction, DiscreteFrequenciesAreExact) {
    // Stratified u = (k + 1/2) / n hits each value exactly n times its normalised weight.
    // Values keep their given order (5 before 3), and a zero weight is never drawn.
    BetaQuantileTables tables;
    const QuantileFunction quantile(DiscreteDistribution{{5, 3, 9, 7}, {1, 2, 0, 1}}, tables);
    constexpr int n = 200000;
    std::map<double, int> counts;
    for (int k = 0; k < n; ++k) ++counts[quantile((k + 0.5) / n)];
    EXPECT_EQ(counts[5], n / 4);
    EXPECT_EQ(counts[3], n / 2);
    EXPECT_EQ(counts[9], 0);
    EXPECT_EQ(counts[7], n / 4);
}

TEST(QuantileFunction, DiscreteTakesTheFirstValueReachingU) {
    BetaQuantileTables tables;
    const QuantileFunction quantile(DiscreteDistribution{{5, 3, 9, 7}, {1, 2, 0, 1}}, tables);
    // Cumulative weights 0.25, 0.75, 0.75, 1.
    EXPECT_EQ(quantile(0.1), 5);
    EXPECT_EQ(quantile(0.25), 5);
    EXPECT_EQ(quantile(std::nextafter(0.25, 1.0)), 3);
    EXPECT_EQ(quantile(0.75), 3);
    EXPECT_EQ(quantile(std::nextafter(0.75, 1.0)), 7);
    EXPECT_EQ(quantile(std::nextafter(1.0, 0.0)), 7);
}

const std::vector<Distribution> every_kind{
    FixedDistribution{7},
    UniformDistribution{10, 25},
    TriangularDistribution{10, 12, 20},
    TriangularDistribution{0, 0, 5},
    PertDistribution{10, 12, 20},
    PertDistribution{100, 180, 400},
    NormalDistribution{10, 3},
    NormalDistribution{1, 2},
    LogNormalDistribution{3, 0.25},
    lognormal_from_p10_p90(20, 45),
    DiscreteDistribution{{5, 3, 9, 7}, {1, 2, 0.5, 1}},
};

TEST(QuantileFunction, EvaluateEqualsOperatorBitForBit) {
    BetaQuantileTables tables;
    // An odd count exercises the scalar remainder of a vectorised loop.
    std::vector<double> u = stream_draws(variable_hash("evaluate"), 10007);
    u.insert(u.end(), {1e-9, 0.5, 1 - 1e-9});
    for (const Distribution& distribution : every_kind) {
        SCOPED_TRACE(kind_name(distribution));
        const QuantileFunction quantile(distribution, tables);
        std::vector<double> out(u.size());
        quantile.evaluate(u, out);
        for (std::size_t i = 0; i < u.size(); ++i)
            ASSERT_EQ(out[i], quantile(u[i])) << "u = " << u[i];
        // In place, as the engine may reuse its draw buffer for the values.
        std::vector<double> in_place = u;
        quantile.evaluate(in_place, in_place);
        ASSERT_EQ(in_place, out);
    }
}

TEST(QuantileFunction, SampleMomentsMatchExactMoments) {
    // 200,000 draws per distribution from RandomStream with a fixed seed; the sample mean
    // and variance must each lie within 4 standard errors of the exact value (a 6e-5 chance
    // per check of a false alarm for a correct quantile function). The standard error of the
    // variance uses the sample's fourth central moment: sqrt((m4 - s^4) / n).
    constexpr std::size_t n = 200000;
    constexpr double standard_errors = 4;
    BetaQuantileTables tables;
    for (std::size_t k = 0; k < every_kind.size(); ++k) {
        const Distribution& distribution = every_kind[k];
        SCOPED_TRACE(::testing::Message() << kind_name(distribution) << " #" << k);
        const QuantileFunction quantile(distribution, tables);
        std::vector<double> x(n);
        quantile.evaluate(stream_draws(variable_hash("moments") + k, n), x);
        double sum = 0;
        for (double v : x) sum += v;
        const double sample_mean = sum / n;
        double m2 = 0, m4 = 0;
        for (double v : x) {
            const double d2 = (v - sample_mean) * (v - sample_mean);
            m2 += d2;
            m4 += d2 * d2;
        }
        m2 /= n;
        m4 /= n;
        const double exact_mean = mean(distribution), exact_variance = variance(distribution);
        EXPECT_NEAR(sample_mean, exact_mean, standard_errors * std::sqrt(exact_variance / n));
        EXPECT_NEAR(m2, exact_variance, standard_errors * std::sqrt((m4 - m2 * m2) / n));
    }
}

TEST(BetaQuantileTables, PertsOfOneShapeShareATable) {
    BetaQuantileTables tables;
    // (12 - 10) / (18 - 10) = (1 - 0) / (4 - 0): alpha = 2 and beta = 4 for both.
    const QuantileFunction small(PertDistribution{0, 1, 4}, tables);
    const QuantileFunction large(PertDistribution{10, 12, 18}, tables);
    EXPECT_EQ(tables.size(), 1u);
    for (double u : test_probabilities())
        EXPECT_NEAR((large(u) - 10) / 8, small(u) / 4, 1e-15) << "u = " << u;

    const QuantileFunction other_shape(PertDistribution{0, 2, 4}, tables);
    const QuantileFunction not_pert(TriangularDistribution{0, 1, 4}, tables);
    EXPECT_EQ(tables.size(), 2u);
}

TEST(BetaQuantileTables, QuantileFunctionsOutliveTheCache) {
    std::vector<QuantileFunction> functions;
    {
        BetaQuantileTables tables;
        functions.emplace_back(PertDistribution{10, 12, 20}, tables);
    }
    BetaQuantileTables fresh;
    const QuantileFunction rebuilt(PertDistribution{10, 12, 20}, fresh);
    for (double u : test_probabilities()) EXPECT_EQ(functions.front()(u), rebuilt(u));
}

}  // namespace
}  // namespace pipesim
