// Plans with progress by the status date, whose dates are known exactly: finished work at
// its actual dates, work in progress from its actual start to the status date plus the
// work left, and work not started held until the status date.

#include <gtest/gtest.h>

#include <map>

#include "engine/simulation.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::find;
using testing::forecast_of;
using testing::plan_with;

// Status date 2024-01-11: time 10.
const std::string status = "  status_date: 2024-01-11\n";

void expect_finishes(const std::vector<FinishForecast>& forecasts, const Date& plan_start,
                     const std::map<std::string, double>& finish) {
    for (const auto& [id, t] : finish) {
        const auto& f = find(forecasts, id);
        EXPECT_DOUBLE_EQ(f.mean_days, t) << id;
        EXPECT_DOUBLE_EQ(f.sd_days, 0.0) << id;
        const Date expected = plan_start.plus_days(static_cast<int>(t) - 1);
        EXPECT_EQ(f.deterministic, expected) << id;
        for (const auto& date : f.dates) EXPECT_EQ(date, expected) << id;
    }
}

TEST(Progress, FinishedWorkKeepsItsActualDatesAndIsNotSampled) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: {dist: pert, min: 5, mode: 20, max: 60},
         actual_start: 2024-01-01, actual_finish: 2024-01-08}
      - {id: b, duration: 5, after: [a]}
      - {id: c, duration: 3, after: [{id: a, type: SS, lag: 12}]}
)",
                                               status),
                                     200, 1);
    // a ends with its eighth day (time 8); b waits for the status date (time 10).
    expect_finishes(results.activities, results.plan_start, {{"p.a", 8}, {"p.b", 15}, {"p.c", 15}});
}

TEST(Progress, WorkInProgressTakesWhatRemainsFromTheStatusDate) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: c, duration: {dist: triangular, min: 10, mode: 20, max: 30},
         actual_start: 2024-01-03, remaining: 4}
      - {id: d, duration: 2, after: [c]}
      - {id: e, duration: 20, actual_start: 2024-01-05, percent_complete: 25}
      - {id: f, duration: 9, actual_start: 2024-01-02, remaining: 2,
         after: [{id: e, type: FF, lag: 3}]}
      - {id: g, duration: 1, after: [{id: c, type: SF, lag: 20}]}
      - {id: h, duration: 1, after: [{id: c, type: SS, lag: 1}]}
)",
                                               status),
                                     200, 1);
    // c: 10 + 4; e: 10 + 20 x 0.75; f is held by its finish link to 25 + 3; g's finish
    // waits for c's actual start (time 2) + 20, h for the status date.
    expect_finishes(results.activities, results.plan_start,
                    {{"p.c", 14}, {"p.d", 16}, {"p.e", 25}, {"p.f", 28}, {"p.g", 22}, {"p.h", 11}});
}

TEST(Progress, UncertainRemainingWorkIsSampledFromTheStatusDate) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: c, duration: 50, actual_start: 2024-01-03,
         remaining: {dist: uniform, min: 10, max: 20}}
)",
                                               status),
                                     4000, 7);
    const auto& c = find(results.activities, "p.c");
    EXPECT_NEAR(c.mean_days, 25.0, 4 * std::sqrt(100.0 / 12.0 / 4000.0));
    EXPECT_EQ(c.deterministic, results.plan_start.plus_days(24));
}

TEST(Progress, AMilestoneThatHappenedIsDatedOnItsDay) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 3, actual_start: 2024-01-01, actual_finish: 2024-01-03}
      - {id: g, duration: 1, after: [m]}
    milestones:
      - {id: m, after: [a], actual_finish: 2024-01-05, target: 2024-01-04}
      - {id: late, after: [a], target: 2024-01-10}
)",
                                               status),
                                     100, 1);
    expect_finishes(results.milestones, results.plan_start, {{"p.m", 5}, {"p.late", 10}});
    expect_finishes(results.activities, results.plan_start, {{"p.g", 11}});
    EXPECT_EQ(find(results.milestones, "p.m").p_on_time, 0.0);
    EXPECT_EQ(find(results.milestones, "p.late").p_on_time, 1.0);
}

TEST(Progress, RisksHitOnlyTheWorkLeft) {
    const auto results = forecast_of(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 3, actual_start: 2024-01-01, actual_finish: 2024-01-03}
      - {id: c, duration: 30, actual_start: 2024-01-03, remaining: 4}
risks:
  - id: flood
    probability: 1
    hits: [p.a, p.c]
    multiplier: 2
    delay: 1
)",
                                               status),
                                     100, 1);
    const auto& a = find(results.activities, "p.a");
    const auto& c = find(results.activities, "p.c");
    EXPECT_DOUBLE_EQ(a.mean_days, 3.0);
    EXPECT_DOUBLE_EQ(c.mean_days, 10.0 + 4 * 2 + 1);
}

}  // namespace
}  // namespace pipesim
