#pragma once
// The HTML report from the command line: `pipesim report results.json [-o report.html]`,
// and `pipesim run … --report`, which writes report.html beside results.json from the
// same JSON text. Both read the traffic-light thresholds from --green and --amber.
// `pipesim report sweep.json` (known by its 'varied' and 'points') writes sweep.html
// instead, as `pipesim sweep … --report` does.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

namespace pipesim::cli {

struct ReportRequest {
    bool wanted = false;  // run: --report
    double green = 0.8;
    double amber = 0.5;
    std::string results;  // report: results.json or sweep.json
    std::string out;      // report: the page; "" for report.html (sweep.html) beside it
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
// The page for sweep.json text written at `sweep_file`, into `page`. Throws InputError
// for bad results.
void write_sweep_report(const std::string& sweep_json, const std::filesystem::path& sweep_file,
                        const std::filesystem::path& page);
// `pipesim report`: reads the results file and writes the page; returns the exit code.
int report(const ReportRequest& request);

}  // namespace pipesim::cli
