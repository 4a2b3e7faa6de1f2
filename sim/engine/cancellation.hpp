#pragma once
// Stopping a run early on request, for programs that embed the engine (the command line
// simply ends the process: tools/interruption.hpp). Workers look at the flag before each block of iterations (64 to 256), so a run stops
// within a block's time even on a plan of a million activities; what was simulated is
// discarded, never reported, so a chunk left half-tallied does no harm.

#include <atomic>
#include <stdexcept>

namespace pipesim {

class RunCancelled : public std::runtime_error {
  public:
    RunCancelled() : std::runtime_error("the run was cancelled before it finished") {}
};

inline bool is_raised(const std::atomic<bool>* cancel) {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

inline void throw_if_cancelled(const std::atomic<bool>* cancel) {
    if (is_raised(cancel)) throw RunCancelled();
}

}  // namespace pipesim
