#include "sweep_commands.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "engine/simulation.hpp"
#include "interruption.hpp"
#include "io/scenario_loader.hpp"
#include "ranks.hpp"
#include "report/sweep_tables.hpp"
#include "report_command.hpp"
#include "sweep/sweep_run.hpp"

namespace pipesim::cli {
namespace {

namespace fs = std::filesystem;

void add_run_options(CLI::App& command, SweepOptions& options) {
    command
        .add_option("-n,--iterations", options.iterations,
                    "Iterations per point (default: the scenario's)")
        ->check(CLI::Range(std::uint64_t{1}, most_iterations));
    command.add_option("-s,--seed", options.seed, "Random seed (default: the scenario's)");
    command.add_option("-t,--threads", options.threads, "Worker threads (0: all cores)")
        ->check(CLI::Range(0u, 1024u));
    command.add_option("-o,--out", options.out, "Folder for sweep.json and sweep.csv")
        ->capture_default_str();
    command.add_flag("-q,--quiet", options.quiet, "Print no table");
    command.add_flag("--report", options.report,
                     "Also write sweep.html (charts, self-contained) beside sweep.json");
}

RunSettings settings_for(const SweepOptions& options, const Scenario& scenario) {
    RunSettings settings;
    settings.iterations = options.iterations.value_or(scenario.plan.iterations);
    settings.seed = options.seed.value_or(scenario.plan.seed);
    settings.threads = options.threads;
    return settings;
}

// `what`: "sweep" or "comparison".
void write_outputs(const SweepResults& sweep, const SweepOptions& options,
                   const std::string& what) {
    FinishingWrites writes;
    const fs::path out = options.out;
    fs::create_directories(out);
    const std::string json = sweep_to_json(sweep);
    write_file_atomically(out / "sweep.json", json);
    write_file_atomically(out / "sweep.csv", sweep_csv(sweep));
    // From the file's text, so the page shows what sweep.json holds.
    if (options.report) write_sweep_report(json, out / "sweep.json", out / "sweep.html");
    writes.then_say(all_written(what, options.out));
}

std::string percent(double p) {
    char text[32];
    std::snprintf(text, sizeof text, "%+.1f", 100.0 * p);
    return text;
}

// Per point, the promises whose probability moved by more than two standard errors of the
// difference: the changes that are not noise.
void print_changes(const SweepResults& sweep) {
    for (const PointForecast& point : sweep.points) {
        if (&point == &sweep.points.front()) continue;
        std::printf("%s\n", point.label.c_str());
        std::size_t shown = 0;
        for (const PromiseAtPoint& p : point.promises) {
            if (!p.difference || std::abs(*p.difference) <= 2.0 * p.difference_se.value_or(0.0))
                continue;
            std::printf("  %-48s %6.1f%%  %s ± %.1f points\n", p.id.c_str(), 100.0 * p.p,
                        percent(*p.difference).c_str(), 100.0 * *p.difference_se);
            ++shown;
        }
        if (shown == 0) std::printf("  no change beyond two standard errors\n");
    }
}

// `split`: how the points were run (Ranks::split_of).
void report(const SweepResults& sweep, const SweepOptions& options, const std::string& what,
            double seconds, const std::string& split = "on one process") {
    write_outputs(sweep, options, what);
    if (!options.quiet) print_changes(sweep);
    spdlog::info("{} points of {} iterations {} in {:.3f} s; sweep.json, sweep.csv{} in {}",
                 sweep.points.size(), sweep.iterations, split, seconds,
                 options.report ? " and sweep.html" : "", options.out);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

nlohmann::json optional_json(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
}
std::optional<double> optional_number(const nlohmann::json& value) {
    return value.is_null() ? std::nullopt : std::optional<double>(value.get<double>());
}
nlohmann::json date_json(const std::optional<Date>& date) {
    return date ? nlohmann::json(date->iso()) : nlohmann::json();
}
std::optional<Date> date_of(const nlohmann::json& value) {
    return value.is_null() ? std::nullopt : Date::parse(value.get<std::string>());
}

// A process's points for the root, exactly: JSON keeps every double to the last bit.
std::string points_to_text(const std::vector<PointForecast>& points) {
    nlohmann::json list = nlohmann::json::array();
    for (const PointForecast& point : points) {
        nlohmann::json overrides = nlohmann::json::array();
        for (const Override& o : point.overrides) overrides.push_back({o.path, o.value});
        nlohmann::json promises = nlohmann::json::array();
        for (const PromiseAtPoint& p : point.promises)
            promises.push_back({p.id, p.name, p.kind, p.p, p.p_se, date_json(p.p50),
                                date_json(p.p80), optional_json(p.difference),
                                optional_json(p.difference_se), optional_json(p.independent_se)});
        list.push_back({point.label, overrides, promises});
    }
    return list.dump();
}

std::vector<PointForecast> points_from_text(const std::string& text) {
    std::vector<PointForecast> points;
    for (const auto& item : nlohmann::json::parse(text)) {
        PointForecast point{item[0], {}, {}};
        for (const auto& o : item[1]) point.overrides.push_back(vary_override(o[0], o[1]));
        for (const auto& p : item[2])
            point.promises.push_back({p[0], p[1], p[2], p[3], p[4], date_of(p[5]), date_of(p[6]),
                                      optional_number(p[7]), optional_number(p[8]),
                                      optional_number(p[9])});
        points.push_back(std::move(point));
    }
    return points;
}

// Point p came from process p mod K, as its (p div K)-th point.
std::vector<PointForecast> points_from_texts(const std::vector<std::string>& texts,
                                             std::size_t count, std::size_t processes) {
    std::vector<std::vector<PointForecast>> by_process;
    for (const std::string& text : texts) by_process.push_back(points_from_text(text));
    std::vector<PointForecast> points;
    for (std::size_t p = 0; p < count; ++p)
        points.push_back(std::move(by_process[p % processes].at(p / processes)));
    return points;
}

}  // namespace

CLI::App* add_sweep_command(CLI::App& app, SweepOptions& options) {
    auto* command = app.add_subcommand(
        "sweep",
        "Forecast a scenario at several values of its numbers, on the same random numbers");
    command->add_option("scenario", options.scenarios, "Scenario file (YAML)")
        ->required()
        ->expected(1);
    command
        ->add_option("--vary", options.varies,
                     "PATH=VALUES: a number of the scenario and its values, a list (0.1,0.2,0.4) "
                     "or a range (from:to:count); several give a grid")
        ->required();
    command->add_flag("--one-at-a-time", options.one_at_a_time,
                      "Vary each PATH on its own, the others at their base values");
    add_run_options(*command, options);
    return command;
}

CLI::App* add_compare_command(CLI::App& app, SweepOptions& options) {
    auto* command =
        app.add_subcommand("compare", "Forecast two scenarios on the same random numbers");
    command->add_option("scenarios", options.scenarios, "The base scenario, then the other")
        ->required()
        ->expected(2);
    add_run_options(*command, options);
    return command;
}

int run_sweep_command(const SweepOptions& options) {
    stop_on_interrupt(nothing_written("sweep", options.out));
    const std::string& file = options.scenarios.front();
    const ScenarioText scenario = read_scenario_text_file(file);
    const Scenario base = load_scenario(file);
    std::vector<Vary> varies;
    for (const std::string& argument : options.varies) varies.push_back(parse_vary(argument));
    const std::vector<SweepPoint> points =
        options.one_at_a_time ? one_at_a_time_points(varies) : grid_points(varies);
    const auto start = std::chrono::steady_clock::now();
    const Ranks ranks;
    // Every process runs the base when points are spread, so it counts for none.
    const std::size_t items = points.size() - 1;
    SweepShare share;
    share.computes = [&](std::size_t p) { return ranks.owns(p, items); };
    share.on_point = [&](std::size_t p) {
        if (!options.quiet && ranks.reports(items))
            spdlog::info("point {} of {} done", p + 1, points.size());
    };
    RunSettings settings = settings_for(options, base);
    settings.processes = ranks.sharing(items);
    SweepResults sweep = run_sweep(scenario, varies, points, settings, share);
    if (ranks.spreads(items)) {
        const std::vector<std::string> gathered = ranks.gather(points_to_text(sweep.points));
        if (!ranks.is_root()) return 0;
        sweep.points = points_from_texts(gathered, points.size(), ranks.size());
    } else if (!ranks.is_root()) {
        return 0;  // every process ran every point; the first holds the merged results
    }
    report(sweep, options, "sweep", seconds_since(start), ranks.split_of(items));
    return 0;
}

int run_compare_command(const SweepOptions& options) {
    stop_on_interrupt(nothing_written("comparison", options.out));
    const Scenario first = load_scenario(options.scenarios[0]);
    const Scenario second = load_scenario(options.scenarios[1]);
    const auto start = std::chrono::steady_clock::now();
    const SweepResults comparison = compare_scenarios(first, second, settings_for(options, first));
    report(comparison, options, "comparison", seconds_since(start));
    return 0;
}

}  // namespace pipesim::cli
