#include "progress_bar.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace pipesim::cli {

ProgressBar::ProgressBar(std::uint64_t total) : total_(total), enabled_(::isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() {
    if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::update(std::uint64_t done) {
    using namespace std::chrono_literals;
    const auto now = Clock::now();
    if (!enabled_ || now - started_ < 1s || now - last_drawn_ < 100ms) return;
    last_drawn_ = now;
    drawn_ = true;
    constexpr int width = 40;
    const double share = static_cast<double>(done) / static_cast<double>(total_);
    const int filled = static_cast<int>(share * width);
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    const double remaining = share > 0 ? elapsed * (1.0 - share) / share : 0.0;
    std::fprintf(stderr, "\r[%s%s] %3.0f%%  %llu/%llu iterations  %.0f s left ",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(), 100.0 * share,
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_),
                 remaining);
    std::fflush(stderr);
}

}  // namespace pipesim::cli
