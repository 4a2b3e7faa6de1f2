// libFuzzer target: `--vary PATH=VALUES` arguments, one per line, as a sweep reads them
// and resolves their paths against a scenario.

#include <cstddef>
#include <cstdint>

#include "untrusted_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pipesim::fuzz::vary_untrusted({reinterpret_cast<const char*>(data), size});
    return 0;
}
