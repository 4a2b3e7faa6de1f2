#include "io/plan_reader.hpp"

#include <array>
#include <cstdint>
#include <limits>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 9> top_keys{"pipesim",  "plan",         "assumptions",
                                                   "projects", "funnels",      "targets",
                                                   "risks",    "correlations", "optimism_bias"};
constexpr std::array<std::string_view, 7> plan_keys{"name",       "start", "status_date", "horizon",
                                                    "iterations", "seed",  "currency"};
constexpr WholeRange iteration_counts{1, 1'000'000'000, "from 1 to 1,000,000,000"};
constexpr WholeRange seeds{0, std::numeric_limits<std::uint64_t>::max(), "from 0 to 2^64 - 1"};

}  // namespace

bool PlanReader::read(const YAML::Node& root) {
    if (!expect_map(root, "", "the scenario")) return false;
    check_keys(root, top_keys, "");
    read_version(root);
    read_plan(root);
    return true;
}

void PlanReader::read_version(const YAML::Node& root) {
    const YAML::Node version = required(root, "pipesim", "");
    if (!version) return;
    if (!version.IsScalar() || version.Scalar() != "1")
        problem(version, "", "unsupported format version (this pipesim reads 'pipesim: 1')");
}

void PlanReader::read_plan(const YAML::Node& root) {
    const YAML::Node plan = required(root, "plan", "");
    if (!plan || !expect_map(plan, "plan", "'plan'")) return;
    check_keys(plan, plan_keys, "plan");
    PlanSettings& settings = draft_.scenario.plan;
    if (auto node = required(plan, "name", "plan"))
        if (auto name = text(node, "plan", "name")) settings.name = *name;
    const auto start = read_date(plan, "start", true);
    const auto horizon = read_date(plan, "horizon", true);
    const auto status = read_date(plan, "status_date", false);
    if (start) settings.start = *start;
    if (horizon) settings.horizon_end = *horizon;
    draft_.start_known = start.has_value();
    draft_.horizon_known = horizon.has_value();
    settings.status_date = status.value_or(settings.start);
    if (start && horizon && *horizon <= *start)
        problem(plan["horizon"], "plan", "the horizon must come after the plan start");
    if (start && status && *status < *start)
        problem(plan["status_date"], "plan", "the status date is before the plan start");
    if (horizon && status && *status > *horizon)
        problem(plan["status_date"], "plan", "the status date is after the horizon");
    if (auto node = plan["iterations"])
        if (auto iterations = whole_number(node, "plan", "iterations", iteration_counts))
            settings.iterations = *iterations;
    if (auto node = plan["seed"])
        if (auto seed = whole_number(node, "plan", "seed", seeds)) settings.seed = *seed;
    if (auto node = plan["currency"])
        if (auto currency = text(node, "plan", "currency")) settings.currency = *currency;
}

std::optional<Date> PlanReader::read_date(const YAML::Node& plan, std::string_view key,
                                          bool needed) {
    const YAML::Node node = needed ? required(plan, key, "plan") : plan[std::string(key)];
    if (!node) return std::nullopt;
    return date(node, "plan", key);
}

}  // namespace pipesim::io
