#pragma once
// `pipesim import FILE.xer|FILE.xml [--uncertainty RULES] -o scenario.yaml`.

#include <CLI/CLI.hpp>
#include <string>

namespace pipesim::cli {

struct ImportOptions {
    std::string schedule;
    std::string rules;  // empty: the default ranges
    std::string out;
};

CLI::App* add_import_command(CLI::App& app, ImportOptions& options);

// Exit code: 0 written (warnings on standard error), 2 bad input; throws InputError
// for a bad schedule or rules file and std::exception when the output cannot be written.
int run_import(const ImportOptions& options);

}  // namespace pipesim::cli
