#pragma once
// A one-line progress bar on standard error, shown only on a terminal and only once a
// run has lasted long enough (a second) for a planner to wonder whether it is working.

#include <chrono>
#include <cstdint>

namespace pipesim::cli {

class ProgressBar {
  public:
    explicit ProgressBar(std::uint64_t total);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(std::uint64_t done);

  private:
    using Clock = std::chrono::steady_clock;
    std::uint64_t total_;
    bool enabled_;
    bool drawn_ = false;
    Clock::time_point started_ = Clock::now();
    Clock::time_point last_drawn_{};
};

}  // namespace pipesim::cli
