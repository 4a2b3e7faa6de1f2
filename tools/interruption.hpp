#pragma once
// Ctrl-C or SIGTERM while a command simulates: the handler only raises a flag, the engine
// stops between chunks (engine/cancellation.hpp) and throws RunCancelled, and the command
// ends with the shell's exit code for that signal (130, 143) after saying what it kept and
// how to go on. Files already written stay; none is left half-written, as every file is
// renamed into place only when complete (core/atomic_file.hpp). A second signal ends the
// process at once.

#include <atomic>
#include <string>

namespace pipesim::cli {

// Installs the handler; returns the flag it raises, for RunSettings::cancel.
const std::atomic<bool>* stop_on_interrupt();

// Prints "interrupted: " and `what_now` (what was kept, how to go on) and returns 128 plus
// the signal's number.
int report_interruption(const std::string& what_now);

}  // namespace pipesim::cli
