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

std::uint64_t outcome_bytes(std::uint64_t promises, std::uint64_t iterations) {
    return promises * ((iterations + 63) / 64) * sizeof(std::uint64_t);
}

std::uint64_t physical_memory_bytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page_size = ::sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || page_size <= 0) return UINT64_MAX;  // unknown: do not refuse
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
}

void require_memory(const MemoryNeed& need, std::uint64_t available) {
    const std::uint64_t total = need.histograms + need.outcomes;
    if (total <= available) return;
    std::string parts = gibibytes(need.histograms) +
                        " for its day histograms (activities and milestones x horizon days x "
                        "worker threads)";
    std::string remedies = "use fewer --threads, a shorter horizon or a smaller plan";
    if (need.outcomes > 0) {
        parts += " and " + gibibytes(need.outcomes) +
                 " for whether each iteration met each promise (promises x iterations, kept "
                 "to compare runs iteration by iteration)";
        remedies = "use fewer --iterations, fewer --threads, a shorter horizon or a smaller plan";
    }
    throw InputError({}, "",
                     "the run needs about " + gibibytes(total) + ": " + parts +
                         ", and this machine has " + gibibytes(available) + ": " + remedies);
}

}  // namespace pipesim
