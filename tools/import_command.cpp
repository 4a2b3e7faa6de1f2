#include "import_command.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "import/schedule_import.hpp"
#include "interruption.hpp"
#include "io/scenario_loader.hpp"

namespace pipesim::cli {
namespace {

std::string read_text(const std::string& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) throw InputError({file, 0, 0}, "", "cannot open the file");
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

}  // namespace

CLI::App* add_import_command(CLI::App& app, ImportOptions& options) {
    auto* command =
        app.add_subcommand("import", "Turn a P6 XER or MS Project XML schedule into a scenario");
    command->add_option("schedule", options.schedule, "Schedule file (.xer or .xml)")->required();
    command->add_option("--uncertainty", options.rules,
                        "Rules (YAML) that turn durations into ranges (default: triangular "
                        "-10% / +25%)");
    command->add_option("-o,--out", options.out, "Scenario file to write (YAML)")->required();
    return command;
}

int run_import(const ImportOptions& options) {
    stop_on_interrupt(nothing_written("import", options.out));
    const import::UncertaintyRules rules =
        options.rules.empty()
            ? import::UncertaintyRules{}
            : import::read_uncertainty_rules(read_text(options.rules), options.rules);
    const import::ImportResult result =
        import::import_schedule(read_text(options.schedule), options.schedule, rules);
    for (const Problem& warning : result.warnings) spdlog::warn("{}", describe(warning));
    // What is written must load: a file the scenario loader refuses is not written at all.
    const ScenarioReading check = read_scenario_text(result.yaml, options.out);
    if (!check.problems.empty()) throw InputError(check.problems.items());
    {
        FinishingWrites writes;
        write_file_atomically(options.out, result.yaml);
        writes.then_say(all_written("import", options.out));
    }
    std::size_t count = 0;
    for (const auto& project : check.scenario.projects) count += project.activities.size();
    spdlog::info("{}: {} projects, {} activities and milestones, {} warnings; written to {}",
                 options.schedule, check.scenario.projects.size(), count, result.warnings.size(),
                 options.out);
    return 0;
}

}  // namespace pipesim::cli
