// pipesim: the command line. The only place that prints for a planner and turns errors
// into exit codes (0 fine, 1 could not finish, 2 bad input).

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "batch_command.hpp"
#include "core/atomic_file.hpp"
#include "engine/scenario_run.hpp"
#include "engine/simulation.hpp"
#include "graph/network.hpp"
#include "import_command.hpp"
#include "interruption.hpp"
#include "io/scenario_loader.hpp"
#include "progress_bar.hpp"
#include "report/results_json.hpp"
#include "report/run_outputs.hpp"
#include "report/terminal_table.hpp"
#include "report_command.hpp"
#include "sweep_commands.hpp"

namespace {

using namespace pipesim;
namespace fs = std::filesystem;

constexpr int exit_failed = 1;
constexpr int exit_bad_input = 2;

struct RunOptions {
    std::string scenario;
    std::optional<std::uint64_t> iterations;
    std::optional<std::uint64_t> seed;
    unsigned threads = 0;
    std::string out = "out";
    bool quiet = false;
    bool mitigated = false;
    bool nearest_correlation = false;
    SamplingMethod sampling = SamplingMethod::monte_carlo;
    std::optional<double> until_se;
    bool no_drivers = false;
    bool all_drivers = false;
    std::vector<std::string> drivers_for;
    cli::ReportRequest report;
};

// With --until-se and no --iterations, the run may go this far.
constexpr std::uint64_t default_iteration_cap = 10'000'000;

void print_problems(const std::vector<Problem>& problems) {
    for (const auto& problem : problems)
        std::fprintf(stderr, "error: %s\n", describe(problem).c_str());
    std::fprintf(stderr, "%zu problem%s found\n", problems.size(), problems.size() == 1 ? "" : "s");
}

// The problems of one scenario file; prints its summary line when there are none.
std::vector<Problem> problems_of(const std::string& file) {
    ScenarioReading reading;
    try {
        reading = read_scenario_file(file);
    } catch (const InputError& error) {
        return error.problems();
    }
    std::vector<Problem> problems = reading.problems.items();
    const ProblemList cycles = find_cycles(reading.scenario);
    problems.insert(problems.end(), cycles.items().begin(), cycles.items().end());
    if (!problems.empty()) return problems;
    std::size_t activities = 0, milestones = 0;
    for (const auto& project : reading.scenario.projects)
        for (const auto& activity : project.activities)
            ++(activity.kind == ActivityKind::milestone ? milestones : activities);
    std::size_t items = 0;
    for (const auto& funnel : reading.scenario.funnels) items += funnel.items.size();
    std::printf(
        "%s: valid (%zu projects, %zu activities, %zu milestones, %zu funnels with %zu items, "
        "%zu targets, %zu risks, %zu correlation groups)\n",
        file.c_str(), reading.scenario.projects.size(), activities, milestones,
        reading.scenario.funnels.size(), items, reading.scenario.targets.size(),
        reading.scenario.risks.size(), reading.scenario.correlations.size());
    return {};
}

// Every file is read, so one call checks a whole folder of scenarios.
int validate(const std::vector<std::string>& files) {
    std::vector<Problem> problems;
    std::size_t invalid_files = 0;
    for (const std::string& file : files) {
        const std::vector<Problem> found = problems_of(file);
        if (found.empty()) continue;
        ++invalid_files;
        problems.insert(problems.end(), found.begin(), found.end());
    }
    if (problems.empty()) return 0;
    print_problems(problems);
    if (files.size() > 1)
        std::fprintf(stderr, "%zu of %zu files invalid\n", invalid_files, files.size());
    return exit_bad_input;
}

int run(const RunOptions& options) {
    cli::stop_on_interrupt(cli::nothing_written("run", options.out));
    const Scenario scenario = load_scenario(options.scenario);
    RunSettings settings;
    settings.iterations = options.iterations.value_or(options.until_se ? default_iteration_cap
                                                                       : scenario.plan.iterations);
    settings.until_se = options.until_se;
    settings.drivers = !options.no_drivers;
    settings.drivers_for = options.drivers_for;
    settings.seed = options.seed.value_or(scenario.plan.seed);
    settings.threads = options.threads;
    settings.sampling = options.sampling;
    cli::ProgressBar progress(settings.iterations);
    if (!options.quiet) settings.on_progress = [&](std::uint64_t done) { progress.update(done); };

    const auto started = std::chrono::steady_clock::now();
    const ScenarioRun run =
        run_scenario(scenario, settings, {options.mitigated, options.nearest_correlation});
    const Results& results = run.results;
    const Network& network = run.network;
    for (const auto& warning : network.warnings) spdlog::warn("{}", warning);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    settings.on_progress = nullptr;
    {
        cli::FinishingWrites writes;
        const std::string json =
            write_run_outputs(run, options.out, options.all_drivers ? all_drivers : listed_drivers);
        if (options.report.wanted)
            cli::write_report(json, fs::path(options.out) / "results.json", options.scenario,
                              options.report, fs::path(options.out) / "report.html");
        writes.then_say(cli::all_written("run", options.out));
    }
    if (!options.quiet)
        std::printf("%s\n%s\n%s", results.scenario.c_str(), milestone_table(results).c_str(),
                    target_table(results).c_str());
    // Every pass runs the same iterations: the forecast; with drivers, a replay for
    // sensitivity and one per risk switched off; with a mitigation, its other side.
    const std::uint64_t passes =
        1 + (settings.drivers ? 1 + network.risks.size() : 0) + (run.mitigation ? 1 : 0);
    spdlog::info(
        "{} iterations of {} activities and milestones, {} pass{}, in {:.3f} s ({:.1f} million "
        "node-iterations/s); results in {}",
        results.iterations, network.nodes.size(), passes, passes == 1 ? "" : "es", seconds,
        static_cast<double>(passes * results.iterations * network.nodes.size()) / seconds / 1e6,
        options.out);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"pipesim: Monte Carlo forecasts for project and investment pipelines"};
    app.require_subcommand(1);
    // Tables go to standard output; the log (timings, warnings) to standard error.
    spdlog::set_default_logger(spdlog::stderr_color_mt("pipesim"));
    spdlog::set_pattern("%^%l%$: %v");

    RunOptions options;
    auto* run_command = app.add_subcommand("run", "Simulate a scenario and write forecasts");
    run_command->add_option("scenario", options.scenario, "Scenario file (YAML)")->required();
    run_command
        ->add_option("-n,--iterations", options.iterations, "Iterations (default: the scenario's)")
        ->check(CLI::Range(std::uint64_t{1}, most_iterations));
    run_command->add_option("-s,--seed", options.seed, "Random seed (default: the scenario's)");
    run_command->add_option("-t,--threads", options.threads, "Worker threads (0: all cores)")
        ->check(CLI::Range(0u, 1024u));
    run_command->add_option("-o,--out", options.out, "Folder for results")->capture_default_str();
    run_command->add_flag("-q,--quiet", options.quiet, "Print no table and no progress");
    run_command->add_flag("--mitigated", options.mitigated,
                          "Risks take their post-mitigation numbers (results.json compares both)");
    run_command->add_flag("--nearest-correlation", options.nearest_correlation,
                          "Replace an invalid correlation matrix by the nearest valid one");
    run_command->add_flag("--no-drivers", options.no_drivers,
                          "Skip the drivers (criticality, sensitivity, the risk tornado): one "
                          "pass instead of two plus one per risk");
    run_command
        ->add_flag("--all-drivers", options.all_drivers,
                   "List every activity and risk among the drivers, not the top 20")
        ->excludes("--no-drivers");
    run_command
        ->add_option("--drivers-for", options.drivers_for,
                     "Milestone and target ids to find drivers for (comma-separated; default: "
                     "every milestone with a target date and every target)")
        ->delimiter(',')
        ->excludes("--no-drivers");
    run_command
        ->add_option("--until-se", options.until_se,
                     "Stop once every p_on_time and p_reached has at most this standard error "
                     "(--iterations is then the cap, 10,000,000 unless given)")
        ->check(CLI::Range(1e-6, 0.5));
    run_command->add_option("--sampling", options.sampling, "monte-carlo or lhs (Latin hypercube)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, SamplingMethod>{{"monte-carlo", SamplingMethod::monte_carlo},
                                                  {"lhs", SamplingMethod::latin_hypercube}}));

    cli::add_report_flags(*run_command, options.report);
    cli::ReportRequest report_request;
    auto* report_command = cli::add_report_command(app, report_request);

    std::vector<std::string> validate_files;
    auto* validate_command =
        app.add_subcommand("validate", "Check scenarios and list every problem");
    validate_command->add_option("scenarios", validate_files, "Scenario files (YAML)")->required();

    cli::ImportOptions import_options;
    auto* import_command = cli::add_import_command(app, import_options);
    cli::SweepOptions sweep_options;
    auto* sweep_command = cli::add_sweep_command(app, sweep_options);
    cli::SweepOptions compare_options;
    auto* compare_command = cli::add_compare_command(app, compare_options);
    cli::BatchOptions batch_options;
    auto* batch_command = cli::add_batch_command(app, batch_options);

    CLI11_PARSE(app, argc, argv);
    try {
        if (*validate_command) return validate(validate_files);
        if (*import_command) return cli::run_import(import_options);
        if (*sweep_command) return cli::run_sweep_command(sweep_options);
        if (*compare_command) return cli::run_compare_command(compare_options);
        if (*batch_command) return cli::run_batch(batch_options);
        if (*report_command) return cli::report(report_request);
        return run(options);
    } catch (const InputError& error) {
        print_problems(error.problems());
        return exit_bad_input;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "error: %s\n", error.what());
        return exit_failed;
    }
}
