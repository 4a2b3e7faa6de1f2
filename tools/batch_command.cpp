#include "batch_command.hpp"

#include <spdlog/spdlog.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "engine/scenario_run.hpp"
#include "io/scenario_loader.hpp"
#include "ranks.hpp"
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

// A scenario's batch entry and the files of its run folder (none when it failed).
struct BatchRun {
    BatchEntry entry;
    std::vector<OutputFile> files;
};

BatchRun run_one(const std::string& file, const BatchOptions& options,
                 const ProcessGroup* processes) {
    BatchRun result;
    result.entry.file = file;
    try {
        const Scenario scenario = load_scenario(file);
        RunSettings settings;
        settings.iterations = options.iterations.value_or(scenario.plan.iterations);
        settings.seed = options.seed.value_or(scenario.plan.seed);
        settings.threads = options.threads;
        settings.drivers = !options.no_drivers;
        settings.processes = processes;
        const ScenarioRun run = run_scenario(scenario, settings, {});
        result.entry = batch_entry(file, run.results, listed_drivers);
        result.files = run_output_files(run, listed_drivers);
    } catch (const InputError& error) {
        for (const Problem& p : error.problems())
            result.entry.error.append(result.entry.error.empty() ? "" : "; ").append(describe(p));
    } catch (const std::exception& error) {
        result.entry.error = error.what();
    }
    return result;
}

// What a process sends the root: its runs, numbered, as JSON.
std::string to_text(const std::vector<std::pair<std::size_t, BatchRun>>& runs) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [index, run] : runs) {
        const BatchEntry& e = run.entry;
        nlohmann::json files = nlohmann::json::array();
        for (const OutputFile& f : run.files) files.push_back({f.name, f.text});
        list.push_back({{"index", index},
                        {"file", e.file},
                        {"error", e.error},
                        {"scenario", e.scenario},
                        {"iterations", e.iterations},
                        {"seed", e.seed},
                        {"sampling", e.sampling},
                        {"milestones", e.milestones},
                        {"targets", e.targets},
                        {"drivers", e.drivers},
                        {"files", files}});
    }
    return list.dump();
}

void from_text(const std::string& text, std::vector<BatchRun>& runs) {
    for (const auto& item : nlohmann::json::parse(text)) {
        BatchRun& run = runs.at(item["index"].get<std::size_t>());
        run.entry = {item["file"],       item["error"],   item["scenario"],
                     item["iterations"], item["seed"],    item["sampling"],
                     item["milestones"], item["targets"], item["drivers"]};
        for (const auto& f : item["files"]) run.files.push_back({f[0], f[1]});
    }
}

void report_progress(const BatchRun& run, std::size_t number, std::size_t total) {
    if (run.entry.error.empty())
        spdlog::info("{} of {}: {} done", number, total, run.entry.file);
    else
        spdlog::error("{} of {}: {} failed: {}", number, total, run.entry.file, run.entry.error);
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
    const Ranks ranks;
    const std::vector<std::string> files = scenario_files(options);
    std::vector<std::pair<std::size_t, BatchRun>> mine;
    for (std::size_t n = 0; n < files.size(); ++n)
        if (ranks.owns(n, files.size())) {
            mine.emplace_back(n, run_one(files[n], options, ranks.sharing(files.size())));
            if (ranks.reports(files.size()))
                report_progress(mine.back().second, n + 1, files.size());
        }
    std::vector<BatchRun> runs(files.size());
    if (ranks.spreads(files.size())) {
        const std::vector<std::string> gathered = ranks.gather(to_text(mine));
        if (!ranks.is_root()) return 0;
        for (const std::string& text : gathered) from_text(text, runs);
    } else {
        // Every process ran every scenario; the first holds the merged results.
        if (!ranks.is_root()) return 0;
        for (auto& [n, run] : mine) runs[n] = std::move(run);
    }
    std::vector<BatchEntry> entries;
    std::size_t failed = 0;
    for (std::size_t n = 0; n < runs.size(); ++n) {
        write_output_files(runs[n].files,
                           fs::path(options.out) / "runs" /
                               (std::to_string(n + 1) + "-" + fs::path(files[n]).stem().string()));
        failed += runs[n].entry.error.empty() ? 0 : 1;
        entries.push_back(std::move(runs[n].entry));
    }
    fs::create_directories(options.out);
    write_file_atomically(fs::path(options.out) / "batch-milestones.csv",
                          batch_milestones_csv(entries));
    write_file_atomically(fs::path(options.out) / "batch-targets.csv", batch_targets_csv(entries));
    write_batch_database(entries, fs::path(options.out) / "batch.sqlite");
    spdlog::info(
        "{} scenarios {}, {} failed; batch-milestones.csv, batch-targets.csv and batch.sqlite "
        "in {}",
        files.size(), ranks.split_of(files.size()), failed, options.out);
    return failed == 0 ? 0 : 1;
}

}  // namespace pipesim::cli
