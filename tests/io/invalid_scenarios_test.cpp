// Every file in tests/data/invalid holds exactly one fault. Its leading comment lines say
// what `pipesim validate` must report for it:
//
//   # expect: unknown key 'duraton' (did you mean 'duration'?)   substring of the message
//   # at: 9:22                                                  line:column, if any applies
//   # entity: p.a                                               optional
//
// The file is read exactly as `pipesim validate` reads it (loader problems, then cycles),
// and exactly one problem must come out, at the stated place, naming the file.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "graph/network.hpp"
#include "io/scenario_loader.hpp"

namespace pipesim {
namespace {

namespace fs = std::filesystem;

const fs::path corpus_dir = fs::path(PIPESIM_TEST_DATA_DIR) / "invalid";

std::vector<fs::path> corpus_files() {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(corpus_dir, error))
        if (entry.is_regular_file() && entry.path().extension() == ".yaml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

struct Expectation {
    std::optional<std::string> message;  // "expect:"
    std::optional<int> line;             // "at:"
    std::optional<int> column;
    std::optional<std::string> entity;  // "entity:"
    std::vector<std::string> faults;    // malformed header lines
};

std::string trimmed(std::string text) {
    const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
    text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), blank));
    text.erase(std::find_if_not(text.rbegin(), text.rend(), blank).base(), text.end());
    return text;
}

std::optional<int> positive(const std::string& text) {
    if (text.empty() || text.size() > 6 ||
        !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        return std::nullopt;
    const int value = std::stoi(text);
    if (value < 1) return std::nullopt;
    return value;
}

// Reads the leading "# key: value" lines; the first line that is not a comment ends them.
Expectation read_expectation(const fs::path& file) {
    Expectation expected;
    std::ifstream stream(file, std::ios::binary);
    std::string line;
    while (std::getline(stream, line) && line.starts_with('#')) {
        const std::string body = trimmed(line.substr(1));
        const auto colon = body.find(':');
        if (colon == std::string::npos) continue;  // a free-form comment
        const std::string key = body.substr(0, colon);
        const std::string value = trimmed(body.substr(colon + 1));
        if (key == "expect") {
            expected.message = value;
        } else if (key == "entity") {
            expected.entity = value;
        } else if (key == "at") {
            const auto separator = value.find(':');
            if (separator != std::string::npos) {
                expected.line = positive(value.substr(0, separator));
                expected.column = positive(value.substr(separator + 1));
            }
            if (!expected.line || !expected.column)
                expected.faults.push_back("'at:' must be LINE:COLUMN, got '" + value + "'");
        }
    }
    return expected;
}

// What `pipesim validate` collects for a file.
std::vector<Problem> validate(const fs::path& file) {
    const ScenarioReading reading = read_scenario_file(file);
    std::vector<Problem> problems = reading.problems.items();
    const ProblemList cycles = find_cycles(reading.scenario);
    problems.insert(problems.end(), cycles.items().begin(), cycles.items().end());
    return problems;
}

std::string listing(const std::vector<Problem>& problems) {
    std::string text;
    for (const auto& problem : problems) text += "\n  " + describe(problem);
    return text.empty() ? "\n  (none)" : text;
}

class InvalidScenario : public ::testing::TestWithParam<fs::path> {};

TEST_P(InvalidScenario, ReportsExactlyTheOneExpectedProblem) {
    const fs::path& file = GetParam();
    const Expectation expected = read_expectation(file);
    for (const auto& fault : expected.faults) ADD_FAILURE() << file << ": " << fault;
    ASSERT_TRUE(expected.message.has_value())
        << file << " must start with a '# expect: <part of the message>' comment line";
    ASSERT_FALSE(expected.message->empty()) << file << ": '# expect:' is empty";

    const std::vector<Problem> problems = validate(file);
    ASSERT_EQ(problems.size(), 1u) << "problems reported for " << file << ":" << listing(problems);
    const Problem& problem = problems.front();
    const std::string message = describe(problem);

    EXPECT_NE(message.find(*expected.message), std::string::npos)
        << "message: " << message << "\nexpected it to contain: " << *expected.message;
    EXPECT_TRUE(message.starts_with(file.string() + ":"))
        << "message: " << message << "\nexpected it to start with the file " << file;
    EXPECT_EQ(problem.where.file, file.string());
    if (expected.line) {
        EXPECT_EQ(problem.where.line, *expected.line) << "message: " << message;
        EXPECT_EQ(problem.where.column, *expected.column) << "message: " << message;
    } else {
        EXPECT_EQ(problem.where.line, 0)
            << "no '# at:' given, yet the message has a place: " << message;
        EXPECT_EQ(problem.where.column, 0) << "message: " << message;
    }
    if (expected.entity) {
        EXPECT_EQ(problem.entity, *expected.entity) << "message: " << message;
    }
}

// Test names come from file names: "unknown-key.yaml" runs as "unknown_key".
std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
    std::string name = info.param.stem().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, InvalidScenario, ::testing::ValuesIn(corpus_files()), test_name);
// An empty folder is reported by the test below, not as an uninstantiated suite.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(InvalidScenario);

TEST(InvalidScenarioCorpus, HasAtLeastTwentyFiles) {
    EXPECT_GE(corpus_files().size(), 20u) << "in " << corpus_dir;
}

// Kebab-case names are readable and map one to one onto valid test names.
TEST(InvalidScenarioCorpus, FileNamesAreKebabCase) {
    for (const auto& file : corpus_files()) {
        const std::string stem = file.stem().string();
        const bool kebab = !stem.empty() && stem.front() != '-' && stem.back() != '-' &&
                           std::all_of(stem.begin(), stem.end(), [](char c) {
                               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                           });
        EXPECT_TRUE(kebab) << file.filename() << " is not a kebab-case name";
    }
}

}  // namespace
}  // namespace pipesim
