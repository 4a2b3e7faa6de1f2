#include "stats/driver_summary.hpp"

#include <algorithm>
#include <cmath>

namespace pipesim {
namespace {

// One subject (a milestone or a target) and what is known of its drivers.
struct Subject {
    std::size_t index;                        // among the sensitivity subjects
    const std::uint64_t* critical = nullptr;  // per node: iterations on its critical path
    std::uint64_t happened = 0;
    double sd_days = 0.0;
};

double ranking_weight(const ActivityDriver& driver) {
    if (driver.criticality) return std::abs(driver.cruciality.value_or(0.0));
    return std::abs(driver.sensitivity.value_or(0.0));
}

void rank(const Network& network, std::vector<ActivityDriver>& drivers,
          std::vector<NodeIndex>& nodes) {
    std::vector<std::size_t> order(drivers.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double wa = ranking_weight(drivers[a]), wb = ranking_weight(drivers[b]);
        if (wa != wb) return wa > wb;
        const double ca = drivers[a].criticality.value_or(0.0);
        const double cb = drivers[b].criticality.value_or(0.0);
        if (ca != cb) return ca > cb;
        return network.nodes[nodes[a]].declared < network.nodes[nodes[b]].declared;
    });
    std::vector<ActivityDriver> ranked;
    for (std::size_t i : order) ranked.push_back(std::move(drivers[i]));
    drivers = std::move(ranked);
}

class DriverSummary {
  public:
    DriverSummary(const Network& network, const SensitivityTallies& sensitivity)
        : network_(network),
          sensitivity_(sensitivity),
          input_of_node_(network.nodes.size(), not_listed) {
        for (std::size_t i = 0; i < sensitivity.inputs.size(); ++i)
            input_of_node_[sensitivity.inputs[i]] = static_cast<std::int32_t>(i);
    }

    Drivers drivers_of(const Subject& subject) const {
        std::vector<ActivityDriver> activities;
        std::vector<NodeIndex> nodes;
        for (NodeIndex n = 0; n < network_.nodes.size(); ++n) {
            if (network_.nodes[n].kind != ActivityKind::work) continue;
            ActivityDriver d = driver(subject, n, input_of_node_[n]);
            if (!listed(subject, d)) continue;
            activities.push_back(std::move(d));
            nodes.push_back(n);
        }
        rank(network_, activities, nodes);
        return {std::move(activities), {}};
    }

  private:
    // On a milestone's driving path at least once; for a target, a sensitivity that
    // independence would give less than once in 300 runs (three standard errors, 1/sqrt(n)
    // each).
    bool listed(const Subject& subject, const ActivityDriver& driver) const {
        if (subject.critical) return driver.criticality.value_or(0.0) > 0.0;
        const auto n = static_cast<double>(sensitivity_.ranks.iterations());
        return driver.sensitivity && std::abs(*driver.sensitivity) * std::sqrt(n) > 3.0;
    }

    ActivityDriver driver(const Subject& subject, NodeIndex node, std::int32_t input) const {
        const NetworkNode& n = network_.nodes[node];
        ActivityDriver driver{n.id, n.name, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
        if (input != not_listed)
            driver.sensitivity =
                sensitivity_.ranks.correlation(subject.index, static_cast<std::size_t>(input));
        if (!subject.critical) return driver;
        const double criticality = subject.happened == 0
                                       ? 0.0
                                       : static_cast<double>(subject.critical[node]) /
                                             static_cast<double>(subject.happened);
        driver.criticality = criticality;
        // Adding zero turns the -0 of a never-critical activity into 0.
        if (driver.sensitivity) driver.cruciality = criticality * *driver.sensitivity + 0.0;
        if (input != not_listed && subject.sd_days > 0.0)
            driver.sensitivity_index =
                criticality *
                sensitivity_.durations.standard_deviation(static_cast<std::size_t>(input)) /
                subject.sd_days;
        return driver;
    }

    const Network& network_;
    const SensitivityTallies& sensitivity_;
    std::vector<std::int32_t> input_of_node_;
};

}  // namespace

void summarise_drivers(const Network& network, const Tallies& tallies,
                       const SensitivityTallies& sensitivity, Results& results) {
    const DriverSummary summary(network, sensitivity);
    const std::size_t milestones = sensitivity.milestones.size();
    const bool tracked = tallies.critical_milestones == sensitivity.milestones;
    for (std::size_t k = 0; k < milestones; ++k) {
        const std::uint32_t node = sensitivity.milestones[k];
        const auto slot = static_cast<std::size_t>(
            std::find(tallies.tallied_nodes.begin(), tallies.tallied_nodes.end(), node) -
            tallies.tallied_nodes.begin());
        const auto forecast =
            std::find_if(results.milestones.begin(), results.milestones.end(),
                         [&](const FinishForecast& f) { return f.id == network.nodes[node].id; });
        if (slot == tallies.tallied_nodes.size() || forecast == results.milestones.end()) continue;
        const Subject subject{
            k, tracked ? tallies.critical_counts.data() + k * network.nodes.size() : nullptr,
            tallies.moments.happened(slot), forecast->sd_days};
        forecast->drivers = summary.drivers_of(subject);
    }
    for (std::size_t k = 0; k < sensitivity.targets.size(); ++k)
        results.targets[sensitivity.targets[k]].drivers = summary.drivers_of({milestones + k});
}

}  // namespace pipesim
