// Ctrl-C or SIGTERM ends a command at once with 128 + the signal and its message, except
// while files are written: those finish first. Each case runs in a child process (a death
// test), which sends itself the signal.

#include "interruption.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace pipesim::cli {
namespace {

class Interruption : public ::testing::Test {
  protected:
    // Each child runs this test alone in a fresh process, free of the threads of others.
    void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(Interruption, EndsTheCommandAtOnce) {
    const auto interrupted = [](int signal) {
        stop_on_interrupt("nothing was kept");
        std::raise(signal);
        std::exit(0);  // not reached
    };
    EXPECT_EXIT(interrupted(SIGINT), ::testing::ExitedWithCode(130),
                "^interrupted: nothing was kept\n$");
    EXPECT_EXIT(interrupted(SIGTERM), ::testing::ExitedWithCode(143),
                "^interrupted: nothing was kept\n$");
}

TEST_F(Interruption, LetsFilesBeingWrittenFinish) {
    const auto interrupted_while_writing = [] {
        stop_on_interrupt("nothing was kept");
        {
            FinishingWrites writes;
            std::raise(SIGTERM);
            std::fputs("the file is whole\n", stderr);
            writes.then_say("the file was kept");
        }
        std::fputs("went on\n", stderr);  // not reached
        std::exit(0);
    };
    EXPECT_EXIT(interrupted_while_writing(), ::testing::ExitedWithCode(143),
                "^the file is whole\ninterrupted: the file was kept\n$");
}

TEST_F(Interruption, WithoutASignalWritingChangesNothing) {
    const auto written = [] {
        stop_on_interrupt("nothing was kept");
        {
            FinishingWrites writes;
            writes.then_say("the file was kept");
        }
        { FinishingWrites again; }
        std::fputs("finished\n", stderr);
        std::exit(0);
    };
    EXPECT_EXIT(written(), ::testing::ExitedWithCode(0), "^finished\n$");
}

}  // namespace
}  // namespace pipesim::cli
