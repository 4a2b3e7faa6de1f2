#pragma once
// `pipesim batch MANIFEST|FILES…`: many scenarios (a district's variants, many districts,
// monthly re-forecasts) run one after another, each on every core, into one folder.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pipesim::cli {

struct BatchOptions {
    std::vector<std::string> inputs;  // a manifest, or scenario files
    std::optional<std::uint64_t> iterations;
    std::optional<std::uint64_t> seed;
    unsigned threads = 0;
    std::string out = "batch";
    bool no_drivers = false;
    bool resume = false;  // skip the scenarios already finished in `out`
};

CLI::App* add_batch_command(CLI::App& app, BatchOptions& options);

// Exit code: 0 when every scenario ran, 1 when some failed (each is reported and the others
// still run), 130 or 143 when stopped by Ctrl-C or SIGTERM (tools/interruption.hpp: the
// scenarios finished so far are kept for --resume); throws InputError for a bad manifest.
int run_batch(const BatchOptions& options);

}  // namespace pipesim::cli
