#include "engine/memory_budget.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

#include "core/error.hpp"

namespace pipesim {
namespace {

std::string gibibytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / (1u << 30));
    return text;
}

}  // namespace

std::uint64_t histogram_bytes(std::uint64_t tallied_nodes, std::int32_t horizon_days,
                              unsigned workers) {
    const std::uint64_t copies = std::uint64_t{workers} + 2;
    return tallied_nodes * (static_cast<std::uint64_t>(horizon_days) + 1) * sizeof(std::uint32_t) *
           copies;
}

std::uint64_t physical_memory_bytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page_size = ::sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || page_size <= 0) return UINT64_MAX;  // unknown: do not refuse
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
}

void require_memory(std::uint64_t needed, std::uint64_t available) {
    if (needed <= available) return;
    throw InputError({}, "",
                     "the run needs about " + gibibytes(needed) +
                         " for its day histograms (activities and milestones x horizon days x "
                         "worker threads) and this machine has " +
                         gibibytes(available) +
                         ": use fewer --threads, a shorter horizon or a smaller plan");
}

}  // namespace pipesim
