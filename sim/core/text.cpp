#include "core/text.hpp"

#include <array>
#include <charconv>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace pipesim {
namespace {

// Decodes one code point at text[i], advancing i; returns -1 for malformed input.
std::int32_t decode_utf8(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i++]);
    if (lead < 0x80) return lead;
    int continuation = 0;
    std::int32_t code = 0;
    std::int32_t smallest = 0;
    if ((lead & 0xE0) == 0xC0) {
        continuation = 1, code = lead & 0x1F, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        continuation = 2, code = lead & 0x0F, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        continuation = 3, code = lead & 0x07, smallest = 0x10000;
    } else {
        return -1;
    }
    for (int k = 0; k < continuation; ++k) {
        if (i >= text.size()) return -1;
        const auto byte = static_cast<unsigned char>(text[i++]);
        if ((byte & 0xC0) != 0x80) return -1;
        code = (code << 6) | (byte & 0x3F);
    }
    // Overlong forms, surrogates and values past Unicode's range are not valid UTF-8.
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return -1;
    return code;
}

bool is_wide(std::int32_t code) {
    return (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
           (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
           (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
           (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x20000 && code <= 0x3FFFD);
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        if (decode_utf8(text, i) < 0) return start;
    }
    return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_match(std::string_view word, std::span<const std::string_view> candidates) {
    // A typo changes a few characters; beyond half of the word it is another word.
    const std::size_t tolerance = std::max<std::size_t>(2, word.size() / 2);
    std::string_view best;
    std::size_t best_distance = tolerance + 1;
    for (auto candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) best = candidate, best_distance = distance;
    }
    return std::string(best);
}

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::int32_t code = decode_utf8(utf8, i);
        width += (code >= 0 && is_wide(code)) ? 2 : 1;
    }
    return width;
}

std::string number_text(double value) {
    std::array<char, 32> buffer{};
    auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string fixed_text(double value, int decimals) {
    // The largest double has 309 digits before the point; then a sign, the point and the
    // decimals.
    constexpr int most_decimals = 17;
    std::array<char, std::numeric_limits<double>::max_exponent10 + 3 + most_decimals> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed,
                      std::clamp(decimals, 0, most_decimals));
    return std::string(buffer.data(), result.ptr);
}

}  // namespace pipesim
