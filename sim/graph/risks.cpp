#include "graph/risks.hpp"

#include <algorithm>
#include <limits>

namespace pipesim {
namespace {

// Whether the risk hits a project's node: listed by id, or in a selected project.
bool hits(const Risk& risk, const NetworkNode& node, const NetworkProject& project) {
    if (project.funnel) return false;
    if (std::find(risk.activities.begin(), risk.activities.end(), node.id) != risk.activities.end())
        return true;
    return risk.of && risk.of->matches(project.id, false, project.category, project.tags);
}

double time_of(const Scenario& scenario, const std::optional<Date>& date, double open) {
    return date ? static_cast<double>(*date - scenario.plan.start) : open;
}

}  // namespace

RiskEffect effect_in_run(const Risk& risk, bool mitigated) {
    if (!mitigated || !risk.mitigation) return risk.effect;
    const RiskEffect& after = risk.mitigation->effect;
    return {after.delay ? after.delay : risk.effect.delay,
            after.multiplier ? after.multiplier : risk.effect.multiplier,
            after.cost ? after.cost : risk.effect.cost};
}

double probability_in_run(const Risk& risk, bool mitigated) {
    return mitigated && risk.mitigation ? risk.mitigation->probability : risk.probability;
}

void compile_risks(const Scenario& scenario, bool mitigated, Network& network) {
    constexpr double open = std::numeric_limits<double>::infinity();
    for (const Risk& risk : scenario.risks) {
        const RiskEffect effect = effect_in_run(risk, mitigated);
        // A window is open from the start of its first day to the end of its last.
        network.risks.push_back(
            {risk.id, risk.name, variable_hash(risk.id), probability_in_run(risk, mitigated),
             effect.delay, effect.multiplier, effect.cost,
             time_of(scenario, risk.window_from, -open),
             risk.window_to ? time_of(scenario, risk.window_to, open) + 1.0 : open});
    }
    network.hit_begin.assign(1, 0);
    for (const NetworkNode& node : network.nodes) {
        for (std::uint32_t r = 0; r < scenario.risks.size(); ++r)
            if (hits(scenario.risks[r], node, network.projects[node.project]))
                network.hits.push_back(r);
        network.hit_begin.push_back(static_cast<std::uint32_t>(network.hits.size()));
    }
}

}  // namespace pipesim
