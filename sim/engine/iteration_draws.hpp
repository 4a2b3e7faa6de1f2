#pragma once
// What is drawn once per iteration rather than per activity: whether each risk occurs and
// what it does (one draw serves every activity it hits), and each project's optimism-bias
// factor on its durations.

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/quantile_function.hpp"
#include "graph/network.hpp"

namespace pipesim {

// A block's draws, one row (lanes wide) per risk part and per uplifted project.
struct BlockDraws {
    BlockDraws(const Network& network, std::size_t lanes);
    std::size_t lanes;
    std::vector<double> uniforms;         // one row
    std::vector<double> risk_occurs;      // per risk: 1 when it occurs, else 0
    std::vector<double> risk_delay;       // per risk: days added (0 without a delay)
    std::vector<double> risk_multiplier;  // per risk: factor (1 without a multiplier)
    std::vector<double> duration_factor;  // per project: 1 + uplift (1 without one)
    std::vector<double> correlated;       // per correlated variable (Network::correlated_row)
    std::vector<double> normals;          // one row per member of the largest correlated set
};

// A random variable drawn for a block: its inverse CDF and its stream.
struct BlockVariable {
    BlockVariable(const SampledQuantity& quantity, const Network& network,
                  BetaQuantileTables& tables);
    // Fills out[0, count) for iterations first_iteration + lane: from the variable's own
    // stream, or from the block's correlated uniforms when it has a row there.
    void draw(const Sampling& sampling, std::uint64_t first_iteration, std::size_t count,
              std::vector<double>& uniforms, const BlockDraws& draws, double* out) const;
    // The uniforms behind those draws: the block's correlated row, or `uniforms` filled
    // from the variable's own stream. Not for a fixed variable.
    const double* uniforms_of(const Sampling& sampling, std::uint64_t first_iteration,
                              std::size_t count, std::vector<double>& uniforms,
                              const BlockDraws& draws) const;

    QuantileFunction quantile;
    std::uint64_t variable;
    StreamPurpose purpose;
    bool fixed;                   // a single possible value: no random numbers needed
    std::int32_t correlated_row;  // -1: drawn on its own
};

class IterationDraws {
  public:
    IterationDraws(const Network& network, BetaQuantileTables& tables);
    void draw(const Sampling& sampling, std::uint64_t first_iteration, std::size_t count,
              BlockDraws& block) const;

  private:
    void draw_correlated(const Sampling& sampling, std::uint64_t first_iteration, std::size_t count,
                         BlockDraws& block) const;

    struct RiskVariables {
        std::uint64_t stream;
        std::int32_t correlated_row;
        double probability;
        std::optional<BlockVariable> delay;
        std::optional<BlockVariable> multiplier;
    };
    const Network& network_;
    std::vector<RiskVariables> risks_;
    std::vector<std::optional<BlockVariable>> duration_uplifts_;  // per project
};

}  // namespace pipesim
