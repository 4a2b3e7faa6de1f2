// The shipped scenario reads, compiles and reproduces its golden results. After an
// intended change to the numbers, regenerate the golden file with the command in
// tests/data/golden/README.md and review the diff.

#include <gtest/gtest.h>

#include "engine/scenario_run.hpp"

#include <fstream>
#include <sstream>

#include "engine/forecast.hpp"
#include "graph/network.hpp"
#include "io/scenario_loader.hpp"
#include "report/results_json.hpp"

namespace pipesim {
namespace {

const char* const default_scenario = PIPESIM_SCENARIO_DIR "/qianjiang-2024.yaml";
constexpr std::uint64_t golden_iterations = 4000;
constexpr std::uint64_t golden_seed = 7;

std::string read_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

TEST(DefaultScenario, IsValid) {
    const ScenarioReading reading = read_scenario_file(default_scenario);
    for (const auto& problem : reading.problems.items()) ADD_FAILURE() << describe(problem);
    EXPECT_TRUE(find_cycles(reading.scenario).empty());
    EXPECT_GE(reading.scenario.projects.size(), 10u);
}

TEST(DefaultScenario, EveryDurationIsAnExplainedAssumption) {
    const Scenario scenario = load_scenario(default_scenario);
    for (const auto& assumption : scenario.assumptions)
        EXPECT_FALSE(assumption.why.empty()) << assumption.id;
    for (const auto& project : scenario.projects) {
        for (const auto& activity : project.activities) {
            if (activity.kind == ActivityKind::work) {
                EXPECT_FALSE(activity.assumption.empty())
                    << activity.id << " has an inline duration";
            }
        }
    }
}

// The seed gives no lead counts, conversion rates or times: each stage says why it has its.
TEST(DefaultScenario, EveryFunnelStageExplainsItsConversion) {
    const Scenario scenario = load_scenario(default_scenario);
    ASSERT_FALSE(scenario.funnels.empty());
    for (const auto& funnel : scenario.funnels)
        for (std::size_t s = 1; s < funnel.stages.size(); ++s)
            if (funnel.stages[s].probability < 1 || mean(funnel.stages[s].duration) > 0) {
                EXPECT_FALSE(funnel.stages[s].why.empty())
                    << funnel.id << "." << funnel.stages[s].id;
            }
}

// The seed's investment targets: 30 projects signed, 12 billion yuan contracted, 2.7
// billion yuan in place, all by the year's end.
TEST(DefaultScenario, HoldsTheSeedsInvestmentTargets) {
    const Scenario scenario = load_scenario(default_scenario);
    const auto find = [&](const std::string& id) -> const Target& {
        for (const auto& target : scenario.targets)
            if (target.id == id) return target;
        throw std::runtime_error("no target " + id);
    };
    EXPECT_EQ(find("industrial-projects-signed").at_least, 30);
    EXPECT_EQ(find("contract-value").at_least, 12000);
    EXPECT_EQ(find("funds-in-place").at_least, 2700);
    EXPECT_EQ(scenario.plan.currency, "million yuan");
    for (const auto& target : scenario.targets) EXPECT_EQ(target.deadline.iso(), "2024-12-31");
}

TEST(DefaultScenario, ReproducesItsGoldenResults) {
    RunSettings settings;
    settings.iterations = golden_iterations;
    settings.seed = golden_seed;
    settings.drivers = true;  // as `pipesim run` does by default
    const ScenarioRun run = run_scenario(load_scenario(default_scenario), settings, {});
    const std::string json = results_to_json(run.results, run.mitigation);
    const std::string golden = read_text(PIPESIM_TEST_DATA_DIR "/golden/qianjiang-2024.json");
    ASSERT_FALSE(golden.empty()) << "missing golden file";
    EXPECT_EQ(json, golden) << "results changed; see tests/data/golden/README.md";
}

}  // namespace
}  // namespace pipesim
