#include "untrusted_input.hpp"

#include <algorithm>
#include <vector>

#include "graph/network.hpp"
#include "import/schedule_import.hpp"
#include "io/overrides.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/sweep_spec.hpp"

namespace pipesim::fuzz {
namespace {

// Small, so that a point reads in well under a millisecond, yet with a number of every
// kind a path can name: plan settings, an assumption, a distribution's parameters, a plain
// duration, a lag, a risk, a funnel stage and batch, a target, a correlation.
constexpr std::string_view sweep_scenario = R"(pipesim: 1
plan: {name: sweep, start: 2024-01-01, horizon: 2026-12-31, iterations: 1000, seed: 7}
assumptions:
  laying: {duration: {dist: pert, min: 40, mode: 60, max: 120}, why: two fronts}
projects:
  - id: rail
    category: rail
    activities:
      - {id: survey, duration: {dist: triangular, min: 10, mode: 20, max: 45}}
      - {id: track, duration: laying, after: [{id: survey, type: SS, lag: 5}]}
      - {id: signals, duration: 30, after: [track], probability: 0.9}
    milestones:
      - {id: open, after: [signals], target: 2024-09-30}
funnels:
  - id: chain
    stages:
      - {id: lead}
      - {id: signed, probability: 0.5, duration: {dist: uniform, min: 20, max: 90}}
    batches:
      - {id: fair, count: 12, value: {dist: uniform, min: 50, max: 400}, why: spring fair}
targets:
  - {id: deals, measure: items, stage: signed, at_least: 4, by: 2024-12-31}
risks:
  - {id: flood, probability: 0.3, hits: [rail.track], delay: {dist: uniform, min: 5, max: 25}}
correlations:
  - {id: weather, between: durations, members: [rail.survey, rail.track], rho: 0.4}
)";

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        if (end > 0) lines.push_back(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return lines;
}

bool reads_at(const SweepPoint& point) {
    const ScenarioReading reading =
        read_with_overrides(sweep_scenario, "sweep.yaml", point.overrides);
    if (!reading.problems.empty() || !find_cycles(reading.scenario).empty()) return false;
    try {
        compile_network(reading.scenario);
    } catch (const InputError&) {
        return false;
    }
    return true;
}

}  // namespace

bool read_untrusted_scenario(std::string_view text) {
    const ScenarioReading reading = read_scenario_text(text, "untrusted.yaml");
    if (!reading.problems.empty() || !find_cycles(reading.scenario).empty()) return false;
    try {
        compile_network(reading.scenario);
    } catch (const InputError&) {
        return false;  // e.g. a correlation matrix that is not positive definite
    }
    return true;
}

bool import_untrusted_schedule(std::string_view text) {
    try {
        import::import_schedule(text, "untrusted", import::UncertaintyRules{});
    } catch (const InputError&) {
        return false;
    }
    return true;
}

bool vary_untrusted(std::string_view arguments) {
    std::vector<Vary> varies;
    try {
        for (const std::string_view line : lines_of(arguments)) varies.push_back(parse_vary(line));
        one_at_a_time_points(varies);
        const std::vector<SweepPoint> grid = grid_points(varies);
        return reads_at(grid[1 % grid.size()]) && reads_at(grid.back());
    } catch (const InputError&) {
        return false;
    }
}

ScheduleFormat format_of(std::string_view text) {
    return text.starts_with("ERMHDR") ? ScheduleFormat::xer : ScheduleFormat::mspdi;
}

}  // namespace pipesim::fuzz
