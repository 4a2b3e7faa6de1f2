#include "stats/drivers.hpp"

namespace pipesim {

std::optional<double> p_points(const RiskImpact& impact) {
    if (!impact.p_with || !impact.p_without) return std::nullopt;
    return *impact.p_without - *impact.p_with;
}

std::optional<int> p80_days(const RiskImpact& impact) {
    if (!impact.p80_with || !impact.p80_without) return std::nullopt;
    return *impact.p80_with - *impact.p80_without;
}

}  // namespace pipesim
