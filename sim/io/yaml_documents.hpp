#pragma once
// Every YAML document in a text, as YAML::LoadAll gives them, without its endless loop.
//
// yaml-cpp 0.7 (Debian 12) never returns from LoadAll when a document begins with a token
// no node can begin with, such as a ',' at the top level: it adds an empty document after
// another without reading on (fixed upstream in yaml-cpp 0.8, jbeder/yaml-cpp#1319).
// The text is first read as events alone, which reports such a token as an error at its
// place; only then are the documents built.

#include <yaml-cpp/yaml.h>

#include <string_view>
#include <vector>

namespace pipesim::io {

// Throws YAML::Exception (with the mark) for text that is not YAML.
std::vector<YAML::Node> load_documents(std::string_view text);

}  // namespace pipesim::io
