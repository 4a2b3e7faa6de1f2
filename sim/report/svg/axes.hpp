#pragma once
// The frame every chart shares: the plot area, gridlines with labelled ticks along a date
// or a value axis, and the room a label needs.

#include <string_view>

#include "report/svg/date_scale.hpp"
#include "report/svg/document.hpp"
#include "report/svg/linear_scale.hpp"

namespace pipesim::svg {

// The rectangle data is drawn in; the margins around it hold labels.
struct Plot {
    double left, top, right, bottom;
    double width() const { return right - left; }
    double height() const { return bottom - top; }
};

// Vertical gridlines at the scale's ticks over the plot, labelled under it; about one
// tick per `spacing` pixels.
void draw_date_axis(Document& svg, const DateScale& scale, const Plot& plot, double spacing);
// Horizontal gridlines at round values over the plot, labelled to its left with `suffix`
// ("%") after each number.
void draw_value_axis(Document& svg, const LinearScale& scale, const Plot& plot, int count,
                     std::string_view suffix = {});
// Vertical gridlines at round values over the plot, labelled under it: a value axis
// running across (bars, a swept number).
void draw_value_axis_below(Document& svg, const LinearScale& scale, const Plot& plot, int count);

// Pixels the text takes at `font_size`: a Chinese character about a square, a Latin one
// a little over half. For laying out label columns, so long names are not cut off.
double text_width(std::string_view text, double font_size);

// Font sizes the page's stylesheet gives chart text (.chart text, .chart .tick).
inline constexpr double label_font = 12;
inline constexpr double tick_font = 10;

}  // namespace pipesim::svg
