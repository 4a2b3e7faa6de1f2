// Costs, investment funnels and targets as the loader reads them into the model.

#include <gtest/gtest.h>

#include <variant>

#include "io/scenario_loader.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::string plan_header = R"(pipesim: 1
plan:
  name: 黔江 2024 招商
  start: 2024-01-01
  horizon: 2025-12-31
  currency: 百万元
)";

// One rail project and one investment funnel that wait for each other, with two listed
// items and two batches.
const std::string investment_plan = plan_header + R"(
assumptions:
  track-laying:
    duration: {dist: pert, min: 120, mode: 160, max: 230}
    why: Two laying fronts
  lead-value:
    value: {dist: lognormal, p10: 150, p90: 900}
    why: Typical size of an industrial-chain project
  negotiation:
    duration: {dist: pert, min: 20, mode: 45, max: 120}
    why: Rounds of talks with the investor
projects:
  - id: hsr
    category: rail
    tags: [transport]
    activities:
      - id: track
        duration: track-laying
        cost:
          amount: {dist: triangular, min: 800, mode: 900, max: 1200}
          per_day: 1.5
          profile: s-curve
          at_start: lead-value
          at_finish: 20
    milestones:
      - id: open
        target: 2024-12-31
        after: [track, {id: industrial-chain.battery.signed, type: SS, lag: 5}]
        cost: {at_finish: 3}
  - id: industrial-park
    category: road
    milestones:
      - {id: road-open, target: 2024-06-30}
funnels:
  - id: industrial-chain
    name: 产业链招商
    tags: [industry, chain]
    stages:
      - id: lead
        name: 线索
        why: Where every prospect starts
      - id: negotiation
        name: 洽谈
        probability: 0.6
        duration: negotiation
      - id: signed
        name: 签约
        probability: 0.5
        duration: 60
      - id: started
        probability: 0.8
        duration: {dist: triangular, min: 30, mode: 60, max: 150}
    value: lead-value
    funds:
      stage: started
      fraction: {dist: uniform, min: 0.15, max: 0.35}
      days: {dist: triangular, min: 60, mode: 120, max: 240}
      profile: front-loaded
    items:
      - id: battery
        name: 新能源电池材料项目
        at: negotiation
        value: 2000
        stages:
          signed: {probability: 0.9, duration: 45}
          started: {after: [industrial-park.road-open, {id: hsr.track, type: FF, lag: -10}]}
      - id: textiles
        stages:
          started: {after: [industrial-chain.battery.started]}
    batches:
      - id: lead
        name: 线索项目
        count: 40
        why: Forty leads from the spring fair
      - id: big
        count: 9
        at: signed
        value: {dist: uniform, min: 500, max: 800}
)";

template <typename Kind>
const Kind& as(const std::optional<Distribution>& distribution) {
    EXPECT_TRUE(distribution.has_value());
    return std::get<Kind>(*distribution);
}

template <typename Kind>
const Kind& as(const Distribution& distribution) {
    return std::get<Kind>(distribution);
}

const Funnel& the_funnel(const Scenario& scenario) {
    EXPECT_EQ(scenario.funnels.size(), 1u);
    return scenario.funnels.at(0);
}

const FunnelItem& item_named(const Funnel& funnel, const std::string& id) {
    for (const auto& item : funnel.items)
        if (item.id == id) return item;
    throw std::runtime_error("no item " + id);
}

TEST(FunnelTargetLoader, ReadsTheCurrencyAndValueAssumptions) {
    const Scenario scenario = testing::scenario_from(investment_plan);
    EXPECT_EQ(scenario.plan.currency, "百万元");
    ASSERT_EQ(scenario.assumptions.size(), 3u);
    EXPECT_EQ(scenario.assumptions[1].id, "lead-value");
    const auto& value = as<LogNormalDistribution>(scenario.assumptions[1].value);
    EXPECT_EQ(value.mu, lognormal_from_p10_p90(150, 900).mu);
}

TEST(FunnelTargetLoader, ReadsCostsOfActivitiesAndMilestones) {
    const Scenario scenario = testing::scenario_from(investment_plan);
    const Activity& track = scenario.projects[0].activities[0];
    ASSERT_TRUE(track.cost.has_value());
    const ActivityCost& cost = *track.cost;
    const auto& amount = as<TriangularDistribution>(cost.amount);
    EXPECT_EQ(amount.min, 800);
    EXPECT_EQ(amount.mode, 900);
    EXPECT_EQ(amount.max, 1200);
    EXPECT_EQ(as<FixedDistribution>(cost.per_day).value, 1.5);
    EXPECT_EQ(cost.profile, SpendProfile::s_curve);
    EXPECT_TRUE(std::holds_alternative<LogNormalDistribution>(*cost.at_start));  // lead-value
    EXPECT_EQ(as<FixedDistribution>(cost.at_finish).value, 20);
    EXPECT_EQ(cost.where.line, 26);  // its first key

    const Activity& open = scenario.projects[0].activities[1];
    ASSERT_TRUE(open.cost.has_value());
    EXPECT_FALSE(open.cost->amount.has_value());
    EXPECT_FALSE(open.cost->per_day.has_value());
    EXPECT_FALSE(open.cost->at_start.has_value());
    EXPECT_EQ(as<FixedDistribution>(open.cost->at_finish).value, 3);
    EXPECT_EQ(open.cost->profile, SpendProfile::even);
    EXPECT_EQ(open.probability, 1.0);
    EXPECT_FALSE(scenario.projects[1].activities[0].cost.has_value());
}

TEST(FunnelTargetLoader, ReadsAFunnelsStagesAndFunds) {
    const Scenario scenario = testing::scenario_from(investment_plan);
    const Funnel& funnel = the_funnel(scenario);
    EXPECT_EQ(funnel.id, "industrial-chain");
    EXPECT_EQ(funnel.name, "产业链招商");
    EXPECT_EQ(funnel.category, Category::investment);
    EXPECT_EQ(funnel.tags, (std::vector<std::string>{"industry", "chain"}));
    ASSERT_EQ(funnel.stages.size(), 4u);

    const FunnelStage& lead = funnel.stages[0];
    EXPECT_EQ(lead.name, "线索");
    EXPECT_EQ(lead.why, "Where every prospect starts");
    EXPECT_EQ(lead.probability, 1.0);
    EXPECT_EQ(as<FixedDistribution>(lead.duration).value, 0);

    const FunnelStage& negotiation = funnel.stages[1];
    EXPECT_EQ(negotiation.probability, 0.6);
    EXPECT_EQ(negotiation.assumption, "negotiation");
    EXPECT_EQ(as<PertDistribution>(negotiation.duration).mode, 45);
    EXPECT_EQ(as<FixedDistribution>(funnel.stages[2].duration).value, 60);
    EXPECT_EQ(funnel.stages[3].name, "started");  // the id when no name is given
    EXPECT_EQ(as<TriangularDistribution>(funnel.stages[3].duration).max, 150);

    ASSERT_TRUE(funnel.funds.has_value());
    const FundsArrival& funds = *funnel.funds;
    EXPECT_EQ(funds.stage, "started");
    EXPECT_EQ(as<UniformDistribution>(funds.fraction).min, 0.15);
    EXPECT_EQ(as<UniformDistribution>(funds.fraction).max, 0.35);
    EXPECT_EQ(as<TriangularDistribution>(funds.days).mode, 120);
    EXPECT_EQ(funds.profile, SpendProfile::front_loaded);
}

TEST(FunnelTargetLoader, ItemsTakeTheFunnelsNumbersUnlessTheyGiveTheirOwn) {
    const Scenario scenario = testing::scenario_from(investment_plan);
    const Funnel& funnel = the_funnel(scenario);
    const FunnelItem& battery = item_named(funnel, "industrial-chain.battery");
    EXPECT_EQ(battery.name, "新能源电池材料项目");
    EXPECT_EQ(battery.reached, 1u);
    EXPECT_EQ(as<FixedDistribution>(battery.value).value, 2000);
    ASSERT_EQ(battery.stages.size(), 4u);
    EXPECT_EQ(battery.stages[0].probability, 1.0);
    EXPECT_EQ(as<FixedDistribution>(battery.stages[0].duration).value, 0);
    EXPECT_EQ(battery.stages[1].probability, 0.6);
    EXPECT_EQ(as<PertDistribution>(battery.stages[1].duration).max, 120);
    EXPECT_EQ(battery.stages[2].probability, 0.9);
    EXPECT_EQ(as<FixedDistribution>(battery.stages[2].duration).value, 45);
    EXPECT_EQ(battery.stages[3].probability, 0.8);
    EXPECT_TRUE(std::holds_alternative<TriangularDistribution>(battery.stages[3].duration));
    EXPECT_EQ(battery.where.line, 66);

    const FunnelItem& textiles = item_named(funnel, "industrial-chain.textiles");
    EXPECT_EQ(textiles.name, "textiles");
    EXPECT_EQ(textiles.reached, 0u);
    EXPECT_TRUE(std::holds_alternative<LogNormalDistribution>(textiles.value));
}

TEST(FunnelTargetLoader, BatchesGenerateZeroPaddedItemsAfterTheListedOnes) {
    const Scenario scenario = testing::scenario_from(investment_plan);
    const Funnel& funnel = the_funnel(scenario);
    ASSERT_EQ(funnel.items.size(), 2u + 40u + 9u);
    EXPECT_EQ(funnel.items[0].id, "industrial-chain.battery");
    EXPECT_EQ(funnel.items[1].id, "industrial-chain.textiles");

    const FunnelItem& first_lead = funnel.items[2];
    EXPECT_EQ(first_lead.id, "industrial-chain.lead-01");
    EXPECT_EQ(first_lead.name, "线索项目 01");
    EXPECT_EQ(first_lead.reached, 0u);
    EXPECT_TRUE(std::holds_alternative<LogNormalDistribution>(first_lead.value));
    ASSERT_EQ(first_lead.stages.size(), 4u);
    EXPECT_EQ(first_lead.stages[2].probability, 0.5);  // the funnel's, not battery's
    EXPECT_TRUE(first_lead.stages[3].predecessors.empty());
    EXPECT_EQ(funnel.items[41].id, "industrial-chain.lead-40");
    EXPECT_EQ(funnel.items[41].name, "线索项目 40");

    const FunnelItem& first_big = funnel.items[42];
    EXPECT_EQ(first_big.id, "industrial-chain.big-1");  // nine need one digit
    EXPECT_EQ(first_big.name, "big 1");
    EXPECT_EQ(first_big.reached, 2u);
    EXPECT_EQ(as<UniformDistribution>(first_big.value).max, 800);
    EXPECT_EQ(funnel.items.back().id, "industrial-chain.big-9");
}

TEST(FunnelTargetLoader, PadsToTheWidthOfTheCount) {
    const Scenario scenario = testing::scenario_from(plan_header + R"(projects:
  - {id: p, category: other, milestones: [{id: m}]}
funnels:
  - id: f
    stages: [{id: lead}, {id: won, probability: 0.1}]
    value: 1
    batches: [{id: x, count: 100}]
)");
    const Funnel& funnel = the_funnel(scenario);
    ASSERT_EQ(funnel.items.size(), 100u);
    EXPECT_EQ(funnel.items[0].id, "f.x-001");
    EXPECT_EQ(funnel.items[9].id, "f.x-010");
    EXPECT_EQ(funnel.items[99].id, "f.x-100");
}

TEST(FunnelTargetLoader, ResolvesDependenciesBetweenProjectsAndFunnels) {
    const Scenario scenario = testing::scenario_from(investment_plan);
    const Activity& open = scenario.projects[0].activities[1];
    ASSERT_EQ(open.predecessors.size(), 2u);
    EXPECT_EQ(open.predecessors[0].predecessor, "hsr.track");
    EXPECT_EQ(open.predecessors[1].predecessor, "industrial-chain.battery.signed");
    EXPECT_EQ(open.predecessors[1].type, LinkType::ss);
    EXPECT_EQ(open.predecessors[1].lag_days, 5);

    const Funnel& funnel = the_funnel(scenario);
    const auto& battery_started = item_named(funnel, "industrial-chain.battery").stages[3];
    ASSERT_EQ(battery_started.predecessors.size(), 2u);
    EXPECT_EQ(battery_started.predecessors[0].predecessor, "industrial-park.road-open");
    EXPECT_EQ(battery_started.predecessors[0].type, LinkType::fs);
    EXPECT_EQ(battery_started.predecessors[1].predecessor, "hsr.track");
    EXPECT_EQ(battery_started.predecessors[1].type, LinkType::ff);
    EXPECT_EQ(battery_started.predecessors[1].lag_days, -10);
    EXPECT_TRUE(item_named(funnel, "industrial-chain.battery").stages[2].predecessors.empty());

    const auto& textiles_started = item_named(funnel, "industrial-chain.textiles").stages[3];
    ASSERT_EQ(textiles_started.predecessors.size(), 1u);
    EXPECT_EQ(textiles_started.predecessors[0].predecessor, "industrial-chain.battery.started");
}

TEST(FunnelTargetLoader, ReadsTargetsWithSharesAndSelections) {
    const Scenario scenario = testing::scenario_from(investment_plan + R"(
targets:
  - id: signed-projects
    name: 签约产业链项目30个
    measure: items
    stage: signed
    of: {funnels: [industrial-chain], tags: [industry, chain]}
    at_least: 30
    by: 2024-12-31
  - id: on-time
    measure: milestones
    of: {categories: [rail, road], projects: hsr}
    at_least: 80%
    by: 2024-12-31
  - id: invested
    measure: value
    stage: started
    of: {funnels: industrial-chain, categories: investment}
    at_least: 2500.5
    by: 2025-06-30
  - {id: funds-in-place, measure: funds, at_least: 0, by: 2025-12-31}
  - {id: spent, measure: spend, of: {tags: transport}, at_least: 1000, by: 2024-01-01}
)");
    ASSERT_EQ(scenario.targets.size(), 5u);
    const Target& signed_projects = scenario.targets[0];
    EXPECT_EQ(signed_projects.name, "签约产业链项目30个");
    EXPECT_EQ(signed_projects.measure, TargetMeasure::items);
    EXPECT_EQ(signed_projects.stage, "signed");
    EXPECT_EQ(signed_projects.of.funnels, (std::vector<std::string>{"industrial-chain"}));
    EXPECT_EQ(signed_projects.of.tags, (std::vector<std::string>{"industry", "chain"}));
    EXPECT_TRUE(signed_projects.of.projects.empty());
    EXPECT_EQ(signed_projects.at_least, 30);
    EXPECT_FALSE(signed_projects.share);
    EXPECT_EQ(signed_projects.deadline.iso(), "2024-12-31");

    const Target& on_time = scenario.targets[1];
    EXPECT_EQ(on_time.name, "on-time");
    EXPECT_EQ(on_time.measure, TargetMeasure::milestones);
    EXPECT_TRUE(on_time.stage.empty());
    EXPECT_EQ(on_time.of.categories, (std::vector<Category>{Category::rail, Category::road}));
    EXPECT_EQ(on_time.of.projects, (std::vector<std::string>{"hsr"}));
    EXPECT_TRUE(on_time.share);
    EXPECT_DOUBLE_EQ(on_time.at_least, 0.8);

    const Target& invested = scenario.targets[2];
    EXPECT_EQ(invested.measure, TargetMeasure::value);
    EXPECT_EQ(invested.of.funnels, (std::vector<std::string>{"industrial-chain"}));
    EXPECT_EQ(invested.of.categories, (std::vector<Category>{Category::investment}));
    EXPECT_EQ(invested.at_least, 2500.5);

    EXPECT_EQ(scenario.targets[3].measure, TargetMeasure::funds);
    EXPECT_EQ(scenario.targets[3].at_least, 0);
    EXPECT_EQ(scenario.targets[4].measure, TargetMeasure::spend);
    EXPECT_EQ(scenario.targets[4].of.tags, (std::vector<std::string>{"transport"}));
    EXPECT_EQ(scenario.targets[4].deadline.iso(), "2024-01-01");
}

TEST(FunnelTargetLoader, AFullShareIsAllowed) {
    const Scenario scenario = testing::scenario_from(investment_plan + R"(
targets:
  - {id: all, measure: items, stage: lead, at_least: 100%, by: 2025-12-31}
)");
    EXPECT_TRUE(scenario.targets.at(0).share);
    EXPECT_EQ(scenario.targets.at(0).at_least, 1.0);
}

TEST(FunnelTargetLoader, ReportsEachFunnelAndTargetFaultOnce) {
    const ScenarioReading reading = read_scenario_text(plan_header + R"(projects:
  - {id: p, category: other, activities: [{id: a, duration: 3, after: [f.x.won]}]}
funnels:
  - id: f
    stages: [{id: lead, probability: 0.5}, {id: won, probabilty: 0.1}]
    value: 1
    items: [{id: x, at: wno}]
targets:
  - {id: t, measure: value, stage: won, at_least: 5%, by: 2024-12-31}
)",
                                                       "funnel.yaml");
    std::string all;
    for (const auto& problem : reading.problems.items()) all += describe(problem) + "\n";
    EXPECT_EQ(reading.problems.items().size(), 4u) << all;
    EXPECT_NE(all.find("f.lead: the first stage is where items enter: it takes no 'probability'"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("f.won: unknown key 'probabilty' (did you mean 'probability'?)"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("f.x: unknown stage 'wno' in funnel 'f' (did you mean 'won'?)"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("target t: a share (5%) is only for items and milestones targets"),
              std::string::npos)
        << all;
    // The item and the funnel are left out for their own faults: mentioning them is no new one.
    EXPECT_EQ(all.find("depends on unknown"), std::string::npos) << all;
    EXPECT_TRUE(reading.scenario.funnels.empty());
}

}  // namespace
}  // namespace pipesim
