#pragma once
// Every number in a scenario file has a dotted path: map keys name themselves, entries of
// a list are named by their `id` (or by their position from 0 when they have none), e.g.
// `risks.rainy-season.probability`, `assumptions.hsr-track-laying.duration.max`,
// `funnels.industrial-chain.stages.signed.probability`, `targets.contract-value.at_least`.
// Sweeps and scenario variants change numbers by these paths. Durations also take scale
// factors, applied after reading (see docs/sweeps.md):
//   durations.scale, categories.<category>.duration_scale, projects.<id>.duration_scale,
//   projects.<id>.activities.<id>.duration.scale, assumptions.<id>.duration.scale.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace pipesim {

struct NumberInText {
    std::string path;
    std::size_t offset;  // where its text starts in the file
    std::size_t length;  // of its text as written
    SourceLocation where;
    double value;
};

// The file's numbers in file order, with their paths; empty if the text is not YAML.
// Quoted numbers are numbers too; `pipesim` (the format version) is not a number to vary.
std::vector<NumberInText> numbers_by_path(std::string_view text, const std::string& source);

// The scale-factor paths a file's ids make possible.
std::vector<std::string> scale_paths(std::string_view text);

// Whether a path names a duration scale factor rather than a number in the text.
bool is_scale_path(std::string_view path);

// "; the closest paths are a, b, c" for a path that is not in `known`.
std::string closest_paths(std::string_view path, const std::vector<std::string>& known);

}  // namespace pipesim
