// Properties every forecast must have, checked exactly on generated networks (fixed
// seeds) rather than statistically: quantiles are in order, probabilities lie in [0, 1],
// and, because every variable keeps its random numbers from run to run (common random
// numbers), making the plan worse can only make each iteration later: adding a delay never
// moves a milestone earlier in any iteration, and raising a risk's probability never
// raises a milestone's p_on_time.

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <sstream>

#include "core/date.hpp"
#include "engine/forward_pass.hpp"
#include "engine/simulation.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::forecast_of;
using testing::network_from;

constexpr int activities = 10;
constexpr int milestones = 3;
constexpr int risks = 3;
constexpr std::uint64_t iterations = 2048;
constexpr std::uint64_t network_seeds[] = {1, 2, 3, 4, 5, 6};

// What the generator may change to make a plan worse, keeping everything else.
struct Worsening {
    int extra_lag = 0;               // days added to every link's lag
    int extra_risk_delay = 0;        // a certain risk that delays the first activity
    double risk_probability_up = 0;  // added to the first risk's probability
};

// A random plan: activities in a random partial order with every link type and lags,
// milestones with target dates, and risks that delay or lengthen activities. No risk
// window: a window is the one feature through which a delay can make a later risk miss.
class PlanGenerator {
  public:
    explicit PlanGenerator(std::uint64_t seed) : seed_(seed) {}

    std::string yaml(const Worsening& worse = {}) {
        random_.seed(seed_);
        std::ostringstream out;
        out << "  - id: p\n    category: other\n    activities:\n";
        for (int a = 0; a < activities; ++a) {
            const int low = pick(2, 20), mode = low + pick(0, 10), high = mode + pick(1, 30);
            out << "      - {id: a" << a
                << ", duration: {dist: " << (pick(0, 1) ? "pert" : "triangular") << ", min: " << low
                << ", mode: " << mode << ", max: " << high << "}";
            if (a > 0) {
                out << ", after: [";
                const int links = pick(1, 2);
                for (int l = 0; l < links; ++l)
                    out << (l ? ", " : "") << "{id: a" << pick(0, a - 1)
                        << ", type: " << link_types[pick(0, 3)]
                        << ", lag: " << pick(-2, 5) + worse.extra_lag << "}";
                out << "]";
            }
            out << "}\n";
        }
        out << "    milestones:\n";
        for (int m = 0; m < milestones; ++m)
            out << "      - {id: m" << m << ", after: [a" << pick(activities / 2, activities - 1)
                << ", a" << pick(0, activities - 1)
                << "], target: " << Date::parse("2024-01-01")->plus_days(pick(40, 160)).iso()
                << "}\n";
        out << "risks:\n";
        for (int r = 0; r < risks; ++r) {
            const double probability =
                pick(5, 60) / 100.0 + (r == 0 ? worse.risk_probability_up : 0);
            out << "  - {id: r" << r << ", probability: " << probability << ", hits: [p.a"
                << pick(0, activities - 1) << ", p.a" << pick(0, activities - 1) << "], "
                << (pick(0, 1) ? "delay: {dist: triangular, min: 1, mode: 10, max: 40}"
                               : "multiplier: {dist: uniform, min: 1.1, max: 1.5}")
                << "}\n";
        }
        if (worse.extra_risk_delay > 0)
            out << "  - {id: certain, probability: 1, hits: [p.a0], delay: "
                << worse.extra_risk_delay << "}\n";
        return testing::plan_with(out.str());
    }

  private:
    static constexpr const char* link_types[] = {"FS", "SS", "FF", "SF"};

    // From the engine's raw output, which the standard fixes (unlike its distributions).
    int pick(int low, int high) {
        return low + static_cast<int>(random_() % static_cast<std::uint64_t>(high - low + 1));
    }

    std::uint64_t seed_;
    std::mt19937_64 random_;
};

RunSettings settings_with_outcomes() {
    RunSettings settings;
    settings.iterations = iterations;
    settings.seed = 7;
    settings.threads = 2;
    settings.record_outcomes = true;
    return settings;
}

// Each milestone's finish in every iteration, by milestone id.
std::map<std::string, std::vector<double>> milestone_finishes(const Network& network) {
    std::map<std::string, std::vector<double>> finishes;
    const ForwardPass pass(network);
    BlockSchedule block(pass, network, iterations_per_block);
    const Sampling sampling = sampling_of(settings_with_outcomes());
    for (std::uint64_t first = 0; first < iterations; first += iterations_per_block)
        pass.run_block(sampling, first, iterations_per_block, block,
                       [&](NodeIndex n, const double*, const double* finish, const double*) {
                           if (network.nodes[n].kind != ActivityKind::milestone) return;
                           auto& row = finishes[network.nodes[n].id];
                           row.insert(row.end(), finish, finish + iterations_per_block);
                       });
    return finishes;
}

// Dates beyond the horizon (nullopt) come after every date.
bool in_order(const std::array<std::optional<Date>, 4>& dates) {
    for (std::size_t q = 1; q < dates.size(); ++q)
        if (!dates[q - 1] ? dates[q].has_value() : dates[q] && *dates[q] < *dates[q - 1])
            return false;
    return true;
}

bool is_probability(double p) {
    return p >= 0.0 && p <= 1.0;
}

TEST(ForecastProperties, QuantilesAreInOrderAndProbabilitiesInZeroToOne) {
    for (const std::uint64_t seed : network_seeds) {
        SCOPED_TRACE("network " + std::to_string(seed));
        const Results results = forecast_of(PlanGenerator(seed).yaml(), iterations, seed);
        for (const auto* list : {&results.milestones, &results.activities})
            for (const FinishForecast& finish : *list) {
                EXPECT_TRUE(in_order(finish.dates)) << finish.id;
                EXPECT_TRUE(is_probability(finish.p_after_horizon)) << finish.id;
                EXPECT_TRUE(is_probability(finish.p_happens)) << finish.id;
                if (finish.p_on_time) {
                    EXPECT_TRUE(is_probability(*finish.p_on_time)) << finish.id;
                }
            }
        EXPECT_EQ(results.milestones.size(), static_cast<std::size_t>(milestones));
    }
}

TEST(ForecastProperties, AddingADelayNeverMakesAMilestoneEarlierInAnyIteration) {
    for (const std::uint64_t seed : network_seeds) {
        SCOPED_TRACE("network " + std::to_string(seed));
        PlanGenerator plan(seed);
        const auto before = milestone_finishes(network_from(plan.yaml()));
        for (const Worsening worse :
             {Worsening{.extra_lag = 3}, Worsening{.extra_risk_delay = 5}}) {
            const auto after = milestone_finishes(network_from(plan.yaml(worse)));
            std::uint64_t later = 0;
            for (const auto& [id, finishes] : before)
                for (std::size_t i = 0; i < finishes.size(); ++i) {
                    EXPECT_GE(after.at(id)[i], finishes[i]) << id << " in iteration " << i;
                    later += after.at(id)[i] > finishes[i];
                }
            EXPECT_GT(later, 0u) << "the delay changed no milestone: the check is empty";
        }
    }
}

TEST(ForecastProperties, RaisingARiskProbabilityNeverRaisesPOnTime) {
    std::uint64_t missed_since = 0;
    for (const std::uint64_t seed : network_seeds) {
        SCOPED_TRACE("network " + std::to_string(seed));
        PlanGenerator plan(seed);
        const Network base = network_from(plan.yaml());
        const Network riskier = network_from(plan.yaml({.risk_probability_up = 0.3}));
        const Tallies before = simulate(base, settings_with_outcomes());
        const Tallies after = simulate(riskier, settings_with_outcomes());
        ASSERT_EQ(after.outcomes.promises(), static_cast<std::size_t>(milestones));
        for (std::size_t m = 0; m < after.outcomes.promises(); ++m) {
            const auto discordance = after.outcomes.discordance(before.outcomes, m, m, iterations);
            // Met with the likelier risk but missed without it: never.
            EXPECT_EQ(discordance.only_this, 0u) << "milestone " << m;
            missed_since += discordance.only_other;
        }
        const Results less = forecast_of(plan.yaml(), iterations, 7);
        const Results more = forecast_of(plan.yaml({.risk_probability_up = 0.3}), iterations, 7);
        for (std::size_t m = 0; m < less.milestones.size(); ++m)
            EXPECT_LE(*more.milestones[m].p_on_time, *less.milestones[m].p_on_time)
                << less.milestones[m].id;
    }
    EXPECT_GT(missed_since, 0u) << "the likelier risk changed no outcome: the check is empty";
}

}  // namespace
}  // namespace pipesim
