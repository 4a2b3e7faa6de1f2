#include "report/svg/heat_map.hpp"

#include <algorithm>
#include <cmath>

#include "report/figures.hpp"
#include "report/svg/axes.hpp"

namespace pipesim::svg {
namespace {

constexpr double cell_height = 24;
constexpr double min_cell_width = 50;
constexpr double top_room = 52;     // the key, then the y axis's name
constexpr double bottom_room = 36;  // column labels and the x axis's name
// From this shade on, a cell's number is printed white to stay readable.
constexpr int first_dark_shade = 6;

int shade_of(double probability) {
    return std::clamp(static_cast<int>(std::floor(probability * heat_shades)), 0, heat_shades - 1);
}

std::string shade_class(const std::optional<double>& probability) {
    return probability ? "heat-" + std::to_string(shade_of(*probability)) : "heat-none";
}

double widest(const std::vector<std::string>& labels, double font) {
    double width = 0;
    for (const auto& label : labels) width = std::max(width, text_width(label, font));
    return width;
}

void draw_key(Document& svg, double left) {
    constexpr double swatch = 22;
    for (int s = 0; s < heat_shades; ++s)
        svg.rect({left + s * swatch, 4}, swatch, 10, "heat-" + std::to_string(s),
                 std::to_string(10 * s) + "% to " + std::to_string(10 * (s + 1)) + '%');
    for (int s = 0; s <= heat_shades; s += heat_shades / 2)
        svg.text({left + s * swatch, 26}, std::to_string(10 * s) + '%', Anchor::middle, "tick");
}

}  // namespace

std::string heat_map(const HeatMap& map) {
    const double label_room = std::max(widest(map.rows, tick_font) + 10, 30.0) + 16;
    const double cell_width = std::max(min_cell_width, widest(map.columns, tick_font) + 8);
    const double columns = static_cast<double>(std::max<std::size_t>(map.columns.size(), 1));
    const double rows = static_cast<double>(std::max<std::size_t>(map.rows.size(), 1));
    const Plot plot{label_room, top_room, label_room + columns * cell_width,
                    top_room + rows * cell_height};
    const double width =
        std::max({plot.right + 12, label_room + 240,
                  (plot.left + plot.right) / 2 + text_width(map.x_axis, tick_font) / 2 + 8,
                  text_width(map.y_axis, tick_font) + 24});
    Document svg(width, plot.bottom + bottom_room, map.title, map.description);
    draw_key(svg, plot.left);
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
        const double top = plot.bottom - static_cast<double>(r + 1) * cell_height;
        svg.text({plot.left - 6, top + cell_height / 2 + tick_font / 3}, map.rows[r], Anchor::end,
                 "tick");
        for (std::size_t c = 0; c < map.columns.size(); ++c) {
            const std::size_t at = r * map.columns.size() + c;
            if (at >= map.cells.size()) break;
            const HeatCell& cell = map.cells[at];
            const double left = plot.left + static_cast<double>(c) * cell_width;
            svg.rect({left, top}, cell_width, cell_height, shade_class(cell.probability),
                     cell.hint);
            const bool dark = cell.probability && shade_of(*cell.probability) >= first_dark_shade;
            svg.text({left + cell_width / 2, top + cell_height / 2 + 4},
                     cell.probability ? percent_text(*cell.probability) : "\u2013", Anchor::middle,
                     dark ? "cell on-dark" : "cell");
        }
    }
    for (std::size_t c = 0; c < map.columns.size(); ++c)
        svg.text(
            {plot.left + (static_cast<double>(c) + 0.5) * cell_width, plot.bottom + tick_font + 4},
            map.columns[c], Anchor::middle, "tick");
    svg.text({(plot.left + plot.right) / 2, plot.bottom + bottom_room - 6}, map.x_axis,
             Anchor::middle, "tick");
    // The y axis's name above its labels, where a long path has the width of the chart.
    svg.text({4, top_room - 8}, map.y_axis + " \u2191", Anchor::start, "tick");
    return svg.str();
}

}  // namespace pipesim::svg
