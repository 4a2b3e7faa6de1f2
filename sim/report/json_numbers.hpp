#pragma once
// How the JSON files pipesim writes (results.json, sweep.json) give numbers and dates:
// rounded so that a file reads well and diffs stay quiet (far below the Monte Carlo
// error), and null for what is not known.

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/date.hpp"

namespace pipesim {

inline double json_rounded(double value, double scale) {
    return std::round(value * scale) / scale;
}
// A probability or its standard error: six decimals.
inline double json_probability(double p) {
    return json_rounded(p, 1e6);
}
// Days: three decimals.
inline double json_days(double d) {
    return json_rounded(d, 1e3);
}
inline nlohmann::ordered_json json_probability_or_null(const std::optional<double>& p) {
    return p ? nlohmann::ordered_json(json_probability(*p)) : nlohmann::ordered_json();
}
inline nlohmann::ordered_json json_date_or_null(const std::optional<Date>& date) {
    return date ? nlohmann::ordered_json(date->iso()) : nlohmann::ordered_json();
}

}  // namespace pipesim
