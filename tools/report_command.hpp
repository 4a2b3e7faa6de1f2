#pragma once
// The HTML report from the command line: `pipesim report results.json [-o report.html]`,
// and `pipesim run … --report`, which writes report.html beside results.json from the
// same JSON text. Both read the traffic-light thresholds from --green and --amber.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

namespace pipesim::cli {

struct ReportRequest {
    bool wanted = false;  // run: --report
    double green = 0.8;
    double amber = 0.5;
    std::string results;  // report: the results file
    std::string out;      // report: the page; "" for report.html beside the results
};

// --report, --green and --amber on `run`.
void add_report_flags(CLI::App& run_command, ReportRequest& request);
// The `report` subcommand.
CLI::App* add_report_command(CLI::App& app, ReportRequest& request);

// The page for results.json text written at `results_file`, from the scenario file (""
// when unknown), into `page`. Throws InputError for bad thresholds or results.
void write_report(const std::string& results_json, const std::filesystem::path& results_file,
                  const std::string& scenario_file, const ReportRequest& request,
                  const std::filesystem::path& page);
// `pipesim report`: reads the results file and writes the page; returns the exit code.
int report(const ReportRequest& request);

}  // namespace pipesim::cli
