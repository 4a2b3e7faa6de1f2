#include "engine/iteration_draws.hpp"

#include <algorithm>

namespace pipesim {

BlockDraws::BlockDraws(const Network& network, std::size_t lanes)
    : lanes(lanes),
      uniforms(lanes),
      risk_occurs(network.risks.size() * lanes),
      risk_delay(network.risks.size() * lanes),
      risk_multiplier(network.risks.size() * lanes),
      duration_factor(network.projects.size() * lanes) {}

BlockVariable::BlockVariable(const SampledQuantity& quantity, BetaQuantileTables& tables)
    : quantile(quantity.distribution, tables),
      variable(quantity.variable),
      purpose(quantity.purpose),
      fixed(std::holds_alternative<FixedDistribution>(quantity.distribution)) {}

void BlockVariable::draw(std::uint64_t seed, std::uint64_t first_iteration, std::size_t count,
                         std::vector<double>& uniforms, double* out) const {
    if (fixed) {
        std::fill(out, out + count, quantile(0.5));
        return;
    }
    const RandomStream stream{seed, variable, purpose};
    for (std::size_t lane = 0; lane < count; ++lane)
        uniforms[lane] = stream.uniform(static_cast<std::uint32_t>(first_iteration + lane));
    quantile.evaluate({uniforms.data(), count}, {out, count});
}

IterationDraws::IterationDraws(const Network& network, BetaQuantileTables& tables)
    : network_(network) {
    for (const NetworkRisk& risk : network.risks) {
        RiskVariables variables{risk.stream, risk.probability, {}, {}};
        if (risk.delay)
            variables.delay.emplace(
                SampledQuantity{*risk.delay, risk.stream, StreamPurpose::risk_delay}, tables);
        if (risk.multiplier)
            variables.multiplier.emplace(
                SampledQuantity{*risk.multiplier, risk.stream, StreamPurpose::risk_multiplier},
                tables);
        risks_.push_back(std::move(variables));
    }
    for (const NetworkProject& project : network.projects) {
        duration_uplifts_.emplace_back();
        if (project.duration_uplift)
            duration_uplifts_.back().emplace(*project.duration_uplift, tables);
    }
}

void IterationDraws::draw(std::uint64_t seed, std::uint64_t first_iteration, std::size_t count,
                          BlockDraws& block) const {
    const std::size_t lanes = block.lanes;
    for (std::size_t r = 0; r < risks_.size(); ++r) {
        const RiskVariables& risk = risks_[r];
        double* occurs = block.risk_occurs.data() + r * lanes;
        const RandomStream stream{seed, risk.stream, StreamPurpose::risk_occurrence};
        for (std::size_t i = 0; i < count; ++i)
            occurs[i] =
                stream.uniform(static_cast<std::uint32_t>(first_iteration + i)) < risk.probability
                    ? 1.0
                    : 0.0;
        double* delay = block.risk_delay.data() + r * lanes;
        double* multiplier = block.risk_multiplier.data() + r * lanes;
        if (risk.delay)
            risk.delay->draw(seed, first_iteration, count, block.uniforms, delay);
        else
            std::fill(delay, delay + count, 0.0);
        if (risk.multiplier)
            risk.multiplier->draw(seed, first_iteration, count, block.uniforms, multiplier);
        else
            std::fill(multiplier, multiplier + count, 1.0);
    }
    for (std::size_t p = 0; p < duration_uplifts_.size(); ++p) {
        double* factor = block.duration_factor.data() + p * lanes;
        if (!duration_uplifts_[p]) continue;
        duration_uplifts_[p]->draw(seed, first_iteration, count, block.uniforms, factor);
        for (std::size_t i = 0; i < count; ++i) factor[i] += 1.0;
    }
}

}  // namespace pipesim
