#include "interruption.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>

namespace pipesim::cli {
namespace {

// Who may end the process: the handler when idle; nobody while files are written; once
// one side has claimed `ending`, the other waits for the end.
enum class Phase { idle, writing, ending };
std::atomic<Phase> phase{Phase::idle};
std::atomic<int> pending_signal{0};
static_assert(std::atomic<Phase>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "used from a signal handler");

// The message, read by whoever claims `ending`: written only before the handler is
// installed or while `writing` is held, so never while it is read.
char message[2048];
std::size_t message_length = 0;

void set_message(const std::string& what_now, bool new_line_first) {
    const std::string text =
        std::string(new_line_first ? "\n" : "") + "interrupted: " + what_now + "\n";
    message_length = std::min(text.size(), sizeof message);
    std::memcpy(message, text.data(), message_length);
}

// Async-signal-safe: write(2) and _exit(2) only.
[[noreturn]] void end_process() {
    const ssize_t written = ::write(STDERR_FILENO, message, message_length);
    static_cast<void>(written);  // nothing to do if standard error is gone
    ::_exit(128 + pending_signal.load());
}

[[noreturn]] void wait_for_the_end() {
    for (;;) ::pause();
}

bool claim_ending() {
    Phase idle = Phase::idle;
    return phase.compare_exchange_strong(idle, Phase::ending);
}

extern "C" void interrupt(int signal) {
    pending_signal = signal;
    if (claim_ending()) end_process();
    // Files are being written: ~FinishingWrites ends the process when they are done.
}

// A progress bar may hold the terminal's line: the message then starts on the next.
bool terminal_line_may_be_taken() {
    return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace

void stop_on_interrupt(const std::string& what_now) {
    set_message(what_now, terminal_line_may_be_taken());
    struct sigaction action {};
    action.sa_handler = interrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

FinishingWrites::FinishingWrites() {
    Phase idle = Phase::idle;
    if (phase.compare_exchange_strong(idle, Phase::writing)) return;
    // Writes do not nest: only a signal being handled can hold the phase.
    wait_for_the_end();
}

FinishingWrites::~FinishingWrites() {
    phase = Phase::idle;
    if (pending_signal.load() == 0) return;
    if (claim_ending()) end_process();
    wait_for_the_end();
}

void FinishingWrites::then_say(const std::string& what_now) {
    set_message(what_now, terminal_line_may_be_taken());
}

std::string nothing_written(const std::string& what, const std::string& out) {
    return "the " + what +
           " stopped before it finished and wrote nothing; any earlier results in " + out +
           " are untouched. To get them, run the same command again.";
}

std::string all_written(const std::string& what, const std::string& out) {
    return "the " + what + " had finished before it was stopped: see " + out + ".";
}

}  // namespace pipesim::cli
