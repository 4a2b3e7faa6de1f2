#pragma once
// Text placed in HTML or SVG: names come from planners' files and may hold <, & or
// quotes, so every piece of text and every attribute value goes through here.

#include <string>
#include <string_view>

namespace pipesim {

// The text with &, <, >, " and ' replaced by character references; UTF-8 (Chinese names)
// passes through unchanged.
std::string markup_escaped(std::string_view text);

}  // namespace pipesim
