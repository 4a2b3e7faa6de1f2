#include "engine/iteration_draws.hpp"

#include <algorithm>

namespace pipesim {

BlockDraws::BlockDraws(const Network& network, std::size_t lanes)
    : lanes(lanes),
      uniforms(lanes),
      risk_occurs(network.risks.size() * lanes),
      risk_delay(network.risks.size() * lanes),
      risk_multiplier(network.risks.size() * lanes),
      duration_factor(network.projects.size() * lanes) {
    std::size_t members = 0, largest = 0;
    for (const CorrelatedSet& set : network.correlated) {
        members += set.members.size();
        largest = std::max(largest, set.members.size());
    }
    correlated.resize(members * lanes);
    normals.resize(largest * lanes);
}

BlockVariable::BlockVariable(const SampledQuantity& quantity, const Network& network,
                             BetaQuantileTables& tables)
    : quantile(quantity.distribution, tables),
      variable(quantity.variable),
      purpose(quantity.purpose),
      fixed(std::holds_alternative<FixedDistribution>(quantity.distribution)),
      correlated_row(network.correlated_row(quantity.variable, quantity.purpose)) {}

void BlockVariable::draw(const Sampling& sampling, std::uint64_t first_iteration, std::size_t count,
                         std::vector<double>& uniforms, const BlockDraws& draws,
                         double* out) const {
    if (fixed) {
        std::fill(out, out + count, quantile(0.5));
        return;
    }
    quantile.evaluate({uniforms_of(sampling, first_iteration, count, uniforms, draws), count},
                      {out, count});
}

const double* BlockVariable::uniforms_of(const Sampling& sampling, std::uint64_t first_iteration,
                                         std::size_t count, std::vector<double>& uniforms,
                                         const BlockDraws& draws) const {
    if (correlated_row >= 0)
        return draws.correlated.data() + static_cast<std::size_t>(correlated_row) * draws.lanes;
    sampling.fill(variable, purpose, first_iteration, count, uniforms.data());
    return uniforms.data();
}

// Each member's own uniform becomes a standard normal score; the set's scores are mixed
// by the factor and mapped back to uniforms, kept strictly inside (0, 1).
void IterationDraws::draw_correlated(const Sampling& sampling, std::uint64_t first_iteration,
                                     std::size_t count, BlockDraws& block) const {
    constexpr double tiny = 0x1p-53;
    const std::size_t lanes = block.lanes;
    double* out = block.correlated.data();
    for (const CorrelatedSet& set : network_.correlated) {
        const std::size_t k = set.members.size();
        for (std::size_t j = 0; j < k; ++j) {
            double* z = block.normals.data() + j * lanes;
            sampling.fill(set.members[j].variable, set.members[j].purpose, first_iteration, count,
                          z);
            for (std::size_t i = 0; i < count; ++i) z[i] = standard_normal_quantile(z[i]);
        }
        for (std::size_t row = 0; row < k; ++row) {
            double* u = out + row * lanes;
            for (std::size_t i = 0; i < count; ++i) {
                double x = 0.0;
                for (std::size_t j = 0; j < k; ++j)
                    x += set.factor[row * k + j] * block.normals[j * lanes + i];
                u[i] = std::clamp(standard_normal_cdf(x), tiny, 1.0 - tiny);
            }
        }
        out += k * lanes;
    }
}

IterationDraws::IterationDraws(const Network& network, BetaQuantileTables& tables)
    : network_(network) {
    for (const NetworkRisk& risk : network.risks) {
        RiskVariables variables{risk.stream,
                                network.correlated_row(risk.stream, StreamPurpose::risk_occurrence),
                                risk.probability,
                                {},
                                {}};
        if (risk.delay)
            variables.delay.emplace(
                SampledQuantity{*risk.delay, risk.stream, StreamPurpose::risk_delay}, network,
                tables);
        if (risk.multiplier)
            variables.multiplier.emplace(
                SampledQuantity{*risk.multiplier, risk.stream, StreamPurpose::risk_multiplier},
                network, tables);
        risks_.push_back(std::move(variables));
    }
    for (const NetworkProject& project : network.projects) {
        duration_uplifts_.emplace_back();
        if (project.duration_uplift)
            duration_uplifts_.back().emplace(*project.duration_uplift, network, tables);
    }
}

void IterationDraws::draw(const Sampling& sampling, std::uint64_t first_iteration,
                          std::size_t count, BlockDraws& block) const {
    const std::size_t lanes = block.lanes;
    draw_correlated(sampling, first_iteration, count, block);
    for (std::size_t r = 0; r < risks_.size(); ++r) {
        const RiskVariables& risk = risks_[r];
        double* occurs = block.risk_occurs.data() + r * lanes;
        const double* u = block.uniforms.data();
        if (risk.correlated_row >= 0)
            u = block.correlated.data() + static_cast<std::size_t>(risk.correlated_row) * lanes;
        else
            sampling.fill(risk.stream, StreamPurpose::risk_occurrence, first_iteration, count,
                          block.uniforms.data());
        for (std::size_t i = 0; i < count; ++i) occurs[i] = u[i] < risk.probability ? 1.0 : 0.0;
        double* delay = block.risk_delay.data() + r * lanes;
        double* multiplier = block.risk_multiplier.data() + r * lanes;
        if (risk.delay)
            risk.delay->draw(sampling, first_iteration, count, block.uniforms, block, delay);
        else
            std::fill(delay, delay + count, 0.0);
        if (risk.multiplier)
            risk.multiplier->draw(sampling, first_iteration, count, block.uniforms, block,
                                  multiplier);
        else
            std::fill(multiplier, multiplier + count, 1.0);
    }
    for (std::size_t p = 0; p < duration_uplifts_.size(); ++p) {
        double* factor = block.duration_factor.data() + p * lanes;
        if (!duration_uplifts_[p]) continue;
        duration_uplifts_[p]->draw(sampling, first_iteration, count, block.uniforms, block, factor);
        for (std::size_t i = 0; i < count; ++i) factor[i] += 1.0;
    }
}

}  // namespace pipesim
