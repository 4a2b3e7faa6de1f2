#pragma once
// A small XML element tree that keeps each element's line, read with expat: enough for an
// export such as MSPDI, where every value is an element's text.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace pipesim::import {

struct XmlElement {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;
    int line = 0;
    int column = 0;
    std::vector<XmlElement> children;

    const XmlElement* child(std::string_view child_name) const;
    // The text of a child, or nullopt when there is none.
    std::optional<std::string> text_of(std::string_view child_name) const;
};

// Throws InputError at the line and column where the text stops being well-formed XML.
XmlElement read_xml(std::string_view text, const std::string& file);

}  // namespace pipesim::import
