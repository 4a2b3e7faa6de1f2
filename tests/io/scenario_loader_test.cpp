#include "io/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <variant>

#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::plan_with;

TEST(ScenarioLoader, ReadsACompleteScenario) {
    const Scenario scenario = testing::scenario_from(R"(pipesim: 1
plan:
  name: 黔江 2024
  start: 2024-01-01
  status_date: 2024-02-01
  horizon: 2025-12-31
  iterations: 5000
  seed: 99
assumptions:
  tunnel:
    duration: {dist: pert, min: 30, mode: 45, max: 90}
    why: Remaining tunnel lining, typical for karst ground.
projects:
  - id: hsr
    name: 渝湘高铁重庆至黔江段
    category: rail
    tags: [transport, hsr]
    activities:
      - id: tunnel
        name: 隧道
        duration: tunnel
      - id: track
        duration: {dist: triangular, min: 20, mode: 30, max: 60}
        after: [tunnel]
        start_no_earlier_than: 2024-03-01
    milestones:
      - id: ready
        name: 基本达到通车条件
        target: 2024-12-31
        after: [{id: track, type: FF, lag: -2}]
  - id: hub
    category: rail
    milestones:
      - {id: done, after: [hsr.ready]}
)");
    EXPECT_EQ(scenario.plan.name, "黔江 2024");
    EXPECT_EQ(scenario.plan.status_date.iso(), "2024-02-01");
    EXPECT_EQ(scenario.plan.iterations, 5000u);
    EXPECT_EQ(scenario.plan.seed, 99u);
    ASSERT_EQ(scenario.assumptions.size(), 1u);
    EXPECT_EQ(scenario.assumptions[0].why, "Remaining tunnel lining, typical for karst ground.");
    ASSERT_EQ(scenario.projects.size(), 2u);
    const Project& hsr = scenario.projects[0];
    EXPECT_EQ(hsr.name, "渝湘高铁重庆至黔江段");
    EXPECT_EQ(hsr.category, Category::rail);
    EXPECT_EQ(hsr.tags, (std::vector<std::string>{"transport", "hsr"}));
    ASSERT_EQ(hsr.activities.size(), 3u);
    EXPECT_EQ(hsr.activities[0].id, "hsr.tunnel");
    EXPECT_EQ(hsr.activities[0].assumption, "tunnel");
    EXPECT_TRUE(std::holds_alternative<PertDistribution>(hsr.activities[0].duration));
    EXPECT_EQ(hsr.activities[1].predecessors.at(0).predecessor, "hsr.tunnel");
    EXPECT_EQ(hsr.activities[1].start_no_earlier_than->iso(), "2024-03-01");
    const Activity& ready = hsr.activities[2];
    EXPECT_EQ(ready.kind, ActivityKind::milestone);
    EXPECT_EQ(ready.target->iso(), "2024-12-31");
    EXPECT_EQ(ready.predecessors.at(0).type, LinkType::ff);
    EXPECT_EQ(ready.predecessors.at(0).lag_days, -2.0);
    EXPECT_EQ(ready.where.line, 27);
    EXPECT_EQ(scenario.projects[1].activities[0].predecessors.at(0).predecessor, "hsr.ready");
    EXPECT_EQ(scenario.projects[1].name, "hub");  // the id when no name is given
}

TEST(ScenarioLoader, AppliesDefaults) {
    const Scenario scenario = testing::scenario_from(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 3}
)"));
    EXPECT_EQ(scenario.plan.status_date, scenario.plan.start);
    EXPECT_EQ(scenario.plan.iterations, 10000u);
    EXPECT_EQ(scenario.plan.seed, 1u);
    EXPECT_TRUE(
        std::holds_alternative<FixedDistribution>(scenario.projects[0].activities[0].duration));
}

TEST(ScenarioLoader, ReportsEveryProblemInOnePass) {
    const ScenarioReading reading = read_scenario_text(plan_with(R"(
  - id: p
    category: railway
    activities:
      - {id: a, duraton: 3}
      - {id: b, duration: {dist: triangular, min: 5, mode: 4, max: 9}}
      - {id: c, duration: 2, after: [nowhere]}
)"),
                                                       "many.yaml");
    const auto& problems = reading.problems.items();
    ASSERT_EQ(problems.size(), 4u);
    std::string all;
    for (const auto& problem : problems) all += describe(problem) + "\n";
    EXPECT_NE(all.find("many.yaml:9:15: p: unknown category 'railway' (did you mean 'rail'?)"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("unknown key 'duraton' (did you mean 'duration'?)"), std::string::npos)
        << all;
    // The typo is one fault: it is not reported again as a missing 'duration'.
    EXPECT_EQ(all.find("missing required key 'duration'"), std::string::npos) << all;
    EXPECT_NE(all.find("p.b: invalid triangular duration"), std::string::npos) << all;
    EXPECT_NE(all.find("p.c: depends on unknown activity 'nowhere'"), std::string::npos) << all;
}

TEST(ScenarioLoader, KeepsTheValidPartsOfAFaultyFile) {
    const ScenarioReading reading = read_scenario_text(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 3}
      - {id: b, duration: -1}
)"),
                                                       "partial.yaml");
    EXPECT_EQ(reading.problems.items().size(), 1u);
    ASSERT_EQ(reading.scenario.projects.size(), 1u);
    EXPECT_EQ(reading.scenario.projects[0].activities.size(), 1u);
}

TEST(ScenarioLoader, NamesTheFileWhenItCannotBeRead) {
    const ScenarioReading reading = read_scenario_file("/nonexistent/plan.yaml");
    ASSERT_EQ(reading.problems.items().size(), 1u);
    EXPECT_EQ(describe(reading.problems.items()[0]), "/nonexistent/plan.yaml: no such file");
}

TEST(ScenarioLoader, LoadScenarioThrowsWithAllProblems) {
    try {
        load_scenario(PIPESIM_TEST_DATA_DIR "/invalid/unknown-key.yaml");
        FAIL() << "expected an InputError";
    } catch (const InputError& error) {
        EXPECT_GE(error.problems().size(), 1u);
    }
}

}  // namespace
}  // namespace pipesim
