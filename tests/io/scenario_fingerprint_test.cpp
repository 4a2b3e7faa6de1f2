// A scenario's fingerprint follows its content, including the base it extends, and not its
// file name.

#include "io/scenario_fingerprint.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

namespace pipesim {
namespace {

namespace fs = std::filesystem;

class ScenarioFingerprint : public ::testing::Test {
  protected:
    void SetUp() override {
        folder_ = fs::temp_directory_path() / ("pipesim-fingerprint-" + std::to_string(::getpid()));
        fs::remove_all(folder_);
        fs::create_directories(folder_);
    }
    void TearDown() override { fs::remove_all(folder_); }

    fs::path write(const std::string& name, const std::string& text) {
        std::ofstream(folder_ / name, std::ios::binary) << text;
        return folder_ / name;
    }

    fs::path folder_;
};

const std::string base = "pipesim: 1\nplan: {name: base}\n";
const std::string variant = "pipesim: 1\nextends: base.yaml\nset: {plan.seed: 3}\n";

TEST_F(ScenarioFingerprint, IsTheSameForTheSameBytesUnderAnotherName) {
    EXPECT_EQ(scenario_fingerprint(write("a.yaml", base)),
              scenario_fingerprint(write("renamed.yaml", base)));
    EXPECT_EQ(scenario_fingerprint(write("a.yaml", base)).size(), 64u);
}

TEST_F(ScenarioFingerprint, ChangesWithAnyByte) {
    const std::string before = scenario_fingerprint(write("a.yaml", base));
    EXPECT_NE(scenario_fingerprint(write("a.yaml", base + "# a comment\n")), before);
}

TEST_F(ScenarioFingerprint, ChangesWithTheBaseAVariantExtends) {
    write("base.yaml", base);
    const fs::path wet = write("wet.yaml", variant);
    const std::string before = scenario_fingerprint(wet);
    EXPECT_NE(before, scenario_fingerprint(folder_ / "base.yaml"));
    write("base.yaml", base + "# changed\n");
    EXPECT_NE(scenario_fingerprint(wet), before);
    write("base.yaml", base);
    EXPECT_EQ(scenario_fingerprint(wet), before);
}

TEST_F(ScenarioFingerprint, EndsOnACycleAndOnAMissingFile) {
    const fs::path a = write("a.yaml", "pipesim: 1\nextends: b.yaml\n");
    write("b.yaml", "pipesim: 1\nextends: a.yaml\n");
    EXPECT_EQ(scenario_fingerprint(a).size(), 64u);
    const fs::path orphan = write("orphan.yaml", "pipesim: 1\nextends: nowhere.yaml\n");
    EXPECT_NE(scenario_fingerprint(orphan), scenario_fingerprint(folder_ / "nowhere.yaml"));
    EXPECT_EQ(scenario_fingerprint(folder_ / "missing.yaml"),
              scenario_fingerprint(folder_ / "also-missing.yaml"));
}

}  // namespace
}  // namespace pipesim
