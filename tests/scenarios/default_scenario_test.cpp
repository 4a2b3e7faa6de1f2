// The shipped scenario reads, compiles and reproduces its golden results. After an
// intended change to the numbers, regenerate the golden file with the command in
// tests/data/golden/README.md and review the diff.

#include <gtest/gtest.h>

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

TEST(DefaultScenario, ReproducesItsGoldenResults) {
    RunSettings settings;
    settings.iterations = golden_iterations;
    settings.seed = golden_seed;
    const std::string json =
        results_to_json(forecast(compile_network(load_scenario(default_scenario)), settings));
    const std::string golden = read_text(PIPESIM_TEST_DATA_DIR "/golden/qianjiang-2024.json");
    ASSERT_FALSE(golden.empty()) << "missing golden file";
    EXPECT_EQ(json, golden) << "results changed; see tests/data/golden/README.md";
}

}  // namespace
}  // namespace pipesim
