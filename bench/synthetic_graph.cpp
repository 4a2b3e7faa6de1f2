#include "synthetic_graph.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace pipesim::bench {
namespace {

// SplitMix64: a small generator of our own, so the graph is the same on every platform.
class SplitMix {
  public:
    explicit SplitMix(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }
    std::size_t below(std::size_t n) {
        return static_cast<std::size_t>(uniform() * static_cast<double>(n));
    }

  private:
    std::uint64_t state_;
};

std::string activity_id(std::size_t i) {
    return "g.a" + std::to_string(i);
}

Activity make_activity(std::size_t i, SplitMix& random) {
    Activity activity;
    activity.id = activity_id(i);
    activity.name = activity.id;
    const double mode = 5.0 + 20.0 * random.uniform();
    activity.duration = TriangularDistribution{0.7 * mode, mode, mode * (1.2 + random.uniform())};
    return activity;
}

// The number of predecessors: floor or ceil of the mean, so that it averages out exactly.
std::size_t in_degree(double mean, std::size_t available, SplitMix& random) {
    const double whole = std::floor(mean);
    const std::size_t degree = static_cast<std::size_t>(whole) + (random.uniform() < mean - whole);
    return std::min(degree, available);
}

}  // namespace

Scenario make_layered_scenario(const SyntheticGraphSpec& spec) {
    SplitMix random(spec.seed);
    Scenario scenario;
    scenario.source = "synthetic";
    scenario.plan.name = "synthetic layered graph";
    scenario.plan.start = *Date::parse("2024-01-01");
    scenario.plan.status_date = scenario.plan.start;
    const std::size_t layers = (spec.activities + spec.layer_width - 1) / spec.layer_width;
    // Generous enough that no finish falls beyond it: ~50 days per layer at most.
    scenario.plan.horizon_end =
        scenario.plan.start.plus_days(static_cast<std::int32_t>(60 * layers + 365));
    Project project{"g", "synthetic", Category::other, {}, {}, {}};
    for (std::size_t i = 0; i < spec.activities; ++i) {
        Activity activity = make_activity(i, random);
        const std::size_t layer = i / spec.layer_width;
        if (layer > 0) {
            const std::size_t first = (layer - 1) * spec.layer_width;
            const std::size_t degree = in_degree(spec.mean_in_degree, spec.layer_width, random);
            std::vector<std::size_t> chosen;
            while (chosen.size() < degree) {
                const std::size_t candidate = first + random.below(spec.layer_width);
                if (std::find(chosen.begin(), chosen.end(), candidate) == chosen.end())
                    chosen.push_back(candidate);
            }
            for (std::size_t p : chosen)
                activity.predecessors.push_back({activity_id(p), LinkType::fs, 0.0, {}, {}});
        }
        project.activities.push_back(std::move(activity));
        const bool layer_ends = (i + 1) % spec.layer_width == 0 || i + 1 == spec.activities;
        if (layer_ends) {
            Activity milestone;
            milestone.id = "g.layer" + std::to_string(layer) + "-done";
            milestone.kind = ActivityKind::milestone;
            milestone.target =
                scenario.plan.start.plus_days(static_cast<std::int32_t>(30 * (layer + 1)));
            for (std::size_t j = layer * spec.layer_width; j <= i; ++j)
                milestone.predecessors.push_back({activity_id(j), LinkType::fs, 0.0, {}, {}});
            project.activities.push_back(std::move(milestone));
        }
    }
    scenario.projects.push_back(std::move(project));
    return scenario;
}

}  // namespace pipesim::bench
