// A hand-written P6 XER file covering every table the import reads (PROJECT, PROJWBS,
// CALENDAR, TASK, TASKPRED, TASKRSRC), every link type, both calendars, constraints and
// progress: its exact scenario, its warnings, and the dates that scenario gives.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/simulation.hpp"
#include "import/schedule_import.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::filesystem::path data = std::filesystem::path(PIPESIM_TEST_DATA_DIR) / "import";

std::string text_of(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

import::ImportResult imported(const std::string& name, const import::UncertaintyRules& rules = {}){
    return import::import_schedule(text_of(data / name), name, rules);
}  // namespace

TEST(XerImport, WritesTheExpectedScenario) {
    EXPECT_EQ(imported("rail.xer").yaml, text_of(data / "rail.expected.yaml"));
}

TEST(XerImport, ImportingTwiceGivesTheSameText) {
    EXPECT_EQ(imported("rail.xer").yaml, imported("rail.xer").yaml);
}

TEST(XerImport, ReportsWhatItCouldNotMapWithItsLine) {
    std::vector<std::string> warnings;
    for (const Problem& warning : imported("rail.xer").warnings)
        warnings.push_back(describe(warning));
    const std::vector<std::string> expected{
        "rail.xer:23: TASK: TT_LOE (level of effort or WBS summary) activity A1050 is not "
        "imported: it follows other work rather than doing its own",
        "rail.xer:24: TASK: constraint CS_ALAP is not supported: ignored",
        "rail.xer:33: TASKPRED: link from task_id 8 to task_id 7: 8 is not an imported task: "
        "left out",
        "rail.xer:34: TASKPRED: unknown relationship type 'PR_XX': left out"};
    EXPECT_EQ(warnings, expected);
}

// With fixed durations the scenario gives the dates the file implies (status date
// 2024-01-15 is time 14): design finished on 2024-01-12, earthworks finish 7 calendar days
// (5 working) after the status date, track laying follows 5 days (2 working days across
// the 2024-01-26 holiday) later and spans 15 days (10 working, the holiday again),
// signalling starts 3 days into it on the every-day calendar, testing ends a day after
// signalling (FF 1), and the line opens then: well before its target.
TEST(XerImport, FixedDurationsReproduceTheFilesDates) {
    import::UncertaintyRules fixed;
    fixed.fallback.shape = import::RangeShape::fixed;
    const auto results = testing::forecast_of(imported("rail.xer", fixed).yaml, 50, 1);
    const std::map<std::string, std::string> dates{
        {"civil.a1000", "2024-01-12"}, {"civil.a1010", "2024-01-21"},
        {"track.a1020", "2024-02-10"}, {"track.a1030", "2024-02-03"},
        {"track.a1040", "2024-02-04"}, {"track.a1060", "2024-03-05"}};
    for (const auto& [id, date] : dates) {
        const auto& activity = testing::find(results.activities, id);
        EXPECT_EQ(activity.deterministic->iso(), date) << id;
        EXPECT_EQ(activity.sd_days, 0.0) << id;
    }
    const auto& open = testing::find(results.milestones, "track.m1010");
    EXPECT_EQ(open.deterministic->iso(), "2024-02-04");
    EXPECT_EQ(open.p_on_time, 1.0);
    EXPECT_EQ(testing::find(results.milestones, "civil.m1000").deterministic->iso(), "2024-01-01");
}

TEST(XerImport, RulesPickRangesByCodeWbsAndName) {
    const auto rules = import::read_uncertainty_rules(R"(
default: {dist: fixed}
rules:
  - {code: "A102?", wbs: "TRACK", dist: pert, low: -20%, high: +50%}
  - {name: "*docs*", dist: uniform, low: 0, high: 100}
)",
                                                      "rules.yaml");
    const std::string yaml = imported("rail.xer", rules).yaml;
    EXPECT_NE(yaml.find("duration: {dist: pert, min: 12, mode: 15, max: 22.5}"), std::string::npos);
    EXPECT_NE(yaml.find("duration: {dist: uniform, min: 2, max: 4}"), std::string::npos);
    EXPECT_NE(yaml.find("duration: 14\n"), std::string::npos);  // design: the default
}

TEST(XerImport, RefusesBadRulesWithTheirPlace) {
    try {
        import::read_uncertainty_rules("rules:\n  - {code: A*, dist: beta}\n", "rules.yaml");
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_EQ(describe(error.problems().front()),
                  "rules.yaml:2:22: 'dist' must be one of: triangular, pert, uniform, fixed");
    }
}

void expect_refused(const std::string& text, const std::string& message) {
    try {
        import::import_schedule(text, "bad.xer", {});
        FAIL() << "no error for " << message;
    } catch (const InputError& error) {
        EXPECT_EQ(describe(error.problems().front()), message);
    }
}

TEST(XerImport, RefusesMalformedFiles) {
    const std::string header = "ERMHDR\t19.12\n";
    const std::string project =
        "%T\tPROJECT\n%F\tproj_id\tplan_start_date\n%R\t1\t2024-01-01 08:00\n";
    expect_refused("hello",
                   "bad.xer:1:1: not a schedule this import reads: a P6 XER file starts "
                   "with 'ERMHDR', an MS Project XML file with '<?xml' or '<Project'");
    expect_refused(header + "%R\t1\n", "bad.xer:2: '%R' row before its table's '%F' fields");
    expect_refused(header + "%T\tPROJECT\n%F\tproj_id\n%R\t1\t2\n",
                   "bad.xer:4: row of PROJECT has 2 values for 1 fields");
    expect_refused(header + "#junk\n",
                   "bad.xer:2: unknown line kind '#junk' (an XER line starts with %T, %F, %R or "
                   "%E)");
    expect_refused(header + project, "bad.xer: TASK: the XER file has no TASK table");
    expect_refused(header + "%T\tPROJECT\n%F\tproj_id\tplan_start_date\n%R\t1\t2024-13-01\n",
                   "bad.xer:4: PROJECT: plan_start_date '2024-13-01' is not a date 'YYYY-MM-DD "
                   "hh:mm'");
    expect_refused(header + project +
                       "%T\tTASK\n%F\ttask_id\ttask_code\ttask_name\ttarget_drtn_hr_cnt\n"
                       "%R\t1\tA\ta\tten\n",
                   "bad.xer:7: TASK: target_drtn_hr_cnt 'ten' is not a number");
    // Counting out 10^30 working days would not end: refused like a typo.
    expect_refused(header + project +
                       "%T\tTASK\n%F\ttask_id\ttask_code\ttask_name\ttarget_drtn_hr_cnt\n"
                       "%R\t1\tA\ta\t8e30\n",
                   "bad.xer:7: TASK: target_drtn_hr_cnt '8e30' is more than a century of "
                   "working days");
}

}  // namespace pipesim
}  // namespace pipesim
