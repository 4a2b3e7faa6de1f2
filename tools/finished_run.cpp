#include "finished_run.hpp"

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/input_file.hpp"

namespace pipesim::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* marker = "finished.json";

// A kept file, or nullopt when it has gone (read_input_file says why; the run is simply
// done again).
std::optional<std::string> contents_of(const fs::path& file) {
    try {
        return read_input_file(file);
    } catch (const InputError&) {
        return std::nullopt;
    }
}

std::optional<nlohmann::json> marker_of(const fs::path& folder) {
    const auto text = contents_of(folder / marker);
    if (!text) return std::nullopt;
    nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("key") ||
        !json["key"].is_string())
        return std::nullopt;
    return json;
}

}  // namespace

void keep_finished_run(const BatchRun& run, const std::string& key, const fs::path& folder) {
    fs::remove(folder / marker);
    write_output_files(run.files, folder);
    const BatchEntry& e = run.entry;
    nlohmann::json files = nlohmann::json::array();
    for (const OutputFile& f : run.files) files.push_back(f.name);
    const nlohmann::json json{
        {"key", key},     {"scenario", e.scenario}, {"iterations", e.iterations},
        {"seed", e.seed}, {"sampling", e.sampling}, {"files", files}};
    write_file_atomically(folder / marker, json.dump(2) + "\n");
}

std::map<std::string, fs::path> finished_runs(const fs::path& runs) {
    std::map<std::string, fs::path> found;
    std::error_code error;
    for (fs::directory_iterator entry(runs, error), end; !error && entry != end;
         entry.increment(error))
        if (const auto json = marker_of(entry->path()))
            found.emplace((*json)["key"].get<std::string>(), entry->path());
    return found;
}

std::optional<BatchRun> read_finished_run(const fs::path& folder, const std::string& key,
                                          const std::string& file) {
    const auto json = marker_of(folder);
    if (!json || (*json)["key"] != key) return std::nullopt;
    try {
        BatchRun run;
        run.entry.file = file;
        run.entry.scenario = json->at("scenario").get<std::string>();
        run.entry.iterations = json->at("iterations").get<std::uint64_t>();
        run.entry.seed = json->at("seed").get<std::uint64_t>();
        run.entry.sampling = json->at("sampling").get<std::string>();
        // The entry's tables are the texts of the run's own CSV files (batch_entry).
        for (const auto& name : json->at("files")) {
            const auto text = contents_of(folder / name.get<std::string>());
            if (!text) return std::nullopt;
            run.files.push_back({name, *text});
            if (name == "milestones.csv") run.entry.milestones = *text;
            if (name == "targets.csv") run.entry.targets = *text;
            if (name == "drivers.csv") run.entry.drivers = *text;
        }
        return run;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a finished.json of another shape: run it again
    }
}

}  // namespace pipesim::cli
