#include "io/scenario_loader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/text.hpp"
#include "io/correlation_reader.hpp"
#include "io/dependency_reader.hpp"
#include "io/funnel_reader.hpp"
#include "io/plan_reader.hpp"
#include "io/project_reader.hpp"
#include "io/quantity_reader.hpp"
#include "io/risk_reader.hpp"
#include "io/target_reader.hpp"
#include "io/uplift_reader.hpp"
#include "io/variant_reader.hpp"
#include "io/yaml_documents.hpp"

namespace pipesim {
namespace {

// Each part in turn: targets look at projects and funnels, dependencies at every node, risks
// at activities, correlations at activities and risks.
ScenarioReading read_document(const YAML::Node& root, const std::string& source,
                              std::string_view text) {
    io::YamlFile file(source, text);
    io::Draft draft;
    draft.scenario.source = source;
    if (io::PlanReader(file, draft).read(root)) {
        io::QuantityReader quantities(file, draft);
        quantities.read_assumptions(root["assumptions"]);
        io::DependencyReader dependencies(file, draft, quantities);
        io::ProjectReader(file, draft, quantities, dependencies).read(root);
        io::FunnelReader(file, draft, quantities, dependencies).read(root["funnels"]);
        dependencies.resolve();
        io::TargetReader(file, draft).read(root["targets"]);
        io::RiskReader(file, draft, quantities).read(root["risks"]);
        io::CorrelationReader(file, draft).read(root["correlations"]);
        io::UpliftReader(file, draft, quantities).read(root["optimism_bias"]);
    }
    return {std::move(draft.scenario), std::move(file.problems)};
}

// Problems with the bytes themselves, before YAML sees them.
bool check_raw_text(std::string_view text, const std::string& source, ProblemList& problems) {
    if (text.find('\0') != std::string_view::npos) {
        problems.add({source, 0, 0}, "", "this is a binary file, not a YAML scenario");
        return false;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        const auto before = text.substr(0, *bad);
        const auto line = 1 + std::count(before.begin(), before.end(), '\n');
        const auto column =
            *bad - (before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1) + 1;
        problems.add({source, static_cast<int>(line), static_cast<int>(column)}, "",
                     "the file is not valid UTF-8 text");
        return false;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        problems.add({source, 0, 0}, "",
                     "the file has no content (a scenario needs 'pipesim', 'plan' and 'projects')");
        return false;
    }
    return true;
}

}  // namespace

ScenarioReading read_scenario_text(std::string_view text, const std::string& source_name) {
    ScenarioReading failed;
    failed.scenario.source = source_name;
    if (!check_raw_text(text, source_name, failed.problems)) return failed;
    std::vector<YAML::Node> documents;
    try {
        documents = io::load_documents(text);
    } catch (const YAML::DeepRecursion&) {
        // yaml-cpp's position for this points past the end of the file: leave it out.
        failed.problems.add({source_name, 0, 0}, "", "the YAML nests more than 500 levels deep");
        return failed;
    } catch (const YAML::Exception& error) {
        failed.problems.add({source_name, error.mark.line + 1, error.mark.column + 1}, "",
                            "not valid YAML: " + error.msg);
        return failed;
    }
    if (documents.empty() || (documents.size() == 1 && documents.front().IsNull())) {
        failed.problems.add({source_name, 0, 0}, "",
                            "the file has no content (a scenario needs 'pipesim', 'plan' and "
                            "'projects')");
        return failed;
    }
    if (documents.size() != 1) {
        failed.problems.add(
            {source_name, 0, 0}, "",
            "expected exactly one YAML document, found " + std::to_string(documents.size()));
        return failed;
    }
    try {
        if (io::extends_another(documents.front()))
            return io::read_variant(documents.front(), source_name, text);
        return read_document(documents.front(), source_name, text);
    } catch (const YAML::Exception& error) {
        failed.problems.add({source_name, error.mark.line + 1, error.mark.column + 1}, "",
                            "could not read the YAML structure: " + error.msg);
        return failed;
    }
}

std::optional<std::string> read_scenario_bytes(const std::filesystem::path& file,
                                               ProblemList& problems) {
    const std::string source = file.string();
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (error || !std::filesystem::exists(status)) {
        problems.add({source, 0, 0}, "", "no such file");
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(status)) {
        problems.add({source, 0, 0}, "", "not a regular file");
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(file, error);
    if (!error && size > max_scenario_file_bytes) {
        problems.add({source, 0, 0}, "",
                     "the file is " + std::to_string(size >> 20) +
                         " MiB; scenario files are limited to " +
                         std::to_string(max_scenario_file_bytes >> 20) + " MiB");
        return std::nullopt;
    }
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream contents;
    contents << stream.rdbuf();
    if (!stream && !stream.eof()) {
        problems.add({source, 0, 0}, "", "cannot read the file");
        return std::nullopt;
    }
    return contents.str();
}

ScenarioReading read_scenario_file(const std::filesystem::path& file) {
    ScenarioReading failed;
    failed.scenario.source = file.string();
    const auto text = read_scenario_bytes(file, failed.problems);
    if (!text) return failed;
    return read_scenario_text(*text, file.string());
}

bool is_variant(std::string_view text) {
    try {
        return io::extends_another(YAML::Load(std::string(text)));
    } catch (const YAML::Exception&) {
        return false;
    }
}

Scenario load_scenario(const std::filesystem::path& file) {
    ScenarioReading reading = read_scenario_file(file);
    reading.problems.throw_if_any();
    return std::move(reading.scenario);
}

}  // namespace pipesim
