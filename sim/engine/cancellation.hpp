#pragma once
// Stopping a run early on request (the command line raises the flag on Ctrl-C or SIGTERM).
// Workers look at the flag between chunks only, so a run stops within one chunk's time and
// no chunk is left half-tallied; what was simulated is discarded, never reported.

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
