#pragma once
// A scenario variant: a file that `extends` a base scenario and changes some of its
// numbers by path (an optimistic or pessimistic case, "with mitigation", next month's
// re-forecast):
//
//   pipesim: 1
//   extends: qianjiang-2024.yaml        # relative to this file
//   name: Qianjiang 2024, wet year      # optional: the plan's name in results
//   set:
//     risks.rainy-season.probability: 0.8
//     categories.rail.duration_scale: 1.1
//
// The base must be a full scenario, not another variant, so chains and cycles cannot
// arise. Internal to sim/io.

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "io/overrides.hpp"
#include "io/scenario_loader.hpp"

namespace pipesim::io {

bool extends_another(const YAML::Node& root);

ScenarioReading read_variant(const YAML::Node& root, const std::string& source,
                             std::string_view text);

// The variant's base text with its entries; nullopt, with the problems of the variant's
// own lines, when they are faulty or the base cannot be read.
std::optional<ScenarioText> read_variant_text(const YAML::Node& root, const std::string& source,
                                              std::string_view text, ProblemList& problems);

}  // namespace pipesim::io
