#include "untrusted_input.hpp"

#include "graph/network.hpp"
#include "import/schedule_import.hpp"
#include "io/scenario_loader.hpp"

namespace pipesim::fuzz {

bool read_untrusted_scenario(std::string_view text) {
    const ScenarioReading reading = read_scenario_text(text, "untrusted.yaml");
    if (!reading.problems.empty() || !find_cycles(reading.scenario).empty()) return false;
    try {
        compile_network(reading.scenario);
    } catch (const InputError&) {
        return false;  // e.g. a correlation matrix that is not positive definite
    }
    return true;
}

bool import_untrusted_schedule(std::string_view text) {
    try {
        import::import_schedule(text, "untrusted", import::UncertaintyRules{});
    } catch (const InputError&) {
        return false;
    }
    return true;
}

ScheduleFormat format_of(std::string_view text) {
    return text.starts_with("ERMHDR") ? ScheduleFormat::xer : ScheduleFormat::mspdi;
}

}  // namespace pipesim::fuzz
