#include "batch_command.hpp"

#include <spdlog/spdlog.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/sha256.hpp"
#include "engine/scenario_run.hpp"
#include "engine/simulation.hpp"
#include "finished_run.hpp"
#include "interruption.hpp"
#include "io/scenario_fingerprint.hpp"
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

// What makes two runs of a scenario write the same files: its content, with the base it
// extends, and every option that changes a number (not --threads, which changes none).
std::string run_key(const std::string& file, const BatchOptions& options) {
    const auto option = [](const std::optional<std::uint64_t>& value) {
        return value ? std::to_string(*value) : std::string("the scenario's");
    };
    return Sha256()
        .add(scenario_fingerprint(file))
        .add("\niterations: " + option(options.iterations))
        .add("\nseed: " + option(options.seed))
        .add(options.no_drivers ? "\nno drivers" : "\ndrivers")
        .hex();
}

fs::path run_folder(const BatchOptions& options, std::size_t index, const std::string& file) {
    return fs::path(options.out) / "runs" /
           (std::to_string(index + 1) + "-" + fs::path(file).stem().string());
}

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

struct KeptRun {
    BatchRun run;
    fs::path folder;
};

// On --resume, the run an earlier batch kept for this key, wherever it is.
std::optional<KeptRun> kept_earlier(const std::map<std::string, fs::path>& finished,
                                    const std::string& key, const std::string& file) {
    const auto found = finished.find(key);
    if (found == finished.end()) return std::nullopt;
    std::optional<BatchRun> run = read_finished_run(found->second, key, file);
    if (!run) return std::nullopt;
    return KeptRun{std::move(*run), found->second};
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

void report_progress(const BatchRun& run, std::size_t number, std::size_t total,
                     const std::optional<fs::path>& kept_before) {
    if (kept_before)
        spdlog::info("{} of {}: {} finished before (in {}), skipped", number, total, run.entry.file,
                     kept_before->string());
    else if (run.entry.error.empty())
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
        ->check(CLI::Range(std::uint64_t{1}, most_iterations));
    command->add_option("-s,--seed", options.seed, "Random seed (default: each scenario's)");
    command->add_option("-t,--threads", options.threads, "Worker threads (0: all cores)")
        ->check(CLI::Range(0u, 1024u));
    command->add_option("-o,--out", options.out, "Folder for the batch")->capture_default_str();
    command->add_flag("--no-drivers", options.no_drivers, "Skip the drivers of every scenario");
    command->add_flag("--resume", options.resume,
                      "Skip the scenarios finished in DIR by an earlier batch with the same "
                      "content and options");
    return command;
}

// What an interrupted batch leaves once `kept` of its `scenarios` are kept.
std::string kept_so_far(std::size_t kept, std::size_t scenarios, const BatchOptions& options) {
    return std::to_string(kept) + " of " + std::to_string(scenarios) +
           " scenarios finished and are kept in " + (fs::path(options.out) / "runs").string() +
           "; the batch tables were not written. To finish the batch, run the same command "
           "again with --resume.";
}

int run_batch(const BatchOptions& options) {
    const Ranks ranks;
    const std::vector<std::string> files = scenario_files(options);
    stop_on_interrupt(kept_so_far(0, files.size(), options));
    std::vector<std::string> keys;
    for (const std::string& file : files) keys.push_back(run_key(file, options));
    const auto finished = options.resume ? finished_runs(fs::path(options.out) / "runs")
                                         : std::map<std::string, fs::path>{};
    std::vector<std::pair<std::size_t, BatchRun>> mine;
    std::size_t kept = 0;
    for (std::size_t n = 0; n < files.size(); ++n) {
        if (!ranks.owns(n, files.size())) continue;
        const std::optional<KeptRun> earlier = kept_earlier(finished, keys[n], files[n]);
        BatchRun run =
            earlier ? earlier->run : run_one(files[n], options, ranks.sharing(files.size()));
        const fs::path folder = run_folder(options, n, files[n]);
        {
            // The first process keeps each run as soon as it has it, so that a stopped batch
            // loses only the scenario under way.
            FinishingWrites writes;
            if (ranks.is_root() && run.entry.error.empty() &&
                !(earlier && earlier->folder == folder))
                keep_finished_run(run, keys[n], folder);
            kept += run.entry.error.empty() ? 1 : 0;
            writes.then_say(kept_so_far(kept, files.size(), options));
        }
        if (ranks.reports(files.size()))
            report_progress(run, n + 1, files.size(),
                            earlier ? std::optional(earlier->folder) : std::nullopt);
        mine.emplace_back(n, std::move(run));
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
    FinishingWrites writes;
    std::vector<BatchEntry> entries;
    std::size_t failed = 0;
    for (std::size_t n = 0; n < runs.size(); ++n) {
        if (!ranks.owns(n, files.size()) && runs[n].entry.error.empty())
            keep_finished_run(runs[n], keys[n], run_folder(options, n, files[n]));
        failed += runs[n].entry.error.empty() ? 0 : 1;
        entries.push_back(std::move(runs[n].entry));
    }
    fs::create_directories(options.out);
    write_file_atomically(fs::path(options.out) / "batch-milestones.csv",
                          batch_milestones_csv(entries));
    write_file_atomically(fs::path(options.out) / "batch-targets.csv", batch_targets_csv(entries));
    write_batch_database(entries, fs::path(options.out) / "batch.sqlite");
    writes.then_say(all_written("batch", options.out));
    spdlog::info(
        "{} scenarios {}, {} failed; batch-milestones.csv, batch-targets.csv and batch.sqlite "
        "in {}",
        files.size(), ranks.split_of(files.size()), failed, options.out);
    return failed == 0 ? 0 : 1;
}

}  // namespace pipesim::cli
