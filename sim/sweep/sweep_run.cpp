#include "sweep/sweep_run.hpp"

#include <cmath>
#include <map>

#include "core/text.hpp"
#include "engine/forecast.hpp"

namespace pipesim {
namespace {

// A point's forecast and whether each iteration met each promise.
struct PointRun {
    Results results;
    OutcomeBits outcomes;
    std::map<std::string, std::size_t, std::less<>> promise_of;  // id: index in outcomes
};

// `base`: the run whose outcome bits are kept while this one goes on, if any.
PointRun run_point(const Scenario& scenario, RunSettings settings, const PointRun* base = nullptr) {
    const Network network = compile_network(scenario);
    if (base) settings.outcome_bytes_held = base->outcomes.bytes();
    PointRun run;
    run.results = forecast(network, settings, &run.outcomes);
    const std::vector<std::uint32_t> milestones = promised_milestones(network);
    for (std::size_t k = 0; k < milestones.size(); ++k)
        run.promise_of[network.nodes[milestones[k]].id] = k;
    for (std::size_t t = 0; t < network.ledger.targets.size(); ++t)
        run.promise_of[network.ledger.targets[t].id] = milestones.size() + t;
    return run;
}

std::vector<PromiseAtPoint> promises_of(const PointRun& run) {
    std::vector<PromiseAtPoint> promises;
    for (const FinishForecast& m : run.results.milestones)
        if (m.p_on_time)
            promises.push_back({m.id,
                                m.name,
                                "milestone",
                                *m.p_on_time,
                                *m.p_on_time_se,
                                m.dates[1],
                                m.dates[2],
                                {},
                                {},
                                {}});
    for (const TargetForecast& t : run.results.targets)
        promises.push_back({t.id,
                            t.name,
                            "target",
                            t.p_reached,
                            t.p_reached_se,
                            t.dates[1],
                            t.dates[2],
                            {},
                            {},
                            {}});
    return promises;
}

// Each promise the base also makes gets its paired difference from the base.
void compare_with_base(std::vector<PromiseAtPoint>& promises, const PointRun& point,
                       const PointRun& base, const std::vector<PromiseAtPoint>& base_promises) {
    const std::uint64_t n = point.results.iterations;
    for (PromiseAtPoint& promise : promises) {
        const auto at_base = base.promise_of.find(promise.id);
        if (at_base == base.promise_of.end()) continue;
        const auto discordance = point.outcomes.discordance(
            base.outcomes, point.promise_of.at(promise.id), at_base->second, n);
        const PairedDifference paired = paired_difference(discordance, n);
        promise.difference = paired.difference;
        promise.difference_se = paired.standard_error;
        for (const PromiseAtPoint& b : base_promises)
            if (b.id == promise.id)
                promise.independent_se = std::sqrt(promise.p_se * promise.p_se + b.p_se * b.p_se);
    }
}

void check(const RunSettings& settings) {
    if (settings.until_se)
        throw InputError({}, "--until-se",
                         "points of a sweep or comparison run the same fixed number of "
                         "iterations, so that they can be compared iteration by iteration");
}

RunSettings plain(const RunSettings& settings) {
    RunSettings run = settings;
    run.drivers = false;
    run.on_progress = nullptr;
    return run;
}

std::string label_of(const std::vector<Override>& overrides) {
    if (overrides.empty()) return "base";
    std::string label;
    for (const Override& o : overrides)
        label += (label.empty() ? "" : "; ") + o.path + "=" + number_text(o.value);
    return label;
}

Scenario scenario_at(const ScenarioText& scenario, const SweepPoint& point) {
    ScenarioReading reading = read_with_overrides(scenario, point.overrides);
    reading.problems.throw_if_any();
    return std::move(reading.scenario);
}

}  // namespace

std::optional<double> value_at(const PointForecast& point, const std::string& path) {
    for (const Override& o : point.overrides)
        if (o.path == path) return o.value;
    return std::nullopt;
}

SweepResults run_sweep(const ScenarioText& scenario, const std::vector<Vary>& varies,
                       const std::vector<SweepPoint>& points, const RunSettings& settings,
                       const SweepShare& share) {
    check(settings);
    std::vector<Override> first_values;
    for (const Vary& vary : varies) first_values.push_back(vary_override(vary.path, 0.0));
    unknown_paths(scenario.text, scenario.source, first_values).throw_if_any();
    const RunSettings run = plain(settings);
    const Scenario base_scenario = scenario_at(scenario, points.front());
    const PointRun base = run_point(base_scenario, run);
    const std::vector<PromiseAtPoint> base_promises = promises_of(base);
    SweepResults sweep{base.results.scenario, base.results.iterations, settings.seed, {}, {}};
    for (const Vary& vary : varies) sweep.varied.push_back(vary.path);
    for (std::size_t p = 0; p < points.size(); ++p) {
        if (!share.computes(p)) continue;
        PointForecast forecast{label_of(points[p].overrides), points[p].overrides, base_promises};
        if (p > 0) {
            const PointRun point = run_point(scenario_at(scenario, points[p]), run, &base);
            forecast.promises = promises_of(point);
            compare_with_base(forecast.promises, point, base, base_promises);
        } else {
            compare_with_base(forecast.promises, base, base, base_promises);
        }
        share.on_point(p);
        sweep.points.push_back(std::move(forecast));
    }
    return sweep;
}

SweepResults compare_scenarios(const Scenario& first, const Scenario& second,
                               const RunSettings& settings) {
    check(settings);
    const RunSettings run = plain(settings);
    const PointRun a = run_point(first, run);
    const PointRun b = run_point(second, run, &a);
    const std::vector<PromiseAtPoint> a_promises = promises_of(a);
    SweepResults comparison{a.results.scenario, a.results.iterations, settings.seed, {}, {}};
    PointForecast base{a.results.scenario, {}, a_promises};
    compare_with_base(base.promises, a, a, a_promises);
    PointForecast other{b.results.scenario, {}, promises_of(b)};
    compare_with_base(other.promises, b, a, a_promises);
    comparison.points = {std::move(base), std::move(other)};
    return comparison;
}

}  // namespace pipesim
