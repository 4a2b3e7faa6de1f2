#pragma once
// `pipesim sweep FILE --vary PATH=VALUES …` and `pipesim compare A.yaml B.yaml`: forecasts
// on the same random numbers, side by side, with exact differences.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pipesim::cli {

struct SweepOptions {
    std::vector<std::string> scenarios;  // sweep: one; compare: two
    std::vector<std::string> varies;
    bool one_at_a_time = false;
    std::optional<std::uint64_t> iterations;
    std::optional<std::uint64_t> seed;
    unsigned threads = 0;
    std::string out = "out";
    bool quiet = false;
    bool report = false;  // also sweep.html
};

CLI::App* add_sweep_command(CLI::App& app, SweepOptions& options);
CLI::App* add_compare_command(CLI::App& app, SweepOptions& options);

// Exit code 0; throws InputError for bad input and std::exception when outputs cannot be
// written.
int run_sweep_command(const SweepOptions& options);
int run_compare_command(const SweepOptions& options);

}  // namespace pipesim::cli
