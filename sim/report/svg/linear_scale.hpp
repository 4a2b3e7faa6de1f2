#pragma once
// A quantity (a count, an amount, a probability) onto a length on the page, with ticks at
// round numbers: 1, 2 or 5 times a power of ten.

#include <string>
#include <vector>

namespace pipesim::svg {

// The round step that cuts `span` into at most about `count` parts.
double nice_step(double span, int count);

class LinearScale {
  public:
    // [low, high] onto [from, to]; an empty domain is widened so it still maps.
    LinearScale(double low, double high, double from, double to);
    // [low, high] widened outwards to whole steps of nice_step, so the axis ends on a tick.
    static LinearScale nice(double low, double high, double from, double to, int count);

    double operator()(double value) const;
    double low() const { return low_; }
    double high() const { return high_; }
    // Multiples of nice_step(high - low, count) within the domain, in increasing order.
    std::vector<double> ticks(int count) const;

  private:
    double low_, high_, from_, to_;
};

// A tick's label with just enough decimals to tell steps of `step` apart.
std::string tick_label(double value, double step);

}  // namespace pipesim::svg
