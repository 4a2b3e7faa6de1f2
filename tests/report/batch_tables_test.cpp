#include "report/batch_tables.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::string plan = testing::plan_with(R"(  - id: p
    name: 渝湘 "A, B"
    category: rail
    activities:
      - {id: a, duration: {dist: uniform, min: 10, max: 20}}
    milestones:
      - {id: done, name: "通车, 第一段", after: [a], target: 2024-01-15}
      - {id: later, after: [done], target: 2024-02-15}
)");

std::vector<BatchEntry> entries() {
    RunSettings settings;
    settings.iterations = 500;
    settings.drivers = true;
    const Results results = forecast(testing::network_from(plan), settings);
    BatchEntry broken;
    broken.file = "broken.yaml";
    broken.error = "broken.yaml:3:1: no such key";
    return {batch_entry("a.yaml", results, listed_drivers), broken,
            batch_entry("b.yaml", results, listed_drivers)};
}

// Every row of a query, cells as text (NULL as "NULL").
std::vector<std::vector<std::string>> query(const std::filesystem::path& file,
                                            const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto* text = sqlite3_column_text(statement, c);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
        rows.push_back(row);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

TEST(BatchTables, ConsolidateEveryScenarioThatRanWithItsRunNumber) {
    const std::string csv = batch_milestones_csv(entries());
    EXPECT_EQ(csv.substr(0, csv.find('\n')).rfind("run,file,scenario,id,name,", 0), 0u);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * 2);
    EXPECT_NE(csv.find("\n1,a.yaml,test plan,p.done,\"通车, 第一段\","), std::string::npos);
    EXPECT_NE(csv.find("\n3,b.yaml,test plan,p.later,"), std::string::npos);
    EXPECT_EQ(csv.find("broken.yaml"), std::string::npos);
}

TEST(BatchTables, TheDatabaseHasRunsMilestonesTargetsAndDrivers) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("pipesim-batch-" + std::to_string(::getpid()) + ".sqlite");
    write_batch_database(entries(), file);
    EXPECT_FALSE(std::filesystem::exists(file.string() + ".partial"));
    const auto runs = query(file, "SELECT run, file, status, error FROM runs ORDER BY run");
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[1], (std::vector<std::string>{"2", "broken.yaml", "failed",
                                                 "broken.yaml:3:1: no such key"}));
    EXPECT_EQ(runs[2][2], "done");
    const auto late = query(file,
                            "SELECT run, name, typeof(p_on_time) FROM milestones WHERE id = "
                            "'p.done' ORDER BY run");
    ASSERT_EQ(late.size(), 2u);
    EXPECT_EQ(late[0], (std::vector<std::string>{"1", "通车, 第一段", "real"}));
    const auto drivers = query(file,
                               "SELECT driver, criticality FROM drivers WHERE run = 1 AND id = "
                               "'p.done' AND driver_type = 'activity'");
    ASSERT_EQ(drivers.size(), 1u);
    EXPECT_EQ(drivers[0][0], "p.a");
    EXPECT_EQ(std::stod(drivers[0][1]), 1.0);
    std::filesystem::remove(file);
}

}  // namespace
}  // namespace pipesim
