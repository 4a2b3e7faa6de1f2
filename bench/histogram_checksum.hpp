#pragma once
// The checksum pipesim_throughput and its baselines print for the last milestone: the mean
// and spread of its finish days, read from its histogram (day d counts finishes in
// (d, d + 1]). Each program draws its own random numbers, so the checksums of one graph
// agree within Monte Carlo error, not to the digit.

#include <cmath>
#include <cstddef>
#include <cstdio>

namespace pipesim::bench {

template <typename DayCounts>
void print_histogram_checksum(const DayCounts& counts) {
    double n = 0, sum = 0, squares = 0;
    for (std::size_t day = 0; day < counts.size(); ++day) {
        const double c = counts[day], d = static_cast<double>(day);
        n += c;
        sum += c * d;
        squares += c * d * d;
    }
    const double mean = sum / n;
    const double sd = std::sqrt((squares - n * mean * mean) / (n - 1));
    std::printf("checksum: last milestone's finish day mean %.3f sd %.3f (standard error %.3f)\n",
                mean, sd, sd / std::sqrt(n));
}

}  // namespace pipesim::bench
