#pragma once
// The distribution of a non-negative quantity (an amount of money, a count) over many
// iterations, in memory that does not grow with them: equal bins over [0, upper], each
// keeping its count and the smallest and largest value that fell in it. A quantile is read
// by rank inside its bin between those two, so it is exact whenever a bin holds a single
// distinct value (every count, every deterministic amount) and off by less than a bin's
// width otherwise. Counts, minima and maxima merge exactly in any order.

#include <cstdint>
#include <vector>

namespace pipesim {

class ValueHistogram {
  public:
    // Whole numbers up to `upper` get a bin each when they fit in `max_bins`.
    ValueHistogram(double upper, bool whole, std::size_t max_bins);

    void add(double value);
    void merge(const ValueHistogram& other);

    // The value of rank ceil(p * total) (at least 1) among the values added.
    double quantile(double p, std::uint64_t total) const;

    bool operator==(const ValueHistogram&) const = default;

  private:
    friend struct TallyBytes;
    double width_;
    std::vector<std::uint32_t> counts_;
    std::vector<double> smallest_;
    std::vector<double> largest_;
};

}  // namespace pipesim
