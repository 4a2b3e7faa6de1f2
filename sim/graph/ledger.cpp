#include "graph/ledger.hpp"

#include <algorithm>
#include <cmath>

#include "graph/network.hpp"

namespace pipesim {
namespace {

// What a flow stands for, so that measures can select flows the way targets name them.
enum class FlowKind { spend, item, value, funds, milestone };

struct Candidate {
    Flow flow;
    FlowKind kind;
    std::uint32_t group;  // project or funnel
    std::uint32_t stage;  // funnel stage index (item, value, funds)
};

SampledQuantity quantity(const Distribution& distribution, std::string_view owner,
                         StreamPurpose purpose) {
    return {distribution, variable_hash(owner), purpose};
}

SampledQuantity one() {
    return {FixedDistribution{1}, 0, StreamPurpose::cost};
}

// A flow of `amount`, with no factor, rate, arrival span, uplift or risk until set.
Flow flow_of(std::uint32_t node, FlowSpan span, SpendProfile profile, SampledQuantity amount) {
    return {node, span, profile, std::move(amount), {}, false, {}, {}, not_a_risk};
}

class LedgerCompiler {
  public:
    LedgerCompiler(const Scenario& scenario, const Network& network,
                   std::span<const NodeOrigin> origins, bool mitigated)
        : scenario_(scenario), network_(network), origins_(origins), mitigated_(mitigated) {}

    Ledger compile() {
        for (std::uint32_t node = 0; node < origins_.size(); ++node) {
            add_flows_of(node);
            add_risk_costs(node);
        }
        if (mitigated_) add_mitigation_costs();
        add_cashflow();
        add_funnels();
        for (const Target& target : scenario_.targets) add_target(target);
        keep_used_flows();
        ledger_.currency = scenario_.plan.currency;
        ledger_.report_dates = month_ends();
        return std::move(ledger_);
    }

  private:
    // ---- flows ------------------------------------------------------------------------

    void add_flows_of(std::uint32_t node) {
        const NodeOrigin& origin = origins_[node];
        if (origin.activity) {
            if (origin.activity->cost) add_cost(node, origin.group, *origin.activity->cost);
            if (origin.activity->kind == ActivityKind::milestone)
                add(origin.group, 0, FlowKind::milestone,
                    flow_of(node, FlowSpan::at_finish, SpendProfile::even, one()));
        } else if (origin.item_stage) {
            add_item_stage(node, origin.group, *origin.item_stage);
        }
    }

    void add_cost(std::uint32_t node, std::uint32_t group, const ActivityCost& cost) {
        const std::string& id = network_.nodes[node].id;
        const auto spend = [&](FlowSpan span, const Distribution& amount, StreamPurpose purpose,
                               bool per_day) {
            Flow flow = flow_of(node, span, cost.profile, quantity(amount, id, purpose));
            flow.per_day = per_day;
            flow.uplift = network_.projects[group].cost_uplift;
            add(group, 0, FlowKind::spend, std::move(flow));
        };
        if (cost.amount) spend(FlowSpan::over_node, *cost.amount, StreamPurpose::cost, false);
        if (cost.per_day)
            spend(FlowSpan::over_node, *cost.per_day, StreamPurpose::cost_per_day, true);
        if (cost.at_start)
            spend(FlowSpan::at_start, *cost.at_start, StreamPurpose::cost_at_start, false);
        if (cost.at_finish)
            spend(FlowSpan::at_finish, *cost.at_finish, StreamPurpose::cost_at_finish, false);
    }

    // An item reaching a stage adds one to the stage's count and its value to the stage's
    // value; reaching the funds stage starts its funds arriving. The value is one random
    // variable of the item, so every stage and the funds see the same draw.
    void add_item_stage(std::uint32_t node, std::uint32_t group, const ItemStageOrigin& origin) {
        const Funnel& funnel = scenario_.funnels[origin.funnel];
        const FunnelItem& item = funnel.items[origin.item];
        const SampledQuantity value = quantity(item.value, item.id, StreamPurpose::item_value);
        add(group, origin.stage, FlowKind::item,
            flow_of(node, FlowSpan::at_finish, SpendProfile::even, one()));
        add(group, origin.stage, FlowKind::value,
            flow_of(node, FlowSpan::at_finish, SpendProfile::even, value));
        if (funnel.funds && funnel.funds->stage == funnel.stages[origin.stage].id) {
            const FundsArrival& funds = *funnel.funds;
            Flow flow = flow_of(node, FlowSpan::after_finish, funds.profile,
                                quantity(funds.fraction, item.id, StreamPurpose::funds_fraction));
            flow.factor = value;
            flow.days = quantity(funds.days, item.id, StreamPurpose::funds_days);
            add(group, origin.stage, FlowKind::funds, std::move(flow));
        }
    }

    // A risk's cost falls on every node it hits, at the node's finish, when it hits.
    void add_risk_costs(std::uint32_t node) {
        const auto risks = network_.risks_hitting(node);
        for (std::size_t slot = 0; slot < risks.size(); ++slot) {
            const NetworkRisk& risk = network_.risks[risks[slot]];
            if (!risk.cost) continue;
            Flow flow = flow_of(node, FlowSpan::at_finish, SpendProfile::even,
                                {*risk.cost, risk.stream, StreamPurpose::risk_cost});
            flow.risk_slot = static_cast<std::int32_t>(slot);
            add(network_.nodes[node].project, 0, FlowKind::spend, std::move(flow));
        }
    }

    // What a mitigation costs is spent at the status date, booked to the first activity
    // the risk hits (its project and category).
    void add_mitigation_costs() {
        for (std::uint32_t r = 0; r < scenario_.risks.size(); ++r) {
            const Risk& risk = scenario_.risks[r];
            if (!risk.mitigation || !risk.mitigation->cost) continue;
            const auto first = std::find(network_.hits.begin(), network_.hits.end(), r);
            if (first == network_.hits.end()) continue;
            const auto node = static_cast<std::uint32_t>(
                std::upper_bound(network_.hit_begin.begin(), network_.hit_begin.end(),
                                 static_cast<std::uint32_t>(first - network_.hits.begin())) -
                network_.hit_begin.begin() - 1);
            add(network_.nodes[node].project, 0, FlowKind::spend,
                flow_of(node, FlowSpan::at_status_date, SpendProfile::even,
                        quantity(*risk.mitigation->cost, risk.id, StreamPurpose::mitigation_cost)));
        }
    }

    void add(std::uint32_t group, std::uint32_t stage, FlowKind kind, Flow flow) {
        candidates_.push_back({std::move(flow), kind, group, stage});
    }

    // ---- measures ---------------------------------------------------------------------

    template <typename Select>
    MeasureIndex add_measure(std::string id, Select&& selected) {
        Measure measure{std::move(id), {}, true, 0.0};
        for (FlowIndex f = 0; f < candidates_.size(); ++f) {
            if (!selected(candidates_[f])) continue;
            measure.flows.push_back(f);
            const FlowKind kind = candidates_[f].kind;
            measure.whole =
                measure.whole && (kind == FlowKind::item || kind == FlowKind::milestone);
            measure.upper_bound += largest_amount(candidates_[f].flow);
        }
        ledger_.measures.push_back(std::move(measure));
        return static_cast<MeasureIndex>(ledger_.measures.size() - 1);
    }

    double largest_amount(const Flow& flow) const {
        double largest = practical_maximum(flow.amount.distribution);
        if (flow.factor) largest *= practical_maximum(flow.factor->distribution);
        if (flow.per_day) {
            const NetworkNode& node = network_.nodes[flow.node];
            largest *= practical_maximum(node.duration) + node.days_worked();
        }
        return largest;
    }

    bool is_spend_in(const Candidate& c, std::optional<Category> category) const {
        return c.kind == FlowKind::spend &&
               (!category || network_.projects[c.group].category == *category);
    }

    // Every activity's spend, then each category's that has any.
    void add_cashflow() {
        const bool any = std::any_of(candidates_.begin(), candidates_.end(),
                                     [&](const Candidate& c) { return is_spend_in(c, {}); });
        if (!any) return;
        ledger_.cashflow.push_back({"all", add_measure("cashflow.all", [&](const Candidate& c) {
                                        return is_spend_in(c, {});
                                    })});
        for (int value = 0; value <= static_cast<int>(Category::other); ++value) {
            const auto category = static_cast<Category>(value);
            const auto in_category = [&](const Candidate& c) { return is_spend_in(c, category); };
            if (std::none_of(candidates_.begin(), candidates_.end(), in_category)) continue;
            const std::string name(category_name(category));
            ledger_.cashflow.push_back({name, add_measure("cashflow." + name, in_category)});
        }
    }

    void add_funnels() {
        const auto first_funnel = static_cast<std::uint32_t>(scenario_.projects.size());
        for (std::uint32_t f = 0; f < scenario_.funnels.size(); ++f) {
            const Funnel& funnel = scenario_.funnels[f];
            FunnelStages stages{funnel.id, funnel.name,
                                {},        {},
                                {},        static_cast<std::uint32_t>(funnel.items.size())};
            for (std::uint32_t s = 0; s < funnel.stages.size(); ++s) {
                stages.stages.push_back(funnel.stages[s].id);
                stages.stage_names.push_back(funnel.stages[s].name);
                stages.reached.push_back(add_measure(
                    "funnel." + funnel.id + "." + funnel.stages[s].id, [&](const Candidate& c) {
                        return c.kind == FlowKind::item && c.group == first_funnel + f &&
                               c.stage == s;
                    }));
            }
            ledger_.funnels.push_back(std::move(stages));
        }
    }

    static FlowKind kind_of(TargetMeasure measure) {
        switch (measure) {
            case TargetMeasure::items:
                return FlowKind::item;
            case TargetMeasure::value:
                return FlowKind::value;
            case TargetMeasure::funds:
                return FlowKind::funds;
            case TargetMeasure::spend:
                return FlowKind::spend;
            case TargetMeasure::milestones:
                return FlowKind::milestone;
        }
        return FlowKind::item;
    }

    bool counts_stage(const Target& target, const Candidate& c) const {
        if (target.measure != TargetMeasure::items && target.measure != TargetMeasure::value)
            return true;
        if (!network_.projects[c.group].funnel) return false;
        const Funnel& funnel = scenario_.funnels[c.group - scenario_.projects.size()];
        return funnel.stages[c.stage].id == target.stage;
    }

    void add_target(const Target& target) {
        const FlowKind kind = kind_of(target.measure);
        const MeasureIndex index = add_measure("target." + target.id, [&](const Candidate& c) {
            const NetworkProject& group = network_.projects[c.group];
            return c.kind == kind &&
                   target.of.matches(group.id, group.funnel, group.category, group.tags) &&
                   counts_stage(target, c) &&
                   (kind != FlowKind::milestone ||
                    target.of.counts_milestone(network_.nodes[c.flow.node].id));
        });
        const Measure& measure = ledger_.measures[index];
        if (measure.flows.empty())
            throw InputError(target.where, target.id,
                             "the target's selection holds nothing to measure");
        const double threshold = target.share
                                     ? target.at_least * static_cast<double>(measure.flows.size())
                                     : target.at_least;
        ledger_.targets.push_back(
            {target.id, target.name, target.measure, target.stage,
             target.share ? std::optional<double>(target.at_least) : std::nullopt, threshold,
             target.deadline, index});
    }

    // ---- finishing --------------------------------------------------------------------

    // Drops flows no measure uses and renumbers the rest, grouped by node.
    // Drops flows no measure uses and renumbers the rest grouped by node (candidates are
    // mostly in node order already; a mitigation's cost is added after all nodes).
    void keep_used_flows() {
        std::vector<bool> used(candidates_.size(), false);
        for (const Measure& measure : ledger_.measures)
            for (FlowIndex f : measure.flows) used[f] = true;
        std::vector<FlowIndex> kept;
        for (FlowIndex f = 0; f < candidates_.size(); ++f)
            if (used[f]) kept.push_back(f);
        std::stable_sort(kept.begin(), kept.end(), [&](FlowIndex a, FlowIndex b) {
            return candidates_[a].flow.node < candidates_[b].flow.node;
        });
        std::vector<FlowIndex> renumbered(candidates_.size(), 0);
        ledger_.flow_begin.assign(network_.nodes.size() + 1, 0);
        for (FlowIndex f : kept) {
            renumbered[f] = static_cast<FlowIndex>(ledger_.flows.size());
            ledger_.flows.push_back(candidates_[f].flow);
            ++ledger_.flow_begin[candidates_[f].flow.node + 1];
        }
        for (std::size_t n = 0; n < network_.nodes.size(); ++n)
            ledger_.flow_begin[n + 1] += ledger_.flow_begin[n];
        for (Measure& measure : ledger_.measures)
            for (FlowIndex& f : measure.flows) f = renumbered[f];
    }

    std::vector<Date> month_ends() const {
        std::vector<Date> dates;
        for (Date end = network_.plan_start.last_of_month(); end < network_.horizon_end;
             end = end.plus_days(1).last_of_month())
            dates.push_back(end);
        dates.push_back(network_.horizon_end);
        return dates;
    }

    const Scenario& scenario_;
    const Network& network_;
    std::span<const NodeOrigin> origins_;
    bool mitigated_;
    std::vector<Candidate> candidates_;  // in node order
    Ledger ledger_;
};

}  // namespace

Ledger compile_ledger(const Scenario& scenario, const Network& network,
                      std::span<const NodeOrigin> origins, bool mitigated) {
    return LedgerCompiler(scenario, network, origins, mitigated).compile();
}

}  // namespace pipesim
