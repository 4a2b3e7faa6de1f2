// Every input with which fuzzing once found a crash, hang, leak or sanitizer report,
// replayed through the same call as its fuzz target: each must now end normally (under
// the sanitize preset, also without a sanitizer report).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "untrusted_input.hpp"

namespace pipesim::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_of(const std::string& target) {
    std::vector<fs::path> files;
    const fs::path folder = fs::path(PIPESIM_TEST_DATA_DIR) / "fuzz-regressions" / target;
    if (fs::is_directory(folder))
        for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string contents_of(const fs::path& file) {
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

TEST(FuzzRegressions, ScenarioInputsAreReadOrRejected) {
    for (const fs::path& file : inputs_of("scenario")) {
        SCOPED_TRACE(file.filename().string());
        EXPECT_NO_THROW(read_untrusted_scenario(contents_of(file)));
    }
}

TEST(FuzzRegressions, SweepSpecInputsAreReadOrRejected) {
    for (const fs::path& file : inputs_of("sweep_spec")) {
        SCOPED_TRACE(file.filename().string());
        EXPECT_NO_THROW(vary_untrusted(contents_of(file)));
    }
}

// The fuzz target's scenario must be valid, or no input would reach the network.
TEST(FuzzRegressions, SweepSpecTargetReachesTheNetworkForAKnownPath) {
    EXPECT_TRUE(vary_untrusted("risks.flood.probability=0.1,0.4\ndurations.scale=0.5:1.5:3\n"));
    EXPECT_FALSE(vary_untrusted("risks.flod.probability=0.1"));
    EXPECT_FALSE(vary_untrusted("risks.flood.probability=1.5"));
}

TEST(FuzzRegressions, ScheduleInputsAreImportedOrRejected) {
    for (const std::string target : {"xer", "mspdi"})
        for (const fs::path& file : inputs_of(target)) {
            SCOPED_TRACE(file.filename().string());
            const std::string text = contents_of(file);
            EXPECT_EQ(format_of(text) == ScheduleFormat::xer, target == "xer");
            EXPECT_NO_THROW(import_untrusted_schedule(text));
        }
}

}  // namespace
}  // namespace pipesim::fuzz
