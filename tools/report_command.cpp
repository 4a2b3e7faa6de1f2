#include "report_command.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/input_file.hpp"
#include "interruption.hpp"
#include "report/html_report.hpp"
#include "report/results_reader.hpp"
#include "report/sweep_reader.hpp"
#include "report/sweep_report.hpp"

namespace pipesim::cli {
namespace {

namespace fs = std::filesystem;

void add_threshold_options(CLI::App& command, ReportRequest& request) {
    command
        .add_option("--green", request.green,
                    "Traffic light: green from this probability of meeting the date")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    command
        .add_option("--amber", request.amber,
                    "Traffic light: amber from this probability; red below")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
}

// "0.8", not "0.800000".
std::string threshold_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

ReportOptions report_options(const ReportRequest& request, const fs::path& results_file,
                             const std::string& scenario_file) {
    if (request.amber > request.green)
        throw InputError({}, "--amber",
                         "the amber threshold " + threshold_text(request.amber) +
                             " is above the green one " + threshold_text(request.green));
    return {{request.green, request.amber}, {scenario_file, results_file.string()}};
}

std::string sweep_page(const std::string& sweep_json, const fs::path& sweep_file) {
    return sweep_report(read_sweep_text(sweep_json, sweep_file.string()), sweep_file.string());
}

}  // namespace

void add_report_flags(CLI::App& run_command, ReportRequest& request) {
    run_command.add_flag("--report", request.wanted,
                         "Also write report.html (charts, self-contained) beside results.json");
    add_threshold_options(run_command, request);
}

CLI::App* add_report_command(CLI::App& app, ReportRequest& request) {
    auto* command = app.add_subcommand(
        "report",
        "Write a self-contained HTML report (charts inline) from a results.json or a sweep.json");
    command
        ->add_option("results", request.results,
                     "results.json from `pipesim run`, or sweep.json from `pipesim sweep` or "
                     "`pipesim compare`")
        ->required();
    command->add_option(
        "-o,--out", request.out,
        "The page to write (default: report.html, or sweep.html, beside the results file)");
    add_threshold_options(*command, request);
    return command;
}

void write_report(const std::string& results_json, const fs::path& results_file,
                  const std::string& scenario_file, const ReportRequest& request,
                  const fs::path& page) {
    const ReportOptions options = report_options(request, results_file, scenario_file);
    const PublishedResults results = read_results_text(results_json, results_file.string());
    write_file_atomically(page, html_report(results, options));
}

void write_sweep_report(const std::string& sweep_json, const fs::path& sweep_file,
                        const fs::path& page) {
    write_file_atomically(page, sweep_page(sweep_json, sweep_file));
}

int report(const ReportRequest& request) {
    const fs::path results_file = request.results;
    const ReportOptions options = report_options(request, results_file, "");
    const std::string json = read_input_file(results_file);
    const bool sweep = is_sweep_json(json);
    const fs::path page = !request.out.empty() ? fs::path(request.out)
                          : sweep              ? results_file.parent_path() / "sweep.html"
                                               : results_file.parent_path() / "report.html";
    const std::string html =
        sweep ? sweep_page(json, results_file)
              : html_report(read_results_text(json, results_file.string()), options);
    stop_on_interrupt(nothing_written("report", page.string()));
    {
        FinishingWrites writes;
        write_file_atomically(page, html);
        writes.then_say(all_written("report", page.string()));
    }
    spdlog::info("report written to {}", page.string());
    return 0;
}

}  // namespace pipesim::cli
