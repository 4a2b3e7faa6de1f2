#include "sweep/sweep_spec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace pipesim {
namespace {

[[noreturn]] void refuse(std::string_view argument, const std::string& reason) {
    throw InputError({}, "--vary " + std::string(argument), reason);
}

std::optional<double> number(std::string_view text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// The value to 12 significant digits, as a planner would write it: 0.6, not the
// 0.6000000000000001 that 0.8 x 3 / 4 comes to.
double as_written(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", value);
    return std::strtod(text, nullptr);
}

std::vector<double> range(std::string_view argument, std::string_view spec) {
    const auto parts = split(spec, ':');
    if (parts.size() != 3) refuse(argument, "a range is from:to:count, e.g. 0.5:1.5:11");
    const auto from = number(parts[0]), to = number(parts[1]), count = number(parts[2]);
    if (!from || !to) refuse(argument, "the ends of a range must be finite numbers");
    // Beyond this the steps between the ends are not numbers either.
    if (!std::isfinite(*to - *from))
        refuse(argument, "the ends of a range are too far apart to step between");
    if (!count || *count != std::floor(*count) || *count < 2 ||
        *count > static_cast<double>(max_vary_values))
        refuse(argument, "the count of a range must be a whole number from 2 to " +
                             std::to_string(max_vary_values));
    const auto n = static_cast<std::size_t>(*count);
    std::vector<double> values;
    for (std::size_t i = 0; i < n; ++i)
        values.push_back(i + 1 == n ? *to
                                    : as_written(*from + (*to - *from) * static_cast<double>(i) /
                                                             static_cast<double>(n - 1)));
    return values;
}

std::vector<double> list(std::string_view argument, std::string_view spec) {
    if (static_cast<std::size_t>(std::count(spec.begin(), spec.end(), ',')) >= max_vary_values)
        refuse(argument, "a list may give at most " + std::to_string(max_vary_values) + " values");
    std::vector<double> values;
    for (std::string_view part : split(spec, ',')) {
        const auto value = number(part);
        if (!value) {
            // Built by appending: GCC 12 misreads "'" + std::string(...) (-Wrestrict).
            std::string reason(1, '\'');
            reason.append(part).append("' is not a finite number (a list is 0.1,0.2,0.4)");
            refuse(argument, reason);
        }
        values.push_back(*value);
    }
    return values;
}

}  // namespace

Vary parse_vary(std::string_view argument) {
    const std::size_t equals = argument.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == argument.size())
        refuse(argument, "expected PATH=VALUES, e.g. risks.flood.probability=0.1,0.2,0.4");
    const std::string_view spec = argument.substr(equals + 1);
    return {std::string(argument.substr(0, equals)), spec.find(':') != std::string_view::npos
                                                         ? range(argument, spec)
                                                         : list(argument, spec)};
}

std::vector<SweepPoint> grid_points(const std::vector<Vary>& varies) {
    std::vector<SweepPoint> points{SweepPoint{}};
    std::size_t total = 1;
    for (const Vary& vary : varies) {
        total *= vary.values.size();
        if (total > max_sweep_points)
            throw InputError({}, "--vary",
                             "the grid has more than " + std::to_string(max_sweep_points) +
                                 " points; vary fewer values or use --one-at-a-time");
    }
    std::vector<std::size_t> at(varies.size(), 0);
    for (std::size_t p = 0; p < total; ++p) {
        SweepPoint point;
        for (std::size_t v = 0; v < varies.size(); ++v)
            point.overrides.push_back(vary_override(varies[v].path, varies[v].values[at[v]]));
        points.push_back(std::move(point));
        for (std::size_t v = varies.size(); v-- > 0;) {
            if (++at[v] < varies[v].values.size()) break;
            at[v] = 0;
        }
    }
    return points;
}

std::vector<SweepPoint> one_at_a_time_points(const std::vector<Vary>& varies) {
    std::size_t total = 0;
    for (const Vary& vary : varies) total += vary.values.size();
    if (total > max_sweep_points)
        throw InputError(
            {}, "--vary",
            "more than " + std::to_string(max_sweep_points) + " points; vary fewer values");
    std::vector<SweepPoint> points{SweepPoint{}};
    for (const Vary& vary : varies)
        for (double value : vary.values) points.push_back({{vary_override(vary.path, value)}});
    return points;
}

}  // namespace pipesim
