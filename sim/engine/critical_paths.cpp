#include "engine/critical_paths.hpp"

#include <cmath>
#include <limits>

#include "engine/simulation.hpp"

namespace pipesim {

static_assert(most_iterations <= std::numeric_limits<std::uint32_t>::max());

CriticalPaths::CriticalPaths(std::size_t milestones, std::size_t nodes, std::size_t lanes)
    : nodes_(nodes), counts_(milestones * nodes, 0), walkers_(lanes) {}

// The lanes take one step each in turn rather than one lane walking to the end: the steps
// of different lanes do not wait for each other's loads, so the memory system overlaps
// them instead of serving one long chain of dependent loads. A walker is its node and
// lane in one word, so each step reads and writes one value.
void CriticalPaths::walk_back(std::size_t k, NodeIndex milestone, const double* finish,
                              std::size_t count, const BlockSchedule& block) {
    const std::size_t lanes = block.lanes;
    const std::int32_t* drivers = block.drivers.data();
    std::uint32_t* counts = counts_.data() + k * nodes_;
    const auto walker = [](std::int32_t node, std::size_t lane) {
        return static_cast<std::uint64_t>(static_cast<std::uint32_t>(node)) << 32 | lane;
    };
    std::size_t walking = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::int32_t driver = drivers[milestone * lanes + i];
        walkers_[walking] = walker(driver, i);
        walking += std::isfinite(finish[i]) && driver != no_driver ? 1 : 0;
    }
    while (walking > 0) {
        std::size_t still = 0;
        for (std::size_t j = 0; j < walking; ++j) {
            const std::size_t node = walkers_[j] >> 32, lane = walkers_[j] & 0xFFFFFFFFu;
            ++counts[node];
            const std::int32_t driver = drivers[node * lanes + lane];
            walkers_[still] = walker(driver, lane);
            still += driver != no_driver ? 1 : 0;
        }
        walking = still;
    }
}

void CriticalPaths::merge(const CriticalPaths& other) {
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
}

}  // namespace pipesim
