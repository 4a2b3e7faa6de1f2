#include "report/svg/linear_scale.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"

namespace pipesim::svg {
namespace {

// How far a computed tick may miss a multiple of its step by rounding.
constexpr double step_tolerance = 1e-9;

}  // namespace

double nice_step(double span, int count) {
    if (!(span > 0) || count < 1) return 1.0;
    const double raw = span / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double residual = raw / magnitude;
    const double factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
    return factor * magnitude;
}

LinearScale::LinearScale(double low, double high, double from, double to)
    : low_(low), high_(high), from_(from), to_(to) {
    if (!(high_ > low_)) {
        const double half = std::max(1.0, std::fabs(low_) * 0.1);
        low_ -= half;
        high_ += half;
    }
}

LinearScale LinearScale::nice(double low, double high, double from, double to, int count) {
    const LinearScale plain(low, high, from, to);
    const double step = nice_step(plain.high_ - plain.low_, count);
    return LinearScale(std::floor(plain.low_ / step + step_tolerance) * step,
                       std::ceil(plain.high_ / step - step_tolerance) * step, from, to);
}

double LinearScale::operator()(double value) const {
    return from_ + (value - low_) / (high_ - low_) * (to_ - from_);
}

std::vector<double> LinearScale::ticks(int count) const {
    const double step = nice_step(high_ - low_, count);
    std::vector<double> ticks;
    const auto first = static_cast<long long>(std::ceil(low_ / step - step_tolerance));
    const auto last = static_cast<long long>(std::floor(high_ / step + step_tolerance));
    // A multiple of the step, not a running sum, so 0.1 * 3 prints as 0.3.
    for (long long k = first; k <= last; ++k) ticks.push_back(static_cast<double>(k) * step + 0.0);
    return ticks;
}

std::string tick_label(double value, double step) {
    const int decimals =
        std::max(0, static_cast<int>(-std::floor(std::log10(step) + step_tolerance)));
    return fixed_text(value + 0.0, decimals);
}

}  // namespace pipesim::svg
