#pragma once
// One chart as inline SVG text for an HTML page. Every chart says what it shows to a
// screen reader (role="img", an aria-label, <title> and <desc>), and every piece of text
// is escaped, so names with <, & or quotes draw exactly as written. Shapes carry CSS
// classes; the page's stylesheet gives them colour.

#include <span>
#include <string>
#include <string_view>

namespace pipesim::svg {

struct Point {
    double x;
    double y;
};

enum class Anchor { start, middle, end };

class Document {
  public:
    Document(double width, double height, std::string_view title, std::string_view description);

    // `style` names CSS classes ("" for none); `hint` is shown on hover (a nested <title>).
    void line(Point from, Point to, std::string_view style);
    void rect(Point corner, double width, double height, std::string_view style,
              std::string_view hint = {});
    void polyline(std::span<const Point> points, std::string_view style);
    void polygon(std::span<const Point> points, std::string_view style);
    void text(Point at, std::string_view text, Anchor anchor, std::string_view style);

    double width() const { return width_; }
    double height() const { return height_; }
    // The finished <svg> element.
    std::string str() const { return markup_ + "</svg>"; }

  private:
    void points_element(const char* element, std::span<const Point> points, std::string_view style);
    double width_;
    double height_;
    std::string markup_;
};

// A coordinate to a tenth of a pixel, without a trailing ".0": short, and the same text
// on every machine.
std::string coordinate(double value);

}  // namespace pipesim::svg
