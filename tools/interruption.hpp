#pragma once
// Ctrl-C or SIGTERM ends a command at once, with the shell's exit code for that signal
// (130, 143), after saying what it kept and how to go on. Nothing is lost by not waiting:
// a command writes its files only after the work they hold is done, each whole under a
// temporary name renamed into place (core/atomic_file.hpp), and while it writes
// (FinishingWrites) a signal waits for the writing to end. Reading a plan, compiling it
// and simulating need no cooperation, however large the plan. A second signal ends the
// process outright.

#include <string>

namespace pipesim::cli {

// Installs the handler; `what_now` is what an interruption from here on says (what was
// kept, how to go on).
void stop_on_interrupt(const std::string& what_now);

// While one is alive, files are being written and a signal waits; when it is destroyed a
// signal that came meanwhile ends the process, saying what `then_say` last gave. One at a
// time, on the thread that called stop_on_interrupt.
class FinishingWrites {
  public:
    FinishingWrites();
    ~FinishingWrites();
    FinishingWrites(const FinishingWrites&) = delete;
    FinishingWrites& operator=(const FinishingWrites&) = delete;

    // What an interruption says once these writes are done.
    void then_say(const std::string& what_now);
};

// What an interrupted command that writes its files only once everything is done (a run,
// sweep, comparison or import: `what`) leaves in `out`, and what it says once it wrote them.
std::string nothing_written(const std::string& what, const std::string& out);
std::string all_written(const std::string& what, const std::string& out);

}  // namespace pipesim::cli
