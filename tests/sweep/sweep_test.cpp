// Sweeps, comparisons and variants: numbers changed by path, points on the same random
// numbers, exact differences.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "io/overrides.hpp"
#include "report/sweep_tables.hpp"
#include "support/scenarios.hpp"
#include "sweep/sweep_run.hpp"

namespace pipesim {
namespace {

// On time (by day 125) unless the flood (delay 20) hits and b takes more than 5 of its
// uniform 0..10 days: p_on_time = 1 - p / 2 for flood probability p.
const std::string flood = testing::plan_with(R"(  - id: p
    category: rail
    activities:
      - {id: a, duration: 100}
      - {id: b, duration: {dist: uniform, min: 0, max: 10}, after: [a]}
    milestones:
      - {id: done, after: [b], target: 2024-05-04}
)") + R"(risks:
  - id: flood
    probability: 0.3
    hits: [p.a]
    delay: 20
)";

RunSettings settings(std::uint64_t iterations, unsigned threads = 2) {
    RunSettings s;
    s.iterations = iterations;
    s.seed = 17;
    s.threads = threads;
    return s;
}

TEST(SweepSpec, ReadsListsAndRanges) {
    const Vary list = parse_vary("risks.flood.probability=0.1,0.2,0.4");
    EXPECT_EQ(list.path, "risks.flood.probability");
    EXPECT_EQ(list.values, (std::vector<double>{0.1, 0.2, 0.4}));
    const Vary range = parse_vary("durations.scale=0.5:1.5:11");
    ASSERT_EQ(range.values.size(), 11u);
    EXPECT_EQ(range.values.front(), 0.5);
    EXPECT_EQ(range.values.back(), 1.5);
    EXPECT_DOUBLE_EQ(range.values[5], 1.0);
    // As a planner writes them, not as binary arithmetic leaves them.
    EXPECT_EQ(parse_vary("x=0:0.8:5").values[3], 0.6);
}

TEST(SweepSpec, RefusesMalformedArgumentsNamingThem) {
    for (const char* bad : {"risks.flood.probability", "=1", "x=", "x=0.1,abc", "x=1:2", "x=1:2:1",
                            "x=1:2:2.5", "x=a:2:3", "x=1:2:100000"}) {
        try {
            parse_vary(bad);
            ADD_FAILURE() << bad;
        } catch (const InputError& error) {
            EXPECT_EQ(error.problems().at(0).entity, std::string("--vary ") + bad);
        }
    }
}

// The reason a --vary is refused.
std::string refusal_of(const std::string& argument) {
    try {
        parse_vary(argument);
    } catch (const InputError& error) {
        return error.problems().at(0).reason;
    }
    return "accepted";
}

TEST(SweepSpec, RefusesAbsurdCountsAndNonFiniteValuesSayingWhy) {
    EXPECT_EQ(refusal_of("x=0:1:1000000000"),
              "the count of a range must be a whole number from 2 to 1000");
    EXPECT_EQ(refusal_of("x=0:1:1e300"), refusal_of("x=0:1:1000000000"));
    EXPECT_EQ(parse_vary("x=0:1:1000").values.size(), max_vary_values);
    std::string list = "x=0";
    for (std::size_t i = 1; i < max_vary_values; ++i) list += ",0";
    EXPECT_EQ(parse_vary(list).values.size(), max_vary_values);
    EXPECT_EQ(refusal_of(list + ",0"), "a list may give at most 1000 values");
    EXPECT_EQ(refusal_of("x=-1e308:1e308:3"),
              "the ends of a range are too far apart to step between");
    EXPECT_EQ(refusal_of("x=0:inf:3"), "the ends of a range must be finite numbers");
    EXPECT_EQ(refusal_of("x=nan:1:3"), "the ends of a range must be finite numbers");
    EXPECT_EQ(refusal_of("x=1,nan"), "'nan' is not a finite number (a list is 0.1,0.2,0.4)");
    EXPECT_EQ(refusal_of("x=1e400"), "'1e400' is not a finite number (a list is 0.1,0.2,0.4)");
}

TEST(SweepSpec, RefusesTooManyPointsBeforeMakingThem) {
    const Vary thousand = parse_vary("a=0:1:1000");
    EXPECT_EQ(one_at_a_time_points(std::vector<Vary>(10, thousand)).size(), 1u + 10'000u);
    EXPECT_THROW(one_at_a_time_points(std::vector<Vary>(11, thousand)), InputError);
    EXPECT_THROW(grid_points({thousand, parse_vary("b=0:1:11")}), InputError);
}

TEST(SweepSpec, GridsCombineEveryValueAndOneAtATimeVariesEachAlone) {
    const std::vector<Vary> varies{{"a", {1, 2}}, {"b", {10, 20, 30}}};
    const auto grid = grid_points(varies);
    ASSERT_EQ(grid.size(), 1u + 6u);
    EXPECT_TRUE(grid[0].overrides.empty());
    EXPECT_EQ(grid[1].overrides[0].value, 1);
    EXPECT_EQ(grid[1].overrides[1].value, 10);
    EXPECT_EQ(grid[3].overrides[1].value, 30);
    EXPECT_EQ(grid[4].overrides[0].value, 2);
    const auto alone = one_at_a_time_points(varies);
    ASSERT_EQ(alone.size(), 1u + 5u);
    for (std::size_t p = 1; p < alone.size(); ++p) EXPECT_EQ(alone[p].overrides.size(), 1u);
}

TEST(Overrides, ChangeNumbersInPlaceSoProblemsKeepTheirLines) {
    const ScenarioReading changed =
        read_with_overrides(flood, "flood.yaml", {vary_override("risks.flood.probability", 1.5)});
    ASSERT_EQ(changed.problems.items().size(), 1u);
    const Problem& problem = changed.problems.items()[0];
    EXPECT_EQ(problem.where.line, 16);  // the line of `probability: 0.3`
    EXPECT_NE(problem.reason.find("1.5"), std::string::npos) << problem.reason;
}

TEST(Overrides, AnUnknownPathListsTheClosest) {
    const ScenarioReading reading =
        read_with_overrides(flood, "flood.yaml", {vary_override("risks.flod.probability", 0.5)});
    ASSERT_EQ(reading.problems.items().size(), 1u);
    EXPECT_EQ(reading.problems.items()[0].entity, "--vary risks.flod.probability");
    EXPECT_NE(reading.problems.items()[0].reason.find("closest paths are risks.flood.probability"),
              std::string::npos);
}

TEST(Overrides, ScaleDurationsByActivityProjectCategoryAndAll) {
    const auto deterministic_days = [&](const std::string& path, double factor) {
        const ScenarioReading reading =
            read_with_overrides(flood, "flood.yaml", {vary_override(path, factor)});
        reading.problems.throw_if_any();
        const Results results = forecast(compile_network(reading.scenario), settings(100));
        return *testing::find(results.milestones, "p.done").deterministic -
               *Date::parse("2024-01-01");
    };
    // a: 100 days, b: most likely 5: the single-point plan finishes at day 105.
    EXPECT_EQ(deterministic_days("durations.scale", 1.0), 104);
    EXPECT_EQ(deterministic_days("projects.p.activities.a.duration.scale", 1.5), 154);
    EXPECT_EQ(deterministic_days("projects.p.duration_scale", 2.0), 209);
    EXPECT_EQ(deterministic_days("categories.rail.duration_scale", 2.0), 209);
    EXPECT_EQ(deterministic_days("categories.road.duration_scale", 2.0), 104);
    const ScenarioReading bad =
        read_with_overrides(flood, "flood.yaml", {vary_override("durations.scale", 0.0)});
    EXPECT_FALSE(bad.problems.empty());
}

TEST(Overrides, AScaleThatStretchesADurationPastADoubleIsAProblemOfTheScale) {
    for (const double factor : {1e308, 1e300}) {
        const ScenarioReading reading =
            read_with_overrides(flood, "flood.yaml", {vary_override("durations.scale", factor)});
        ASSERT_FALSE(reading.problems.empty()) << factor;
        const Problem& problem = reading.problems.items()[0];
        EXPECT_EQ(problem.entity, "--vary durations.scale");
        EXPECT_EQ(problem.reason.find("the duration of p."), 0u) << problem.reason;
        EXPECT_NE(problem.reason.find(" scaled by 1e+3"), std::string::npos) << problem.reason;
    }
    // Still a double: the finish is simply beyond the horizon.
    EXPECT_TRUE(read_with_overrides(flood, "flood.yaml", {vary_override("durations.scale", 1e100)})
                    .problems.empty());
}

TEST(Sweep, ARiskProbabilityMovesTheMilestoneLinearly) {
    const std::uint64_t n = 40000;
    const std::vector<Vary> varies{parse_vary("risks.flood.probability=0:1:5")};
    const SweepResults sweep =
        run_sweep(scenario_text_of(flood, "flood.yaml"), varies, grid_points(varies), settings(n));
    ASSERT_EQ(sweep.points.size(), 6u);
    for (std::size_t point = 1; point < sweep.points.size(); ++point) {
        const double p = 0.25 * static_cast<double>(point - 1);
        const PromiseAtPoint& done = sweep.points[point].promises.at(0);
        EXPECT_EQ(done.name, "done");  // the milestone has no name of its own: its id
        EXPECT_NEAR(done.p, 1.0 - p / 2.0, 4.0 * std::sqrt(0.25 / n)) << p;
        // The base has p = 0.3: the exact difference is (0.3 - p) / 2.
        EXPECT_NEAR(*done.difference, (0.3 - p) / 2.0, 4.0 * *done.difference_se + 1e-12) << p;
    }
}

TEST(Sweep, CommonRandomNumbersGiveSmallerStandardErrorsThanIndependentRuns) {
    const std::vector<Vary> varies{parse_vary("risks.flood.probability=0.2,0.4")};
    const SweepResults sweep = run_sweep(scenario_text_of(flood, "flood.yaml"), varies,
                                         grid_points(varies), settings(20000));
    for (std::size_t point = 1; point < sweep.points.size(); ++point) {
        const PromiseAtPoint& done = sweep.points[point].promises.at(0);
        EXPECT_LT(*done.difference_se, 0.6 * *done.independent_se);
    }
    const PromiseAtPoint& base = sweep.points[0].promises.at(0);
    EXPECT_EQ(base.difference, 0.0);
    EXPECT_EQ(base.difference_se, 0.0);
}

TEST(Sweep, IsIdenticalForAnyThreadCount) {
    const std::vector<Vary> varies{parse_vary("risks.flood.probability=0.1,0.9"),
                                   parse_vary("durations.scale=0.9,1.1")};
    const auto json = [&](unsigned threads) {
        return sweep_to_json(run_sweep(scenario_text_of(flood, "flood.yaml"), varies,
                                       grid_points(varies), settings(3000, threads)));
    };
    const std::string one = json(1);
    EXPECT_EQ(one, json(2));
    EXPECT_EQ(one, json(3));
    EXPECT_NE(sweep_csv(run_sweep(scenario_text_of(flood, "flood.yaml"), varies,
                                  grid_points(varies), settings(3000)))
                  .find("point,label,risks.flood.probability,durations.scale,id,"),
              std::string::npos);
}

TEST(Sweep, CsvGivesTheVariedValuesAsGivenHoweverLargeOrSmall) {
    SweepResults sweep{"s", 100, 1, {"x"}, {}};
    for (const double value : {1e308, 1e-9, 0.25})
        sweep.points.push_back({"x",
                                {vary_override("x", value)},
                                {{"m", "M", "milestone", 0.5, 0.1, {}, {}, {}, {}, {}}}});
    const std::string csv = sweep_csv(sweep);
    EXPECT_NE(csv.find("\n0,x,1e+308,m,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\n1,x,1e-09,m,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\n2,x,0.25,m,"), std::string::npos) << csv;
}

TEST(Sweep, RefusesAStoppingRule) {
    RunSettings s = settings(1000);
    s.until_se = 0.01;
    EXPECT_THROW(run_sweep(scenario_text_of(flood, "flood.yaml"), {}, {SweepPoint{}}, s),
                 InputError);
}

// Variants live in files, next to their base.
class Variant : public ::testing::Test {
  protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() /
                  ("pipesim-variant-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder_);
        write("base.yaml", flood);
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    std::filesystem::path write(const std::string& name, const std::string& text) {
        std::ofstream(folder_ / name) << text;
        return folder_ / name;
    }

    std::filesystem::path folder_;
};

TEST_F(Variant, ExtendsItsBaseWithTheNumbersItSets) {
    const auto wet = write("wet.yaml", R"(pipesim: 1
extends: base.yaml
name: wet year
set:
  risks.flood.probability: 0.6
)");
    const Scenario scenario = load_scenario(wet);
    EXPECT_EQ(scenario.plan.name, "wet year");
    EXPECT_EQ(scenario.risks.at(0).probability, 0.6);
    // Against its base, on the same random numbers: (0.3 - 0.6) / 2 exactly, up to noise.
    const SweepResults comparison =
        compare_scenarios(load_scenario(folder_ / "base.yaml"), scenario, settings(40000));
    const PromiseAtPoint& done = comparison.points.at(1).promises.at(0);
    EXPECT_NEAR(*done.difference, -0.15, 4.0 * *done.difference_se);
}

TEST_F(Variant, SweepsVaryTheBaseWithTheVariantsValues) {
    const auto wet = write("wet.yaml", R"(pipesim: 1
extends: base.yaml
name: wet year
set:
  risks.flood.probability: 0.6
  durations.scale: 1.0
)");
    const std::vector<Vary> varies{parse_vary("risks.flood.probability=0.6,0.3")};
    const SweepResults sweep =
        run_sweep(read_scenario_text_file(wet), varies, grid_points(varies), settings(4000));
    EXPECT_EQ(sweep.scenario, "wet year");
    ASSERT_EQ(sweep.points.size(), 3u);
    // The variant's own value again: not a change at all.
    EXPECT_EQ(sweep.points[1].promises.at(0).difference, 0.0);
    // The base file's value: exactly the base file's forecast, on the same random numbers.
    const std::vector<Vary> none{parse_vary("durations.scale=1")};
    const SweepResults base = run_sweep(read_scenario_text_file(folder_ / "base.yaml"), none,
                                        grid_points(none), settings(4000));
    EXPECT_EQ(sweep.points[2].promises.at(0).p, base.points[0].promises.at(0).p);
    EXPECT_GT(*sweep.points[2].promises.at(0).difference, 0.1);
}

TEST_F(Variant, ASweepOfAFaultyVariantNamesItsLine) {
    const auto bad =
        write("bad.yaml", "pipesim: 1\nextends: base.yaml\nset:\n  risks.flood.probability: x\n");
    try {
        read_scenario_text_file(bad);
        FAIL() << "a faulty variant was read";
    } catch (const InputError& error) {
        EXPECT_EQ(error.problems().at(0).where.file, bad.string());
        EXPECT_EQ(error.problems().at(0).where.line, 4);
    }
}

TEST_F(Variant, ProblemsNameTheVariantsLines) {
    const auto bad = write("bad.yaml", R"(pipesim: 1
extends: base.yaml
set:
  risks.flood.probabilty: 0.6
)");
    const ScenarioReading reading = read_scenario_file(bad);
    ASSERT_EQ(reading.problems.items().size(), 1u);
    EXPECT_EQ(reading.problems.items()[0].where.file, bad.string());
    EXPECT_EQ(reading.problems.items()[0].where.line, 4);
}

TEST_F(Variant, AMissingBaseOrAVariantOfAVariantIsRefused) {
    const auto missing = write("missing.yaml", "pipesim: 1\nextends: nowhere.yaml\n");
    const ScenarioReading none = read_scenario_file(missing);
    ASSERT_FALSE(none.problems.empty());
    EXPECT_EQ(none.problems.items()[0].where.line, 2);
    write("wet.yaml", "pipesim: 1\nextends: base.yaml\n");
    const auto twice = write("twice.yaml", "pipesim: 1\nextends: wet.yaml\n");
    const ScenarioReading chained = read_scenario_file(twice);
    ASSERT_FALSE(chained.problems.empty());
    EXPECT_NE(chained.problems.items()[0].reason.find("itself a variant"), std::string::npos);
}

TEST(Compare, TheSameScenarioTwiceDiffersByExactlyNothing) {
    const Scenario scenario = testing::scenario_from(flood);
    const SweepResults comparison = compare_scenarios(scenario, scenario, settings(5000));
    for (const PromiseAtPoint& promise : comparison.points.at(1).promises) {
        EXPECT_EQ(promise.difference, 0.0);
        EXPECT_EQ(promise.difference_se, 0.0);
    }
}

}  // namespace
}  // namespace pipesim
