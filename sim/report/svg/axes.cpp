#include "report/svg/axes.hpp"

#include <algorithm>
#include <string>

#include "core/text.hpp"

namespace pipesim::svg {

void draw_date_axis(Document& svg, const DateScale& scale, const Plot& plot, double spacing) {
    const int count = std::max(2, static_cast<int>(plot.width() / spacing));
    for (const auto& tick : scale.ticks(count)) {
        const double x = scale.start_of(tick.day);
        svg.line({x, plot.top}, {x, plot.bottom}, "grid");
        svg.text({x, plot.bottom + tick_font + 4}, tick.label, Anchor::middle, "tick");
    }
    svg.line({plot.left, plot.bottom}, {plot.right, plot.bottom}, "axis");
}

void draw_value_axis(Document& svg, const LinearScale& scale, const Plot& plot, int count,
                     std::string_view suffix) {
    const double step = nice_step(scale.high() - scale.low(), count);
    for (double value : scale.ticks(count)) {
        const double y = scale(value);
        svg.line({plot.left, y}, {plot.right, y}, "grid");
        svg.text({plot.left - 4, y + tick_font / 3}, tick_label(value, step) + std::string(suffix),
                 Anchor::end, "tick");
    }
    svg.line({plot.left, plot.top}, {plot.left, plot.bottom}, "axis");
}

void draw_value_axis_below(Document& svg, const LinearScale& scale, const Plot& plot, int count) {
    const double step = nice_step(scale.high() - scale.low(), count);
    for (double value : scale.ticks(count)) {
        const double x = scale(value);
        svg.line({x, plot.top}, {x, plot.bottom}, "grid");
        svg.text({x, plot.bottom + tick_font + 4}, tick_label(value, step), Anchor::middle, "tick");
    }
}

double text_width(std::string_view text, double font_size) {
    // display_width counts a wide (CJK) character as two columns.
    return static_cast<double>(display_width(text)) * font_size * 0.55;
}

}  // namespace pipesim::svg
