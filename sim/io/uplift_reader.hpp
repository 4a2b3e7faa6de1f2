#pragma once
// `optimism_bias:`: how much planners of each category of project tend to underestimate
// durations and costs, as uplifts by reference class, or the word `default` for pipesim's own.

#include <map>
#include <optional>

#include "io/quantity_reader.hpp"

namespace pipesim::io {

class UpliftReader : public PartReader {
  public:
    UpliftReader(YamlFile& file, Draft& draft, QuantityReader& quantities)
        : PartReader(file, draft), quantities_(quantities) {}

    void read(const YAML::Node& node);

  private:
    std::optional<Uplift> read_uplift(const YAML::Node& node);

    QuantityReader& quantities_;
    std::map<Category, int> category_lines_;  // category -> line of its uplift
};

}  // namespace pipesim::io
