#pragma once
// A probability over a grid of two swept values: a cell per combination, darker where the
// chance is higher, with the percentage printed in every cell so colour is never the only
// way to read it. Columns run left to right and rows bottom to top in the order given
// (increasing values read like a graph's axes); a key maps shades to percentages.

#include <optional>
#include <string>
#include <vector>

namespace pipesim::svg {

struct HeatCell {
    std::optional<double> probability;  // nullopt: no point at this combination
    std::string hint;                   // shown on hover
};

struct HeatMap {
    std::string title;
    std::string description;  // for screen readers
    std::string x_axis, y_axis;
    std::vector<std::string> columns;  // the x values, as labelled
    std::vector<std::string> rows;     // the y values, as labelled
    std::vector<HeatCell> cells;       // row by row from the first row: rows × columns
};

// The shades the stylesheet has: heat-0 (0 to 10%) to heat-9 (90% to 100%).
inline constexpr int heat_shades = 10;

std::string heat_map(const HeatMap& map);

}  // namespace pipesim::svg
