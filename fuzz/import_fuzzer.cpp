// libFuzzer target: one schedule importer, the one PIPESIM_FUZZ_FORMAT names. Inputs the
// other importer would take are kept out of its corpus (-1), so each target mutates only
// its own format.

#include <cstddef>
#include <cstdint>

#include "untrusted_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using pipesim::fuzz::ScheduleFormat;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (pipesim::fuzz::format_of(text) != ScheduleFormat::PIPESIM_FUZZ_FORMAT) return -1;
    pipesim::fuzz::import_untrusted_schedule(text);
    return 0;
}
