#include "stats/drivers.hpp"

namespace pipesim {

std::optional<int> p80_days(const RiskImpact& impact) {
    if (!impact.p80_with || !impact.p80_without) return std::nullopt;
    return *impact.p80_with - *impact.p80_without;
}

}  // namespace pipesim
