#pragma once
// Text helpers the input and output layers share: UTF-8 checks, "did you mean"
// suggestions, numbers as written, and terminal column widths for Chinese names.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pipesim {

// Byte offset of the first malformed UTF-8 sequence, or nullopt if the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) {
    return !find_invalid_utf8(text);
}

// Levenshtein distance, for suggesting the key or id a typo was meant to be.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` if it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

// Shortest text that reads back as the same double, so a planner sees the number they wrote.
std::string number_text(double value);
// `value` rounded to `decimals` places (0 to 17) in plain notation, as printf's "%.*f" writes
// it, with every digit however large the number (a cost of 1e200 is written in full, never
// cut short); "inf", "-inf" or "nan" for those.
std::string fixed_text(double value, int decimals);

// Columns the text takes on a terminal: East Asian wide characters take two.
std::size_t display_width(std::string_view utf8);

}  // namespace pipesim
