#pragma once
// The generic half of reading a scenario file: where a node sits, the shape and kind of its
// value, unknown and missing keys, numbers, dates, ids and distributions, every fault kept
// as a Problem. Internal to sim/io (it is where yaml-cpp is seen); the readers of a
// scenario's parts build on it.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/distribution.hpp"

namespace pipesim::io {

using Keys = std::span<const std::string_view>;

std::string in_quotes(std::string_view text);
std::string list_of(Keys keys);
// " (did you mean 'x'?)" when a candidate is close enough to be what was meant, else "".
std::string did_you_mean(std::string_view word, Keys candidates);
// As did_you_mean, but lists the choices when none is close: for short fixed vocabularies.
std::string did_you_mean_or_choices(std::string_view word, Keys candidates);
// Lowercase ASCII letters, digits, '-' and '_'. No dots: a dot joins ids into a full id.
bool is_valid_id(std::string_view id);

// The whole numbers a key allows, and how messages say so ("from 1 to 100,000").
struct WholeRange {
    std::uint64_t min;
    std::uint64_t max;
    std::string_view text;
};

// The file being read and what is wrong with it so far, shared by the readers of its parts.
struct YamlFile {
    YamlFile(std::string source, std::string_view text);

    std::string source;
    std::vector<std::string_view> lines;  // of the file's text, for quote checks
    ProblemList problems;
    int last_line = 1;            // of the last mapping entered: the place of a missing node
    bool unclosed_quote = false;  // the keys after one are swallowed, so not missing
    std::set<std::pair<int, int>> unknown_keys;  // line and column of each key reported unknown
};

class YamlReader {
  public:
    explicit YamlReader(YamlFile& file) : file_(file) {}

  protected:
    void problem(const YAML::Node& node, std::string entity, std::string reason);
    SourceLocation where(const YAML::Node& node) const;

    bool expect_map(const YAML::Node& node, const std::string& entity, std::string_view what);
    bool expect_sequence(const YAML::Node& node, const std::string& entity, std::string_view key);
    // Check a map's keys before reading from it: a key missing because it was misspelt is
    // then known to be reported already, as unknown.
    void check_keys(const YAML::Node& map, Keys allowed, const std::string& entity);
    YAML::Node required(const YAML::Node& map, std::string_view key, const std::string& entity);
    // Whether the map gives none of the keys as a fault of its own, not as a misspelling
    // (reported as an unknown key) or after an unclosed quote (which swallowed them).
    bool lacks_all(const YAML::Node& map, Keys keys) const;
    static YAML::Node key_of(const YAML::Node& map, std::string_view key);

    std::optional<std::string> text(const YAML::Node& node, const std::string& entity,
                                    std::string_view key);
    // The map's display `name`, or `fallback` (its id) when it gives none.
    std::string name_of(const YAML::Node& map, const std::string& entity, std::string fallback);
    std::optional<double> number(const YAML::Node& node, const std::string& entity,
                                 std::string_view key);
    // As number, for a number written inside other text ("80" of "80%").
    std::optional<double> number_in(const std::string& written, const YAML::Node& node,
                                    const std::string& entity, std::string_view key);
    std::optional<std::uint64_t> whole_number(const YAML::Node& node, const std::string& entity,
                                              std::string_view key, const WholeRange& range);
    std::optional<Date> date(const YAML::Node& node, const std::string& entity,
                             std::string_view key);
    // The `id:` of a map; `what` names its kind in messages ("activity id 'X' may only ...").
    std::optional<std::string> identifier(const YAML::Node& map, const std::string& owner,
                                          std::string_view what);
    // The same without reporting anything, to name the map while its keys are checked, which
    // comes before reading its id.
    static std::optional<std::string> written_id(const YAML::Node& map);

    // One word of a fixed vocabulary, e.g. a category: "unknown category 'aiport' (did you
    // mean 'airport'?)".
    template <typename Enum>
    std::optional<Enum> word(const YAML::Node& node, const std::string& entity,
                             std::string_view what, Keys words,
                             std::optional<Enum> (*parse)(std::string_view)) {
        auto written = text(node, entity, what);
        if (!written) return std::nullopt;
        if (auto value = parse(*written)) return value;
        problem(node, entity,
                "unknown " + std::string(what) + " " + in_quotes(*written) +
                    did_you_mean_or_choices(*written, words));
        return std::nullopt;
    }

    // A `dist:` mapping; `noun` says what it describes in messages ("invalid pert <noun>").
    std::optional<Distribution> distribution(const YAML::Node& node, const std::string& entity,
                                             std::string_view noun);

  private:
    bool opens_unclosed_quote(const YAML::Node& node) const;
    std::optional<Distribution> build_distribution(const std::string& kind, const YAML::Node& node,
                                                   const std::string& entity,
                                                   const std::string& noun);
    std::optional<std::vector<double>> parameters(const YAML::Node& node, Keys names,
                                                  const std::string& entity,
                                                  const std::string& kind_and_noun);
    std::optional<Distribution> lognormal(const YAML::Node& node, const std::string& entity,
                                          const std::string& noun);
    std::optional<std::vector<double>> number_list(const YAML::Node& map, std::string_view key,
                                                   const std::string& entity,
                                                   const std::string& noun);

    YamlFile& file_;
};

}  // namespace pipesim::io
