#pragma once
// The top of a scenario file: its keys, the format version and `plan:`.

#include <optional>
#include <string_view>

#include "io/part_reader.hpp"

namespace pipesim::io {

class PlanReader : public PartReader {
  public:
    using PartReader::PartReader;

    // False when the file is not a mapping at all, so it has no parts to read.
    bool read(const YAML::Node& root);

  private:
    void read_version(const YAML::Node& root);
    void read_plan(const YAML::Node& root);
    std::optional<Date> read_date(const YAML::Node& plan, std::string_view key, bool needed);
};

}  // namespace pipesim::io
