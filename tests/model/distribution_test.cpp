#include "model/distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

namespace pipesim {
namespace {

// Relative closeness for values that are exact up to a few roundings.
void expect_close(double actual, double expected, double relative) {
    EXPECT_NEAR(actual, expected, relative * std::abs(expected)) << "expected " << expected;
}

::testing::AssertionResult mentions(const std::optional<std::string>& problem,
                                    const std::string& text) {
    if (!problem)
        return ::testing::AssertionFailure() << "no problem found, expected '" << text << "'";
    if (problem->find(text) == std::string::npos)
        return ::testing::AssertionFailure()
               << "'" << *problem << "' does not mention '" << text << "'";
    return ::testing::AssertionSuccess();
}

TEST(Distribution, KindNamesAreTheScenarioFileWords) {
    EXPECT_EQ(kind_name(FixedDistribution{3}), "fixed");
    EXPECT_EQ(kind_name(UniformDistribution{1, 2}), "uniform");
    EXPECT_EQ(kind_name(TriangularDistribution{1, 2, 3}), "triangular");
    EXPECT_EQ(kind_name(PertDistribution{1, 2, 3}), "pert");
    EXPECT_EQ(kind_name(NormalDistribution{5, 1}), "normal");
    EXPECT_EQ(kind_name(LogNormalDistribution{1, 0.5}), "lognormal");
    EXPECT_EQ(kind_name(DiscreteDistribution{{1}, {1}}), "discrete");
}

TEST(Distribution, FixedHasItsValueAndNoSpread) {
    const Distribution fixed = FixedDistribution{42.5};
    EXPECT_EQ(mean(fixed), 42.5);
    EXPECT_EQ(variance(fixed), 0);
    EXPECT_EQ(most_likely(fixed), 42.5);
}

TEST(Distribution, UniformMomentsMatchClosedForm) {
    for (const auto& [a, b] :
         std::vector<std::pair<double, double>>{{0, 1}, {10, 30}, {1e6, 1e6 + 7}}) {
        const Distribution uniform = UniformDistribution{a, b};
        expect_close(mean(uniform), (a + b) / 2, 1e-15);
        expect_close(variance(uniform), (b - a) * (b - a) / 12, 1e-12);
        EXPECT_EQ(most_likely(uniform), (a + b) / 2);
    }
}

TEST(Distribution, TriangularMomentsMatchClosedForm) {
    const std::vector<TriangularDistribution> cases{
        {10, 12, 20}, {0, 0, 5}, {0, 5, 5}, {3, 4.5, 6}, {100, 180, 400}};
    for (const auto& [a, c, b] : cases) {
        SCOPED_TRACE(::testing::Message() << a << " " << c << " " << b);
        const Distribution triangular = TriangularDistribution{a, c, b};
        expect_close(mean(triangular), (a + b + c) / 3, 1e-15);
        expect_close(variance(triangular), (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
                     1e-12);
        EXPECT_EQ(most_likely(triangular), c);
    }
}

TEST(Distribution, PertMomentsMatchScaledBetaMoments) {
    const std::vector<PertDistribution> cases{{10, 12, 20}, {0, 0, 5},       {0, 5, 5},
                                              {3, 4.5, 6},  {100, 180, 400}, {7, 7.1, 90}};
    for (const auto& [min, mode, max] : cases) {
        SCOPED_TRACE(::testing::Message() << min << " " << mode << " " << max);
        const double width = max - min;
        const boost::math::beta_distribution<double> standard(1 + 4 * (mode - min) / width,
                                                              1 + 4 * (max - mode) / width);
        const Distribution pert = PertDistribution{min, mode, max};
        expect_close(mean(pert), min + width * boost::math::mean(standard), 1e-14);
        expect_close(variance(pert), width * width * boost::math::variance(standard), 1e-13);
        // The classic PERT shortcut: the mean is (min + 4 mode + max) / 6.
        expect_close(mean(pert), (min + 4 * mode + max) / 6, 1e-14);
        EXPECT_EQ(most_likely(pert), mode);
    }
}

// The moments of N(mean, sd) cut at zero, by quadrature of the density over where the mass
// is, each moment divided by the integrated mass.
struct Moments {
    double mean, variance;
};
Moments integrate_truncated_normal(double mean, double sd) {
    const boost::math::normal_distribution<double> normal(mean, sd);
    const double from = std::max(0.0, mean - 40 * sd), to = mean + 40 * sd;
    auto integral = [&](auto f) {
        return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, from, to, 20,
                                                                             1e-15);
    };
    const double mass = integral([&](double x) { return boost::math::pdf(normal, x); });
    const double first = integral([&](double x) { return x * boost::math::pdf(normal, x); }) / mass;
    const double spread = integral([&](double x) {
                              return (x - first) * (x - first) * boost::math::pdf(normal, x);
                          }) /
                          mass;
    return {first, spread};
}

TEST(Distribution, TruncatedNormalMomentsMatchNumericalIntegration) {
    const std::vector<NormalDistribution> cases{{10, 3}, {1, 2}, {0.1, 5}, {100, 1}, {3, 3}};
    for (const auto& [m, sd] : cases) {
        SCOPED_TRACE(::testing::Message() << "mean " << m << " sd " << sd);
        const Moments expected = integrate_truncated_normal(m, sd);
        const Distribution normal = NormalDistribution{m, sd};
        expect_close(mean(normal), expected.mean, 1e-10);
        expect_close(variance(normal), expected.variance, 1e-10);
        EXPECT_EQ(most_likely(normal), m);
    }
}

TEST(Distribution, TruncationFarBelowTheMeanLeavesTheNormal) {
    const Distribution normal = NormalDistribution{50, 5};  // zero is 10 sd away
    expect_close(mean(normal), 50, 1e-15);
    expect_close(variance(normal), 25, 1e-15);
}

TEST(Distribution, TruncationMovesTheMeanUpAndShrinksTheSpread) {
    const Distribution normal = NormalDistribution{1, 2};
    EXPECT_GT(mean(normal), 1);
    EXPECT_LT(variance(normal), 4);
}

TEST(Distribution, LogNormalFromP10P90HasThoseQuantiles) {
    const std::vector<std::pair<double, double>> cases{{5, 20}, {100, 101}, {0.5, 300}, {30, 45}};
    for (const auto& [p10, p90] : cases) {
        SCOPED_TRACE(::testing::Message() << "P10 " << p10 << " P90 " << p90);
        const LogNormalDistribution built = lognormal_from_p10_p90(p10, p90);
        const boost::math::lognormal_distribution<double> reference(built.mu, built.sigma);
        expect_close(boost::math::quantile(reference, 0.1), p10, 1e-13);
        expect_close(boost::math::quantile(reference, 0.9), p90, 1e-13);
    }
}

TEST(Distribution, LogNormalFromMeanSdHasThoseMoments) {
    const std::vector<std::pair<double, double>> cases{
        {20, 5}, {1, 3}, {1000, 1e-3}, {0.25, 0.25}, {50, 200}};
    for (const auto& [m, sd] : cases) {
        SCOPED_TRACE(::testing::Message() << "mean " << m << " sd " << sd);
        const LogNormalDistribution built = lognormal_from_mean_sd(m, sd);
        const boost::math::lognormal_distribution<double> reference(built.mu, built.sigma);
        expect_close(boost::math::mean(reference), m, 1e-14);
        expect_close(boost::math::standard_deviation(reference), sd, 1e-12);
        expect_close(mean(Distribution{built}), m, 1e-14);
        expect_close(variance(Distribution{built}), sd * sd, 1e-12);
    }
}

TEST(Distribution, LogNormalMomentsAndModeMatchBoost) {
    for (const auto& [mu, sigma] :
         std::vector<std::pair<double, double>>{{0, 1}, {3, 0.25}, {-1, 0.7}, {5, 1e-4}}) {
        SCOPED_TRACE(::testing::Message() << "mu " << mu << " sigma " << sigma);
        const boost::math::lognormal_distribution<double> reference(mu, sigma);
        const Distribution lognormal = LogNormalDistribution{mu, sigma};
        expect_close(mean(lognormal), boost::math::mean(reference), 1e-14);
        expect_close(variance(lognormal), boost::math::variance(reference), 1e-10);
        expect_close(most_likely(lognormal), boost::math::mode(reference), 1e-14);
    }
}

TEST(Distribution, DiscreteMomentsAreWeightedSums) {
    const Distribution discrete = DiscreteDistribution{{3, 10, 7}, {1, 2, 5}};
    const double expected_mean = (3 * 1 + 10 * 2 + 7 * 5) / 8.0;
    const double expected_variance = (1 * (3 - expected_mean) * (3 - expected_mean) +
                                      2 * (10 - expected_mean) * (10 - expected_mean) +
                                      5 * (7 - expected_mean) * (7 - expected_mean)) /
                                     8;
    expect_close(mean(discrete), expected_mean, 1e-15);
    expect_close(variance(discrete), expected_variance, 1e-14);
    EXPECT_EQ(most_likely(discrete), 7);
}

TEST(Distribution, DiscreteMostLikelyTakesTheFirstOfEqualWeights) {
    EXPECT_EQ(most_likely(DiscreteDistribution{{4, 9, 2}, {1, 3, 3}}), 9);
    EXPECT_EQ(most_likely(DiscreteDistribution{{4, 9, 2}, {3, 3, 3}}), 4);
}

TEST(Distribution, DegenerateDistributionsAreAPoint) {
    const std::vector<Distribution> points{FixedDistribution{4},
                                           UniformDistribution{4, 4},
                                           TriangularDistribution{4, 4, 4},
                                           PertDistribution{4, 4, 4},
                                           NormalDistribution{4, 0},
                                           LogNormalDistribution{std::log(4.0), 0},
                                           DiscreteDistribution{{4}, {2}},
                                           DiscreteDistribution{{4, 9}, {1, 0}}};
    for (const Distribution& point : points) {
        SCOPED_TRACE(kind_name(point));
        EXPECT_EQ(find_parameter_problem(point), std::nullopt);
        expect_close(mean(point), 4, 1e-15);
        EXPECT_EQ(variance(point), 0);
        expect_close(most_likely(point), 4, 1e-15);
    }
}

TEST(Distribution, UsableParametersHaveNoProblem) {
    const std::vector<Distribution> usable{
        FixedDistribution{0},
        UniformDistribution{0, 10},
        TriangularDistribution{0, 0, 3},
        TriangularDistribution{1, 3, 3},
        PertDistribution{5, 8, 20},
        NormalDistribution{1e-3, 10},
        LogNormalDistribution{-2, 0.5},  // a median under a day is fine
        lognormal_from_p10_p90(10, 40),
        DiscreteDistribution{{1, 2, 3}, {0, 0.5, 0}},
    };
    for (const Distribution& distribution : usable) {
        SCOPED_TRACE(kind_name(distribution));
        EXPECT_EQ(find_parameter_problem(distribution), std::nullopt);
    }
}

struct BadCase {
    Distribution distribution;
    std::string expected;
};

TEST(Distribution, ParameterProblemsSayWhatIsWrong) {
    const double nan = std::nan(""), inf = HUGE_VAL;
    const std::vector<BadCase> cases{
        {FixedDistribution{nan}, "value is not a finite number"},
        {FixedDistribution{inf}, "value is not a finite number (got inf)"},
        {FixedDistribution{-1}, "value must not be negative (got -1)"},
        {UniformDistribution{5, 3}, "min (5) is greater than max (3)"},
        {UniformDistribution{-2, 3}, "min must not be negative (got -2)"},
        {UniformDistribution{1, inf}, "max is not a finite number"},
        {TriangularDistribution{12, 10, 20}, "min (12) is greater than mode (10)"},
        {TriangularDistribution{1, 30, 20}, "mode (30) is greater than max (20)"},
        {TriangularDistribution{12, 15, 10}, "min (12) is greater than max (10)"},
        {TriangularDistribution{1, nan, 3}, "mode is not a finite number"},
        {PertDistribution{12, 10, 20}, "min (12) is greater than mode (10)"},
        {PertDistribution{1, 2.5, 2}, "mode (2.5) is greater than max (2)"},
        {PertDistribution{-1, 0, 2}, "min must not be negative (got -1)"},
        {NormalDistribution{10, -1}, "sd must not be negative (got -1)"},
        {NormalDistribution{0, 1}, "mean must be greater than 0 (got 0)"},
        {NormalDistribution{-3, 1}, "cut off at 0"},
        {NormalDistribution{nan, 1}, "mean is not a finite number"},
        {NormalDistribution{5, inf}, "sd is not a finite number"},
        {LogNormalDistribution{1, -0.5}, "sigma must not be negative (got -0.5)"},
        {LogNormalDistribution{inf, 1}, "mu is not a finite number"},
        {DiscreteDistribution{{1, 2, 3}, {1, 1}}, "values and weights differ in length (3 vs 2)"},
        {DiscreteDistribution{{}, {}}, "needs at least one value"},
        {DiscreteDistribution{{1, 2}, {0, 0}}, "weights must sum to more than zero"},
        {DiscreteDistribution{{1, 2}, {1, -1}}, "weight 2 must not be negative (got -1)"},
        {DiscreteDistribution{{1, nan}, {1, 1}}, "value 2 is not a finite number"},
        {DiscreteDistribution{{1, -4}, {1, 1}}, "value 2 must not be negative (got -4)"},
        {DiscreteDistribution{{1, 2}, {1e308, 1e308}}, "weights are too large"},
        {UniformDistribution{0, 1e300}, "too spread out"},
        {LogNormalDistribution{0, 40}, "too spread out"},
    };
    for (const BadCase& bad : cases) {
        SCOPED_TRACE(::testing::Message() << kind_name(bad.distribution) << ": " << bad.expected);
        EXPECT_TRUE(mentions(find_parameter_problem(bad.distribution), bad.expected));
    }
}

}  // namespace
}  // namespace pipesim

namespace pipesim {
namespace {

TEST(ScaledDistribution, MultipliesEveryValueAndKeepsTheShape) {
    const auto pert = std::get<PertDistribution>(scaled(PertDistribution{40, 50, 80}, 0.75));
    EXPECT_DOUBLE_EQ(pert.min, 30);
    EXPECT_DOUBLE_EQ(pert.mode, 37.5);
    EXPECT_DOUBLE_EQ(pert.max, 60);
    const Distribution lognormal = lognormal_from_p10_p90(10, 40);
    EXPECT_NEAR(mean(scaled(lognormal, 0.5)), 0.5 * mean(lognormal), 1e-9);
    EXPECT_NEAR(most_likely(scaled(lognormal, 0.5)), 0.5 * most_likely(lognormal), 1e-9);
    EXPECT_NEAR(variance(scaled(NormalDistribution{20, 5}, 2)),
                4 * variance(NormalDistribution{20, 5}), 1e-9);
    EXPECT_EQ(std::get<FixedDistribution>(scaled(UniformDistribution{1, 2}, 0)).value, 0);
}

}  // namespace
}  // namespace pipesim
