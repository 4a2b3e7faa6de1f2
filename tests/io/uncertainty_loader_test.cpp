// Probabilities, conditions, uncertain lags, risks, correlation groups and optimism bias as
// the loader reads them into the model.

#include <gtest/gtest.h>

#include <variant>

#include "io/scenario_loader.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

// A rail line whose track waits for an uncertain approval, with a fallback path if the
// approval comes late; risks, correlation groups and uplifts over it follow in the tests.
const std::string rail_plan = R"(pipesim: 1
plan:
  name: 渝湘高铁 2024
  start: 2024-01-01
  horizon: 2025-12-31
  currency: 百万元
assumptions:
  permit-wait:
    duration: {dist: lognormal, p10: 10, p90: 60}
    why: Waiting for the land-use permit
  claim:
    value: {dist: pert, min: 10, mode: 20, max: 60}
    why: Typical contractor claim after a stoppage
projects:
  - id: hsr
    category: rail
    tags: [transport, hsr]
    activities:
      - id: civil
        duration: {dist: pert, min: 60, mode: 90, max: 150}
        cost: {amount: 900}
      - id: track
        duration: 120
        probability: 0.8
        only_if: {id: approval, by: 2024-06-30}
        after:
          - {id: civil, lag: {dist: triangular, min: 20, mode: 30, max: 90}}
          - {id: hsr.approval, type: SS, lag: permit-wait}
          - {id: civil, type: FF, lag: -10}
        cost: {amount: 300}
      - id: track-late
        duration: 150
        only_if: {id: hsr.approval, later_than: 2024-06-30}
        after: [approval]
    milestones:
      - id: approval
        probability: 0.9
      - id: open
        target: 2024-12-31
        after: [track]
  - id: hub
    category: road
    tags: [transport]
    activities:
      - {id: works, duration: 200, cost: {at_finish: 50}}
)";

template <typename Kind>
const Kind& as(const std::optional<Distribution>& distribution) {
    EXPECT_TRUE(distribution.has_value());
    return std::get<Kind>(*distribution);
}

const Activity& activity_named(const Scenario& scenario, const std::string& id) {
    for (const auto& project : scenario.projects)
        for (const auto& activity : project.activities)
            if (activity.id == id) return activity;
    throw std::runtime_error("no activity " + id);
}

std::string problems_of(const std::string& yaml) {
    const ScenarioReading reading = read_scenario_text(yaml, "test.yaml");
    std::string all;
    for (const auto& problem : reading.problems.items()) all += describe(problem) + "\n";
    return all;
}

TEST(UncertaintyLoader, ReadsTheProbabilityThatAnActivityOrMilestoneHappens) {
    const Scenario scenario = testing::scenario_from(rail_plan);
    EXPECT_EQ(activity_named(scenario, "hsr.track").probability, 0.8);
    EXPECT_EQ(activity_named(scenario, "hsr.approval").probability, 0.9);
    EXPECT_EQ(activity_named(scenario, "hsr.civil").probability, 1.0);  // the default
}

TEST(UncertaintyLoader, ReadsConditionsByShortAndFullIds) {
    const Scenario scenario = testing::scenario_from(rail_plan);
    const Activity& track = activity_named(scenario, "hsr.track");
    ASSERT_TRUE(track.only_if.has_value());
    EXPECT_EQ(track.only_if->activity, "hsr.approval");  // written as the short 'approval'
    EXPECT_EQ(track.only_if->when, Condition::When::by);
    EXPECT_EQ(track.only_if->date.iso(), "2024-06-30");
    EXPECT_EQ(track.only_if->where.line, 25);
    EXPECT_EQ(track.only_if->where.column, 18);

    const Activity& fallback = activity_named(scenario, "hsr.track-late");
    ASSERT_TRUE(fallback.only_if.has_value());
    EXPECT_EQ(fallback.only_if->activity, "hsr.approval");
    EXPECT_EQ(fallback.only_if->when, Condition::When::later_than);
    EXPECT_EQ(fallback.only_if->date.iso(), "2024-06-30");
    EXPECT_FALSE(activity_named(scenario, "hsr.civil").only_if.has_value());
}

TEST(UncertaintyLoader, ReadsUncertainLagsByDistributionAndAssumption) {
    const Scenario scenario = testing::scenario_from(rail_plan);
    const auto& links = activity_named(scenario, "hsr.track").predecessors;
    ASSERT_EQ(links.size(), 3u);

    EXPECT_EQ(links[0].predecessor, "hsr.civil");
    EXPECT_EQ(links[0].lag_days, 0);
    const auto& drawn = as<TriangularDistribution>(links[0].uncertain_lag);
    EXPECT_EQ(drawn.min, 20);
    EXPECT_EQ(drawn.mode, 30);
    EXPECT_EQ(drawn.max, 90);

    EXPECT_EQ(links[1].predecessor, "hsr.approval");
    EXPECT_EQ(links[1].type, LinkType::ss);
    EXPECT_EQ(links[1].lag_days, 0);
    const auto& assumed = as<LogNormalDistribution>(links[1].uncertain_lag);
    EXPECT_EQ(assumed.mu, lognormal_from_p10_p90(10, 60).mu);
    EXPECT_EQ(assumed.sigma, lognormal_from_p10_p90(10, 60).sigma);

    // A plain number stays a fixed lag, and may still be a lead.
    EXPECT_EQ(links[2].lag_days, -10);
    EXPECT_FALSE(links[2].uncertain_lag.has_value());
}

TEST(UncertaintyLoader, ReadsRisksWithHitsSelectionsWindowsAndMitigation) {
    const Scenario scenario = testing::scenario_from(rail_plan + R"(
risks:
  - id: tunnel-geology
    name: 隧道地质突变
    probability: 0.15
    hits: [hsr.civil, hsr.open]
    of: {categories: road, tags: [transport]}
    delay: {dist: triangular, min: 20, mode: 45, max: 120}
    multiplier: {dist: uniform, min: 1.05, max: 1.3}
    cost: claim
    window: {from: 2024-03-01, to: 2024-09-30}
    mitigation:
      probability: 0.05
      delay: {dist: triangular, min: 10, mode: 20, max: 60}
      cost_of_mitigation: 12
    why: Karst ground along the tunnel section
  - {id: flood, probability: 0.3, hits: [hsr.track], multiplier: 1.1, window: {to: 2024-08-31}}
)");
    ASSERT_EQ(scenario.risks.size(), 2u);
    const Risk& geology = scenario.risks[0];
    EXPECT_EQ(geology.id, "tunnel-geology");
    EXPECT_EQ(geology.name, "隧道地质突变");
    EXPECT_EQ(geology.why, "Karst ground along the tunnel section");
    EXPECT_EQ(geology.probability, 0.15);
    EXPECT_EQ(geology.activities, (std::vector<std::string>{"hsr.civil", "hsr.open"}));
    ASSERT_TRUE(geology.of.has_value());
    EXPECT_EQ(geology.of->categories, std::vector<Category>{Category::road});
    EXPECT_EQ(geology.of->tags, std::vector<std::string>{"transport"});
    EXPECT_TRUE(geology.of->projects.empty());
    EXPECT_EQ(as<TriangularDistribution>(geology.effect.delay).mode, 45);
    EXPECT_EQ(as<UniformDistribution>(geology.effect.multiplier).max, 1.3);
    EXPECT_EQ(as<PertDistribution>(geology.effect.cost).max, 60);  // the 'claim' assumption
    EXPECT_EQ(geology.window_from->iso(), "2024-03-01");
    EXPECT_EQ(geology.window_to->iso(), "2024-09-30");
    ASSERT_TRUE(geology.mitigation.has_value());
    const Mitigation& mitigation = *geology.mitigation;
    EXPECT_EQ(mitigation.probability, 0.05);
    EXPECT_EQ(as<TriangularDistribution>(mitigation.effect.delay).max, 60);
    EXPECT_FALSE(mitigation.effect.multiplier.has_value());  // keeps the risk's
    EXPECT_FALSE(mitigation.effect.cost.has_value());
    EXPECT_EQ(as<FixedDistribution>(mitigation.cost).value, 12);
    EXPECT_EQ(geology.where.line, 48);

    const Risk& flood = scenario.risks[1];
    EXPECT_EQ(flood.name, "flood");  // the id when no name is given
    EXPECT_FALSE(flood.of.has_value());
    EXPECT_FALSE(flood.effect.delay.has_value());
    EXPECT_EQ(as<FixedDistribution>(flood.effect.multiplier).value, 1.1);
    EXPECT_FALSE(flood.effect.cost.has_value());
    EXPECT_FALSE(flood.window_from.has_value());
    EXPECT_EQ(flood.window_to->iso(), "2024-08-31");
    EXPECT_FALSE(flood.mitigation.has_value());
}

TEST(UncertaintyLoader, ReadsCorrelationGroupsOfEveryKind) {
    const Scenario scenario = testing::scenario_from(rail_plan + R"(
risks:
  - {id: geology, probability: 0.1, hits: [hsr.civil], delay: 30}
  - {id: flood, probability: 0.2, of: {projects: hub}, delay: 10}
correlations:
  - id: tunnelling
    between: durations
    members: [hsr.civil, hsr.track]
    rho: 0.6
  - {id: transport-works, between: durations, members: [hsr.civil], of: {projects: hub}, rho: 0.4}
  - {id: contracts, between: costs, of: {tags: transport}, rho: -0.25}
  - {id: weather, between: risks, members: [geology, flood], rho: 1}
)");
    ASSERT_EQ(scenario.correlations.size(), 4u);
    const Correlation& tunnelling = scenario.correlations[0];
    EXPECT_EQ(tunnelling.id, "tunnelling");
    EXPECT_EQ(tunnelling.quantity, CorrelatedQuantity::durations);
    EXPECT_EQ(tunnelling.members, (std::vector<std::string>{"hsr.civil", "hsr.track"}));
    EXPECT_FALSE(tunnelling.of.has_value());
    EXPECT_EQ(tunnelling.rho, 0.6);
    EXPECT_EQ(tunnelling.where.line, 51);

    // A listed member and one the selection adds make two; the selection is kept as given.
    const Correlation& works = scenario.correlations[1];
    EXPECT_EQ(works.members, std::vector<std::string>{"hsr.civil"});
    ASSERT_TRUE(works.of.has_value());
    EXPECT_EQ(works.of->projects, std::vector<std::string>{"hub"});

    const Correlation& contracts = scenario.correlations[2];
    EXPECT_EQ(contracts.quantity, CorrelatedQuantity::costs);
    EXPECT_TRUE(contracts.members.empty());
    EXPECT_EQ(contracts.of->tags, std::vector<std::string>{"transport"});
    EXPECT_EQ(contracts.rho, -0.25);

    const Correlation& weather = scenario.correlations[3];
    EXPECT_EQ(weather.quantity, CorrelatedQuantity::risks);
    EXPECT_EQ(weather.members, (std::vector<std::string>{"geology", "flood"}));
    EXPECT_EQ(weather.rho, 1);
}

TEST(UncertaintyLoader, ReadsOptimismBiasAsAList) {
    const Scenario scenario = testing::scenario_from(rail_plan + R"(
optimism_bias:
  - category: rail
    duration: {dist: triangular, min: 0, mode: 0.1, max: 0.4}
    cost: {dist: lognormal, p10: 0.05, p90: 0.6}
    source: "Flyvbjerg et al. 2003"
  - {category: road, cost: 0.2}
)");
    ASSERT_EQ(scenario.uplifts.size(), 2u);
    const Uplift& rail = scenario.uplifts[0];
    EXPECT_EQ(rail.category, Category::rail);
    EXPECT_EQ(as<TriangularDistribution>(rail.duration).max, 0.4);
    EXPECT_EQ(as<LogNormalDistribution>(rail.cost).mu, lognormal_from_p10_p90(0.05, 0.6).mu);
    EXPECT_EQ(rail.source, "Flyvbjerg et al. 2003");
    EXPECT_EQ(rail.where.line, 48);

    const Uplift& road = scenario.uplifts[1];
    EXPECT_EQ(road.category, Category::road);
    EXPECT_FALSE(road.duration.has_value());
    EXPECT_EQ(as<FixedDistribution>(road.cost).value, 0.2);
    EXPECT_TRUE(road.source.empty());
}

TEST(UncertaintyLoader, TakesPipesimsOwnUpliftsByDefault) {
    const Scenario scenario = testing::scenario_from(rail_plan + "optimism_bias: default\n");
    EXPECT_FALSE(scenario.uplifts.empty());
}

TEST(UncertaintyLoader, LeavesTheNewPartsEmptyWhenNotGiven) {
    const Scenario scenario = testing::scenario_from(rail_plan);
    EXPECT_TRUE(scenario.risks.empty());
    EXPECT_TRUE(scenario.correlations.empty());
    EXPECT_TRUE(scenario.uplifts.empty());
}

// A part left out for its own problem is not reported again where a risk, a condition or a
// correlation names it.
TEST(UncertaintyLoader, ReportsAFaultyPartOnceWhereverItIsNamed) {
    const std::string problems = problems_of(R"(pipesim: 1
plan: {name: test, start: 2024-01-01, horizon: 2025-12-31}
projects:
  - id: p
    category: rail
    activities:
      - {id: a, duration: -5}
      - {id: b, duration: 10, only_if: {id: a, by: 2024-06-30}}
      - {id: c, duration: 10}
risks:
  - {id: geology, probability: 2, hits: [p.b], delay: 10}
  - {id: flood, probability: 0.1, hits: [p.a], delay: 10}
correlations:
  - {id: works, between: durations, members: [p.a, p.c], rho: 0.5}
  - {id: weather, between: risks, members: [geology, flood], rho: 0.5}
)");
    EXPECT_EQ(problems,
              "test.yaml:7:27: p.a: invalid duration: value must not be negative (got -5)\n"
              "test.yaml:11:32: risk geology: 'probability' must lie in [0, 1] (got 2)\n");
}

}  // namespace
}  // namespace pipesim
