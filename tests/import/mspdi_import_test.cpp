// The schedule of rail.xer written as an MS Project MSPDI file: the same scenario up to
// ids (MS Project names tasks by their WBS numbers), the same dates, and malformed XML
// refused at its line.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/simulation.hpp"
#include "import/schedule_import.hpp"
#include "support/scenarios.hpp"

namespace pipesim {
namespace {

const std::filesystem::path data = std::filesystem::path(PIPESIM_TEST_DATA_DIR) / "import";

std::string text_of(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

TEST(MspdiImport, WritesTheExpectedScenarioAndWarnings) {
    const auto result = import::import_schedule(text_of(data / "rail.xml"), "rail.xml", {});
    EXPECT_EQ(result.yaml, text_of(data / "rail-xml.expected.yaml"));
    std::vector<std::string> warnings;
    for (const Problem& warning : result.warnings) warnings.push_back(describe(warning));
    const std::vector<std::string> expected{
        "rail.xml:60:7: <PredecessorLink>: link from task UID 20 to task UID 7: a summary or "
        "missing task: left out",
        "rail.xml:63:7: <PredecessorLink>: unknown link <Type> 9: left out"};
    EXPECT_EQ(warnings, expected);
}

TEST(MspdiImport, FixedDurationsGiveTheSameDatesAsTheXerFile) {
    import::UncertaintyRules fixed;
    fixed.fallback.shape = import::RangeShape::fixed;
    const auto yaml = import::import_schedule(text_of(data / "rail.xml"), "rail.xml", fixed).yaml;
    const auto results = testing::forecast_of(yaml, 50, 1);
    const std::map<std::string, std::string> dates{
        {"1.1-2", "2024-01-12"}, {"1.1-3", "2024-01-21"}, {"2.2-1", "2024-02-10"},
        {"2.2-2", "2024-02-03"}, {"2.2-3", "2024-02-04"}, {"2.2-5", "2024-03-05"}};
    for (const auto& [id, date] : dates)
        EXPECT_EQ(testing::find(results.activities, id).deterministic->iso(), date) << id;
    EXPECT_EQ(testing::find(results.milestones, "2.2-4").deterministic->iso(), "2024-02-04");
}

TEST(MspdiImport, RefusesMalformedXmlAtItsLine) {
    try {
        import::import_schedule("<?xml version=\"1.0\"?>\n<Project>\n  <Tasks>\n</Project>\n",
                                "bad.xml", {});
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_EQ(describe(error.problems().front()),
                  "bad.xml:4:3: not well-formed XML: mismatched tag");
    }
    try {
        import::import_schedule("<?xml version=\"1.0\"?>\n<Project><Tasks/></Project>\n", "p.xml",
                                {});
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_EQ(describe(error.problems().front()),
                  "p.xml:2:1: <Project>: not an MS Project XML file: the root is not <Project "
                  "xmlns=\"http://schemas.microsoft.com/project\">");
    }
}

TEST(MspdiImport, RefusesSpansLongerThanACentury) {
    std::string text = text_of(data / "rail.xml");
    const std::string design = "<Duration>PT80H0M0S</Duration>";
    text.replace(text.find(design), design.size(), "<Duration>PT8e30H0M0S</Duration>");
    try {
        import::import_schedule(text, "rail.xml", {});
        FAIL() << "no error";
    } catch (const InputError& error) {
        const std::string message = describe(error.problems().front());
        EXPECT_TRUE(message.starts_with("rail.xml:40:")) << message;
        EXPECT_TRUE(
            message.ends_with("<Duration>: 'PT8e30H0M0S' is more than a century of working days"))
            << message;
    }
}

TEST(MspdiImport, RefusesDayAndConstraintTypesThatAreNotWholeNumbers) {
    const std::vector<std::pair<std::string, std::string>> codes{
        {"<DayType>3</DayType>", "<DayType>3.33333e+59</DayType>"},
        {"<ConstraintType>4</ConstraintType>", "<ConstraintType>1e300</ConstraintType>"},
        {"<DayType>3</DayType>", "<DayType>99999999999</DayType>"}};
    for (const auto& [written, edited] : codes) {
        std::string text = text_of(data / "rail.xml");
        text.replace(text.find(written), written.size(), edited);
        try {
            import::import_schedule(text, "rail.xml", {});
            FAIL() << "no error for " << edited;
        } catch (const InputError& error) {
            const std::string message = describe(error.problems().front());
            const std::string value =
                edited.substr(edited.find('>') + 1, edited.rfind('<') - edited.find('>') - 1);
            EXPECT_TRUE(message.ends_with("'" + value + "' is not a whole number")) << message;
        }
    }
}

}  // namespace
}  // namespace pipesim
