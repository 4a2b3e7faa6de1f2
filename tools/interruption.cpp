#include "interruption.hpp"

#include <csignal>
#include <cstdio>

namespace pipesim::cli {
namespace {

std::atomic<bool> interrupted{false};
std::atomic<int> interrupting_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "set from a signal handler");

extern "C" void interrupt(int signal) {
    interrupting_signal = signal;
    interrupted = true;
}

}  // namespace

const std::atomic<bool>* stop_on_interrupt() {
    struct sigaction action {};
    action.sa_handler = interrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return &interrupted;
}

int report_interruption(const std::string& what_now) {
    std::fprintf(stderr, "interrupted: %s\n", what_now.c_str());
    return 128 + interrupting_signal;
}

}  // namespace pipesim::cli
