// Absurd input gets a clear problem or a documented limit (docs/scenario-format.md#limits),
// never a crash, a hang or a silent overflow: numbers past any plan, a billion iterations
// and more, batches that would generate millions of items, alias bombs, deep nesting,
// invalid UTF-8, very long text, and dates past the horizon.

#include <gtest/gtest.h>

#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::plan_with;

const std::string one_activity = R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 1}
)";

std::vector<Problem> problems_of(const std::string& yaml) {
    return read_scenario_text(yaml, "limits.yaml").problems.items();
}

// Whether some problem's reason holds `words`.
bool reports(const std::vector<Problem>& problems, const std::string& words) {
    for (const Problem& problem : problems)
        if (problem.reason.find(words) != std::string::npos) return true;
    return false;
}

TEST(Limits, AFinishPastAnyDateIsReportedAsBeyondTheHorizonNotWrapped) {
    const Results results = testing::forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 1e308}
    milestones:
      - {id: m, after: [a], target: 2024-06-01}
)"),
                                                 1000, 1);
    for (const auto* list : {&results.activities, &results.milestones}) {
        const FinishForecast& f = list->front();
        EXPECT_EQ(f.p_after_horizon, 1.0) << f.id;
        EXPECT_FALSE(f.deterministic.has_value()) << f.id << ": " << f.deterministic->iso();
        for (const auto& date : f.dates) EXPECT_FALSE(date.has_value()) << f.id;
    }
    EXPECT_EQ(results.milestones.front().p_on_time, 0.0);
}

TEST(Limits, NumbersBeyondADoubleAreOutOfRange) {
    const auto problems = problems_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 1e400}
)"));
    EXPECT_TRUE(reports(problems, "out of range"));
}

TEST(Limits, IterationsAreCappedAtOneBillion) {
    EXPECT_TRUE(problems_of(plan_with(one_activity, "  iterations: 1000000000\n")).empty());
    EXPECT_TRUE(reports(problems_of(plan_with(one_activity, "  iterations: 1000000001\n")),
                        "from 1 to 1,000,000,000"));
    EXPECT_TRUE(reports(problems_of(plan_with(one_activity, "  iterations: 1e300\n")),
                        "from 1 to 1,000,000,000"));
}

TEST(Limits, BatchesMayNotGenerateMoreThanTwoHundredThousandItems) {
    std::string funnels = R"(funnels:
  - id: f
    stages:
      - {id: lead}
      - {id: signed, probability: 0.5, duration: 10}
    value: 1
    batches:
)";
    // 100 batches of 100,000: ten million items from 4 KB of text.
    for (int b = 0; b < 100; ++b)
        funnels += "      - {id: b" + std::to_string(b) + ", count: 100000}\n";
    const auto problems = problems_of(plan_with(one_activity) + funnels);
    EXPECT_TRUE(reports(problems,
                        "would bring the funnels to 300000 items; a scenario may "
                        "have at most 200000"));
}

// Each level holds ten aliases of the one before: expanded, the last is 10^9 strings.
std::string billion_laughs(const std::string& indent) {
    std::string levels = indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        levels += indent + "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
        for (int k = 0; k < 10; ++k) levels += (k ? ", *l" : "*l") + std::to_string(level - 1);
        levels += "]\n";
    }
    return levels;
}

TEST(Limits, AnAliasBombIsCheckedWithoutExpandingIt) {
    // An alias is the anchored node itself, not a copy: reading it costs its text.
    const std::string bomb = billion_laughs("");
    for (const char* use : {"    tags: *l9\n", "    activities: *l9\n", "    name: *l9\n",
                            "    activities:\n      - {id: a, duration: *l9, after: *l9}\n"}) {
        SCOPED_TRACE(use);
        const std::string yaml =
            plan_with("  - id: p\n    category: other\n" + std::string(use)) + bomb;
        EXPECT_FALSE(problems_of(yaml).empty());
    }
}

TEST(Limits, NestingDeeperThanFiveHundredLevelsIsRefused) {
    const std::string deep = plan_with(one_activity) + "risks: " + std::string(100'000, '[') +
                             std::string(100'000, ']') + "\n";
    EXPECT_TRUE(reports(problems_of(deep), "nests more than 500 levels deep"));
}

// yaml-cpp 0.7 loops for ever on these, adding empty documents (io/yaml_documents.hpp).
TEST(Limits, ATokenNoDocumentCanStartWithIsNotValidYaml) {
    for (const char* text : {",", "pipesim: 1\n---\n,\n", ",]"}) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(reports(problems_of(text), "not valid YAML"));
    }
}

TEST(Limits, InvalidUtf8IsReportedWithItsLineAndColumn) {
    const auto problems = problems_of(plan_with(R"(
  - id: p
    name: "caf)" + std::string("\xE9") + R"("
    category: other
    activities:
      - {id: a, duration: 1}
)"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].reason, "the file is not valid UTF-8 text");
    EXPECT_EQ(problems[0].where.line, 9);
    EXPECT_EQ(problems[0].where.column, 15);
}

TEST(Limits, VeryLongTextIsKeptWhole) {
    const std::string name(1'000'000, 'x');
    const Scenario scenario = testing::scenario_from(plan_with(R"(
  - id: p
    name: )" + name + R"(
    category: other
    activities:
      - {id: a, duration: 1}
)"));
    EXPECT_EQ(scenario.projects.front().name, name);
}

TEST(Limits, DatesBeyondTheCalendarAreBadDates) {
    const auto problems = problems_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 1}
    milestones:
      - {id: m, after: [a], target: 99999-01-01}
)"));
    EXPECT_TRUE(reports(problems, "calendar date"));
}

}  // namespace
}  // namespace pipesim
