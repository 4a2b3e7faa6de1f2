#include "report/figures.hpp"

#include <cmath>

#include "core/text.hpp"

namespace pipesim {
namespace {

// `value` to `decimals` places; what rounds to zero prints as "0", never "-0.00", which
// would read as a loss where there is none.
std::string fixed(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return fixed_text(std::round(value * scale) == 0 ? 0.0 : value, decimals);
}

}  // namespace

std::string percent_text(double probability) {
    // Rounding must not turn "almost never" into never, or "almost surely" into surely.
    if (probability > 0 && probability < 0.0005) return "<0.1%";
    if (probability < 1 && probability > 0.9995) return ">99.9%";
    return fixed(100.0 * probability, 1) + '%';
}

std::string amount_text(double amount) {
    const double size = std::fabs(amount);
    // Whole when the decimals would only show zeros.
    const bool whole = std::fabs(amount - std::round(amount)) < 0.005;
    const int decimals = whole || size >= 100 ? 0 : size >= 10 ? 1 : 2;
    return fixed(amount, decimals);
}

std::string index_text(double index) {
    return fixed(index, 2);
}

std::string points_text(double probability_difference) {
    return fixed(100.0 * probability_difference, 1) + " points";
}

std::string difference_text(double difference, double standard_error) {
    const std::string size = fixed(100.0 * std::fabs(difference), 1);
    // U+2212 MINUS SIGN, as in days_text; no sign where it rounds to zero.
    std::string text = size == "0.0" ? "" : difference > 0 ? "+" : "\u2212";
    return text.append(size)
        .append(" \u00b1 ")
        .append(fixed(100.0 * standard_error, 1))
        .append(" points");
}

std::string days_text(int days) {
    if (days == 0) return "0 d";
    // U+2212 MINUS SIGN: as wide as the plus sign, so columns of differences line up.
    return (days > 0 ? "+" : "\u2212") + std::to_string(std::abs(days)) + " d";
}

std::string date_text(const std::optional<Date>& date) {
    return date ? date->iso() : "after horizon";
}

}  // namespace pipesim
