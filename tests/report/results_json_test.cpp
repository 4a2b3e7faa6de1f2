#include "report/results_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/csv_tables.hpp"
#include "report/terminal_table.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::string scenario = testing::plan_with(R"(
  - id: hsr
    name: 渝湘高铁 "Chongqing, Qianjiang"
    category: rail
    activities:
      - {id: a, name: "铺轨, 第一段 \"A\"", duration: {dist: triangular, min: 10, mode: 20, max: 40}}
    milestones:
      - {id: ready, name: 基本达到通车条件, after: [a], target: 2024-01-25}
)",
                                                "  iterations: 777\n  seed: 5\n");

TEST(ResultsJson, HasTheDocumentedShape) {
    const auto json =
        nlohmann::json::parse(results_to_json(testing::forecast_of(scenario, 4000, 7)));
    EXPECT_EQ(json["scenario"], "test plan");
    EXPECT_EQ(json["iterations"], 4000);
    EXPECT_EQ(json["seed"], 7);
    ASSERT_EQ(json["milestones"].size(), 1u);
    const auto& m = json["milestones"][0];
    EXPECT_EQ(m["id"], "hsr.ready");
    EXPECT_EQ(m["name"], "基本达到通车条件");  // UTF-8 round-trips byte for byte
    EXPECT_EQ(m["project"], "hsr");
    EXPECT_EQ(m["category"], "rail");
    EXPECT_EQ(m["target"], "2024-01-25");
    for (const char* key : {"p_on_time", "p_on_time_se", "p_after_horizon", "mean_days", "sd_days"})
        EXPECT_TRUE(m[key].is_number()) << key;
    for (const char* q : {"p10", "p50", "p80", "p90"}) EXPECT_TRUE(m["dates"][q].is_string()) << q;
    EXPECT_EQ(m["deterministic"], "2024-01-20");
    EXPECT_FALSE(json["activities"][0].contains("p_on_time"));
    for (const char* absent : {"threads", "elapsed", "host", "time"})
        EXPECT_FALSE(json.contains(absent));
}

TEST(ResultsJson, CsvQuotesNamesWithCommasAndQuotes) {
    const auto results = testing::forecast_of(scenario, 500, 7);
    const std::string csv = activities_csv(results.activities);
    EXPECT_EQ(
        csv.substr(0, csv.find('\n')),
        "id,name,project,category,p10,p50,p80,p90,p_after_horizon,p_happens,mean_days,sd_days,"
        "deterministic");
    EXPECT_NE(csv.find("hsr.a,\"铺轨, 第一段 \"\"A\"\"\",hsr,rail,"), std::string::npos) << csv;
    const std::string milestones = milestones_csv(results.milestones);
    EXPECT_NE(milestones.find(",2024-01-25,"), std::string::npos) << milestones;
}

TEST(ResultsJson, TargetsCsvWritesHugeAmountsInFull) {
    TargetForecast target{};
    target.id = "signed";
    target.threshold = 1e200;
    target.at_deadline.mean = 1.5e200;
    const std::string csv = targets_csv({target});
    const std::string row = csv.substr(csv.find('\n') + 1);
    std::vector<std::string> cells;
    for (std::size_t start = 0, comma; start < row.size(); start = comma + 1) {
        comma = std::min(row.find(',', start), row.size());
        cells.push_back(row.substr(start, comma - start));
    }
    ASSERT_EQ(cells.size(), 19u) << csv;
    EXPECT_EQ(std::stod(cells[4]), 1e200) << cells[4];      // threshold
    EXPECT_EQ(std::stod(cells[13]), 1.5e200) << cells[13];  // mean_at_deadline
}

TEST(ResultsJson, TerminalTableAlignsChineseNames) {
    const std::string table = milestone_table(testing::forecast_of(scenario, 500, 7));
    EXPECT_NE(table.find("基本达到通车条件"), std::string::npos);
    EXPECT_NE(table.find("2024-01-25"), std::string::npos);
    EXPECT_NE(table.find('%'), std::string::npos);
}

}  // namespace
}  // namespace pipesim

namespace pipesim {
namespace {

TEST(ResultsJson, ListsTheTopDriversUnlessAskedForAll) {
    RunSettings settings;
    settings.iterations = 2000;
    settings.drivers = true;
    const Results results = forecast(testing::network_from(testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: {dist: uniform, min: 0, max: 100}}
      - {id: b, duration: {dist: uniform, min: 0, max: 100}, after: [a]}
      - {id: c, duration: {dist: uniform, min: 0, max: 100}, after: [b]}
    milestones:
      - {id: done, after: [c], target: 2024-06-01}
)")),
                                     settings);
    const auto drivers_of = [&](std::size_t listed) {
        return nlohmann::json::parse(
            results_to_json(results, {}, listed))["milestones"][0]["drivers"]["activities"];
    };
    EXPECT_EQ(drivers_of(2).size(), 2u);
    EXPECT_EQ(drivers_of(all_drivers).size(), 3u);
    for (const char* key : {"criticality", "sensitivity", "cruciality", "ssi"})
        EXPECT_TRUE(drivers_of(1)[0][key].is_number()) << key;
}

}  // namespace
}  // namespace pipesim
