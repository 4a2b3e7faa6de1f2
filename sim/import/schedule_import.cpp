#include "import/schedule_import.hpp"

#include <filesystem>

#include "import/mspdi_reader.hpp"
#include "import/scenario_writer.hpp"
#include "import/xer_reader.hpp"

namespace pipesim::import {
namespace {

ImportedSchedule read_schedule(std::string_view text, const std::string& file) {
    if (text.starts_with("ERMHDR")) return read_xer(text, file);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
    if (text.starts_with("<?xml") || text.starts_with("<Project")) return read_mspdi(text, file);
    throw InputError({file, 1, 1}, "",
                     "not a schedule this import reads: a P6 XER file starts with 'ERMHDR', an "
                     "MS Project XML file with '<?xml' or '<Project'");
}

}  // namespace

ImportResult import_schedule(std::string_view text, const std::string& file,
                             const UncertaintyRules& rules) {
    ImportedSchedule schedule = read_schedule(text, file);
    ImportResult result;
    result.warnings = std::move(schedule.warnings);
    // The header names the file alone, so the same file gives the same text wherever it is.
    result.yaml = write_scenario(schedule, rules, std::filesystem::path(file).filename().string(),
                                 result.warnings);
    return result;
}

}  // namespace pipesim::import
