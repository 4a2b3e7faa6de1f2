// libFuzzer target: the scenario loader, validator and network compiler.

#include <cstddef>
#include <cstdint>

#include "untrusted_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pipesim::fuzz::read_untrusted_scenario({reinterpret_cast<const char*>(data), size});
    return 0;
}
