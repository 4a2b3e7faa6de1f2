#include "batch_command.hpp"

#include <spdlog/spdlog.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "core/atomic_file.hpp"
#include "engine/scenario_run.hpp"
#include "io/scenario_loader.hpp"
#include "report/batch_tables.hpp"
#include "report/results_json.hpp"
#include "report/run_outputs.hpp"

namespace pipesim::cli {
namespace {

namespace fs = std::filesystem;

// A manifest is a YAML file with `batch:`, a list of scenario files relative to it.
std::optional<std::vector<std::string>> manifest_entries(const std::string& file) {
    if (fs::path(file).extension() != ".yaml" && fs::path(file).extension() != ".yml")
        return std::nullopt;
    YAML::Node root;
    try {
        root = YAML::LoadFile(file);
    } catch (const YAML::Exception&) {
        return std::nullopt;  // a scenario with a problem: its run will report it
    }
    if (!root.IsMap() || !root["batch"]) return std::nullopt;
    const YAML::Node list = root["batch"];
    if (!list.IsSequence() || list.size() == 0)
        throw InputError({file, list.Mark().line + 1, list.Mark().column + 1}, "batch",
                         "expected a list of scenario files");
    std::vector<std::string> files;
    for (const YAML::Node& entry : list) {
        if (!entry.IsScalar())
            throw InputError({file, entry.Mark().line + 1, entry.Mark().column + 1}, "batch",
                             "each entry is a scenario file name");
        files.push_back((fs::path(file).parent_path() / entry.Scalar()).lexically_normal());
    }
    return files;
}

std::vector<std::string> scenario_files(const BatchOptions& options) {
    std::vector<std::string> files;
    for (const std::string& input : options.inputs) {
        if (const auto listed = manifest_entries(input))
            files.insert(files.end(), listed->begin(), listed->end());
        else
            files.push_back(input);
    }
    return files;
}

BatchEntry run_one(const std::string& file, std::size_t number, const BatchOptions& options) {
    const std::size_t listed = listed_drivers;
    try {
        const Scenario scenario = load_scenario(file);
        RunSettings settings;
        settings.iterations = options.iterations.value_or(scenario.plan.iterations);
        settings.seed = options.seed.value_or(scenario.plan.seed);
        settings.threads = options.threads;
        settings.drivers = !options.no_drivers;
        ScenarioRun run = run_scenario(scenario, settings, {});
        const fs::path folder = fs::path(options.out) / "runs" /
                                (std::to_string(number) + "-" + fs::path(file).stem().string());
        write_run_outputs(run, folder, listed);
        return {file, std::move(run.results), "", listed};
    } catch (const InputError& error) {
        std::string reason;
        for (const Problem& p : error.problems())
            reason.append(reason.empty() ? "" : "; ").append(describe(p));
        return {file, std::nullopt, reason, listed};
    } catch (const std::exception& error) {
        return {file, std::nullopt, error.what(), listed};
    }
}

}  // namespace

CLI::App* add_batch_command(CLI::App& app, BatchOptions& options) {
    auto* command = app.add_subcommand(
        "batch", "Run many scenarios into consolidated tables and a SQLite database");
    command->add_option("inputs", options.inputs, "A manifest (YAML with batch:) or scenario files")
        ->required();
    command
        ->add_option("-n,--iterations", options.iterations,
                     "Iterations per scenario (default: each scenario's)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
    command->add_option("-s,--seed", options.seed, "Random seed (default: each scenario's)");
    command->add_option("-t,--threads", options.threads, "Worker threads (0: all cores)")
        ->check(CLI::Range(0u, 1024u));
    command->add_option("-o,--out", options.out, "Folder for the batch")->capture_default_str();
    command->add_flag("--no-drivers", options.no_drivers, "Skip the drivers of every scenario");
    return command;
}

int run_batch(const BatchOptions& options) {
    const std::vector<std::string> files = scenario_files(options);
    std::vector<BatchEntry> entries;
    std::size_t failed = 0;
    for (std::size_t n = 0; n < files.size(); ++n) {
        entries.push_back(run_one(files[n], n + 1, options));
        if (entries.back().results) {
            spdlog::info("{} of {}: {} done", n + 1, files.size(), files[n]);
        } else {
            ++failed;
            spdlog::error("{} of {}: {} failed: {}", n + 1, files.size(), files[n],
                          entries.back().error);
        }
    }
    fs::create_directories(options.out);
    write_file_atomically(fs::path(options.out) / "batch-milestones.csv",
                          batch_milestones_csv(entries));
    write_file_atomically(fs::path(options.out) / "batch-targets.csv", batch_targets_csv(entries));
    write_batch_database(entries, fs::path(options.out) / "batch.sqlite");
    spdlog::info(
        "{} scenarios, {} failed; batch-milestones.csv, batch-targets.csv and "
        "batch.sqlite in {}",
        files.size(), failed, options.out);
    return failed == 0 ? 0 : 1;
}

}  // namespace pipesim::cli
