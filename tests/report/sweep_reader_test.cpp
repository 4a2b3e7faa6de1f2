#include "report/sweep_reader.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "report/sweep_tables.hpp"

namespace pipesim {
namespace {

// A sweep of one number over two values, the base first, as `pipesim sweep` writes it.
SweepResults small_sweep() {
    const auto promise = [](const char* id, const char* kind, double p,
                            std::optional<double> difference) {
        return PromiseAtPoint{id,
                              std::string("名 ") + id,
                              kind,
                              p,
                              0.01,
                              Date::parse("2024-11-30"),
                              std::nullopt,
                              difference,
                              difference ? std::optional(0.002) : std::nullopt,
                              difference ? std::optional(0.014) : std::nullopt};
    };
    SweepResults sweep{"Qianjiang <wet> & \"dry\"", 500, 7, {"durations.scale"}, {}};
    sweep.points.push_back(
        {"base",
         {},
         {promise("rail-open", "milestone", 0.5, 0.0), promise("signed-30", "target", 0.25, 0.0)}});
    for (double value : {0.9, 1.1})
        sweep.points.push_back({"durations.scale=" + std::to_string(value),
                                {vary_override("durations.scale", value)},
                                {promise("rail-open", "milestone", 0.5 / value, 0.1),
                                 promise("signed-30", "target", 0.25, std::nullopt)}});
    return sweep;
}

std::vector<std::string> problems_of(const std::string& text) {
    try {
        read_sweep_text(text, "sweep.json");
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

TEST(SweepReader, ReadsBackWhatTheSweepWrote) {
    const std::string json = sweep_to_json(small_sweep());
    const SweepResults read = read_sweep_text(json, "sweep.json");
    EXPECT_EQ(read.scenario, "Qianjiang <wet> & \"dry\"");
    EXPECT_EQ(read.iterations, 500u);
    EXPECT_EQ(read.seed, 7u);
    ASSERT_EQ(read.points.size(), 3u);
    EXPECT_TRUE(read.points[0].overrides.empty());
    EXPECT_EQ(value_at(read.points[2], "durations.scale"), 1.1);
    EXPECT_EQ(read.points[1].promises[1].kind, "target");
    EXPECT_EQ(read.points[1].promises[1].name, "名 signed-30");
    EXPECT_FALSE(read.points[1].promises[1].difference.has_value());
    // Written again, the same bytes: nothing is lost on the way.
    EXPECT_EQ(sweep_to_json(read), json);
}

TEST(SweepReader, AFileWithoutNamesGivesTheIds) {
    std::string json = sweep_to_json(small_sweep());
    for (auto at = json.find("\"name\""); at != std::string::npos; at = json.find("\"name\""))
        json.erase(at, json.find('\n', at) + 1 - at);
    const SweepResults read = read_sweep_text(json, "sweep.json");
    EXPECT_EQ(read.points[2].promises[0].name, "rail-open");
}

TEST(SweepReader, TellsASweepFromARunsResults) {
    EXPECT_TRUE(is_sweep_json(sweep_to_json(small_sweep())));
    EXPECT_FALSE(is_sweep_json(R"({"scenario": "x", "milestones": []})"));
    EXPECT_FALSE(is_sweep_json("{ not json"));
    EXPECT_FALSE(is_sweep_json(R"(["varied", "points"])"));
}

TEST(SweepReader, MalformedJsonIsPlaced) {
    const auto problems = problems_of("{\n  \"scenario\": \"x\",\n  \"points\": [,]\n}\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("sweep.json:3:14: not valid JSON", 0), 0u) << problems[0];
}

TEST(SweepReader, NamesEveryMissingOrWrongKey) {
    std::string json = sweep_to_json(small_sweep());
    json = replaced(json, "\"iterations\": 500,", "");
    json = replaced(json, "\"id\": \"signed-30\",", "");
    json = replaced(json, "\"p\": 0.5,", "\"p\": \"half\",");
    json = replaced(json, "\"durations.scale\": 0.9", "\"durations.scale\": \"0.9\"");
    const auto problems = problems_of(json);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0], "sweep.json: settings: 'iterations' is missing");
    EXPECT_EQ(problems[1], "sweep.json: points[0] rail-open: 'p' should be a number");
    EXPECT_EQ(problems[2], "sweep.json: points[0] promises[1]: 'id' is missing");
    EXPECT_EQ(problems[3],
              "sweep.json: points[1] values: 'durations.scale' should be a number "
              "or null");
}

TEST(SweepReader, RefusesValuesOfPathsItDoesNotVary) {
    const std::string json = replaced(sweep_to_json(small_sweep()),
                                      "\"varied\": [\n  \"durations.scale\"\n ]", "\"varied\": []");
    const auto problems = problems_of(json);
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0],
              "sweep.json: points[0]: 'values' has 'durations.scale', which 'varied' does not "
              "list");
}

TEST(SweepReader, SaysWhatTheTopLevelIsNot) {
    const auto problems = problems_of("[1, 2]");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0], "sweep.json: not a sweep file: the top level is not an object");
}

TEST(SweepReader, AMissingFileIsNamed) {
    try {
        read_sweep_file("no/such/sweep.json");
        FAIL() << "read a missing file";
    } catch (const InputError& error) {
        EXPECT_EQ(describe(error.problems().front()), "no/such/sweep.json: no such file");
    }
}

}  // namespace
}  // namespace pipesim
