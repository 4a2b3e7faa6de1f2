#include "report/svg/document.hpp"

#include <cmath>

#include "core/text.hpp"
#include "report/markup.hpp"

namespace pipesim::svg {
namespace {

std::string class_attribute(std::string_view style) {
    return style.empty() ? "" : " class=\"" + markup_escaped(style) + "\"";
}

const char* anchor_name(Anchor anchor) {
    switch (anchor) {
        case Anchor::start:
            return "start";
        case Anchor::middle:
            return "middle";
        case Anchor::end:
            return "end";
    }
    return "start";
}

}  // namespace

std::string coordinate(double value) {
    const double tenths = std::round(value * 10.0);
    // Adding 0.0 turns -0 into 0.
    std::string written = fixed_text(tenths / 10.0 + 0.0, 1);
    if (written.ends_with(".0")) written.resize(written.size() - 2);
    return written == "-0" ? "0" : written;
}

Document::Document(double width, double height, std::string_view title,
                   std::string_view description)
    : width_(width), height_(height) {
    // No xmlns: inside HTML the parser places <svg> in the SVG namespace itself.
    markup_ = "<svg class=\"chart\" viewBox=\"0 0 " + coordinate(width) + ' ' + coordinate(height) +
              "\" width=\"" + coordinate(width) + "\" height=\"" + coordinate(height) +
              "\" role=\"img\" aria-label=\"" + markup_escaped(title) + "\"><title>" +
              markup_escaped(title) + "</title><desc>" + markup_escaped(description) + "</desc>";
}

void Document::line(Point from, Point to, std::string_view style) {
    markup_ += "<line x1=\"" + coordinate(from.x) + "\" y1=\"" + coordinate(from.y) + "\" x2=\"" +
               coordinate(to.x) + "\" y2=\"" + coordinate(to.y) + '"' + class_attribute(style) +
               "/>";
}

void Document::rect(Point corner, double width, double height, std::string_view style,
                    std::string_view hint) {
    // A negative extent draws nothing in SVG; callers may give corners in any order.
    if (width < 0) corner.x += width, width = -width;
    if (height < 0) corner.y += height, height = -height;
    markup_ += "<rect x=\"" + coordinate(corner.x) + "\" y=\"" + coordinate(corner.y) +
               "\" width=\"" + coordinate(width) + "\" height=\"" + coordinate(height) + '"' +
               class_attribute(style);
    markup_ += hint.empty() ? "/>" : "><title>" + markup_escaped(hint) + "</title></rect>";
}

void Document::points_element(const char* element, std::span<const Point> points,
                              std::string_view style) {
    markup_ += '<';
    markup_ += element;
    markup_ += " points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i) markup_ += ' ';
        markup_ += coordinate(points[i].x) + ',' + coordinate(points[i].y);
    }
    markup_ += '"' + class_attribute(style) + "/>";
}

void Document::polyline(std::span<const Point> points, std::string_view style) {
    points_element("polyline", points, style);
}

void Document::polygon(std::span<const Point> points, std::string_view style) {
    points_element("polygon", points, style);
}

void Document::text(Point at, std::string_view text, Anchor anchor, std::string_view style) {
    markup_ += "<text x=\"" + coordinate(at.x) + "\" y=\"" + coordinate(at.y) +
               "\" text-anchor=\"" + anchor_name(anchor) + '"' + class_attribute(style) + '>' +
               markup_escaped(text) + "</text>";
}

}  // namespace pipesim::svg
