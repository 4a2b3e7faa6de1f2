#include "report/results_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace pipesim {
namespace {

const std::string data_dir = PIPESIM_TEST_DATA_DIR;

std::string text_of(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// The problems reported for `text`, described as the command line prints them.
std::vector<std::string> problems_of(const std::string& text) {
    try {
        read_results_text(text, "results.json");
    } catch (const InputError& error) {
        std::vector<std::string> described;
        for (const auto& problem : error.problems()) described.push_back(describe(problem));
        return described;
    }
    return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("no " + from);
    return text.replace(at, from.size(), to);
}

TEST(ResultsReader, ReadsTheDefaultScenariosGoldenResults) {
    const auto results = read_results_file(data_dir + "/golden/qianjiang-2024.json");
    EXPECT_EQ(results.iterations, 4000u);
    EXPECT_EQ(results.seed, 7u);
    EXPECT_EQ(results.milestones.size(), 32u);
    EXPECT_EQ(results.targets.size(), 8u);
    EXPECT_EQ(results.funnels.size(), 3u);
    EXPECT_EQ(results.milestones[0].name, "新增航线一开通");
    EXPECT_EQ(results.milestones[0].histogram.bin_days, 7);
    EXPECT_EQ(results.currency, "million yuan");
    // The series keep the file's order: all spend first.
    ASSERT_FALSE(results.cashflow.empty());
    EXPECT_EQ(results.cashflow.front().id, "all");
    EXPECT_EQ(results.cashflow.front().by_month.size(), 36u);
    // The golden run computes drivers for every milestone with a target date.
    for (const auto& m : results.milestones)
        EXPECT_EQ(m.drivers.has_value(), m.target.has_value()) << m.id;
}

TEST(ResultsReader, ReadsDriversWithTheirGaps) {
    const auto results = read_results_file(data_dir + "/report/drivers.json");
    const auto& m = results.milestones.at(0);
    EXPECT_EQ(m.name, "通车 <A & \"B\">");
    EXPECT_DOUBLE_EQ(*m.p_on_time, 0.42);
    EXPECT_FALSE(m.dates[3]);  // P90 beyond the horizon
    ASSERT_TRUE(m.drivers);
    ASSERT_EQ(m.drivers->activities.size(), 2u);
    EXPECT_DOUBLE_EQ(*m.drivers->activities[0].criticality, 0.81);
    EXPECT_FALSE(m.drivers->activities[1].criticality);
    EXPECT_DOUBLE_EQ(*m.drivers->activities[1].sensitivity, -0.12);
    ASSERT_EQ(m.drivers->risks.size(), 3u);
    EXPECT_DOUBLE_EQ(*m.drivers->risks[0].p_points, 0.19);
    EXPECT_EQ(m.drivers->risks[0].p80_days, 22);
    EXPECT_FALSE(m.drivers->risks[1].p80_days);
    EXPECT_FALSE(m.drivers->risks[2].p_points);  // not estimated: null in the file
    EXPECT_FALSE(results.milestones.at(1).target);
    EXPECT_FALSE(results.milestones.at(1).drivers);
    EXPECT_EQ(results.targets.at(0).drivers->risks.at(0).risk, "market");
}

TEST(ResultsReader, MalformedJsonIsPlacedByLineAndColumn) {
    const auto problems = problems_of("{\n  \"scenario\": \"x\",\n  \"iterations\": ,\n}");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("results.json:3:17: not valid JSON: syntax error", 0), 0u)
        << problems[0];
}

TEST(ResultsReader, EveryMissingOrMistypedFieldIsListedWithItsOwner) {
    std::string text = text_of(data_dir + "/report/drivers.json");
    text = replaced(text, "\"p_happens\": 1.0,\n   \"mean_days\": 190.5", "\"mean_days\": 190.5");
    text = replaced(text, "\"p_reached\": 0.9,", "\"p_reached\": \"high\",");
    text = replaced(text, "\"p80_days\": 22", "\"p80_days\": \"late\"");
    const auto problems = problems_of(text);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0], "results.json: hsr.open: 'p_happens' is missing");
    EXPECT_EQ(problems[1], "results.json: hsr.open drivers: 'p80_days' should be a number or null");
    EXPECT_EQ(problems[2], "results.json: signed: 'p_reached' should be a number");
}

TEST(ResultsReader, AProbabilityOnTimeNeedsATargetAndTheOtherWayRound) {
    const std::string text = text_of(data_dir + "/report/drivers.json");
    EXPECT_EQ(
        problems_of(replaced(text, "\"p_on_time\": 0.42", "\"p_on_time\": null")),
        (std::vector<std::string>{"results.json: hsr.open: has a target but no 'p_on_time'"}));
    EXPECT_EQ(
        problems_of(replaced(text, "\"p_on_time\": null", "\"p_on_time\": 0.5")),
        (std::vector<std::string>{"results.json: school.open: has a 'p_on_time' but no target"}));
}

TEST(ResultsReader, ListsWithoutIdsAreNamedByPosition) {
    const auto problems = problems_of(
        replaced(text_of(data_dir + "/report/drivers.json"), "\"id\": \"school.open\",", ""));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0], "results.json: milestones[1]: 'id' is missing");
}

TEST(ResultsReader, SaysWhenTheFileIsNotThere) {
    try {
        read_results_file(data_dir + "/report/no-such-results.json");
        FAIL() << "read a missing file";
    } catch (const InputError& error) {
        EXPECT_NE(describe(error.problems().at(0)).find("no such file"), std::string::npos);
    }
}

TEST(ResultsReader, RejectsAnythingButAnObject) {
    const auto problems = problems_of("[1, 2]");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("not a results file"), std::string::npos);
}

}  // namespace
}  // namespace pipesim
