#include "report/results_json.hpp"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/json_numbers.hpp"

namespace pipesim {
namespace {

using Json = nlohmann::ordered_json;

Json histogram_json(const DateHistogram& histogram) {
    return {{"first", histogram.first.iso()},
            {"bin_days", histogram.bin_days},
            {"counts", histogram.counts},
            {"beyond", histogram.beyond}};
}

Json drivers_json(const Drivers& drivers, std::size_t listed) {
    Json activities = Json::array();
    for (std::size_t i = 0; i < drivers.activities.size() && i < listed; ++i) {
        const ActivityDriver& a = drivers.activities[i];
        activities.push_back({{"activity", a.activity},
                              {"name", a.name},
                              {"criticality", json_probability_or_null(a.criticality)},
                              {"sensitivity", json_probability_or_null(a.sensitivity)},
                              {"cruciality", json_probability_or_null(a.cruciality)},
                              {"ssi", json_probability_or_null(a.sensitivity_index)}});
    }
    Json risks = Json::array();
    for (std::size_t r = 0; r < drivers.risks.size() && r < listed; ++r) {
        const RiskImpact& impact = drivers.risks[r];
        const auto days = p80_days(impact);
        risks.push_back({{"risk", impact.risk},
                         {"p_with", json_probability_or_null(impact.p_with)},
                         {"p_without", json_probability_or_null(impact.p_without)},
                         {"p_points", json_probability_or_null(p_points(impact))},
                         {"p80_with", json_date_or_null(impact.p80_with)},
                         {"p80_without", json_date_or_null(impact.p80_without)},
                         {"p80_days", days ? Json(*days) : Json()}});
    }
    return {{"activities", activities}, {"risks", risks}};
}

Json finish_json(const FinishForecast& forecast, std::size_t listed) {
    Json item;
    item["id"] = forecast.id;
    item["name"] = forecast.name;
    item["project"] = forecast.project;
    item["category"] = forecast.category;
    if (forecast.kind == ActivityKind::milestone) {
        item["target"] = json_date_or_null(forecast.target);
        item["p_on_time"] = json_probability_or_null(forecast.p_on_time);
        item["p_on_time_se"] = json_probability_or_null(forecast.p_on_time_se);
    }
    Json dates = Json::object();
    for (std::size_t q = 0; q < reported_quantiles.size(); ++q)
        dates[quantile_keys[q]] = json_date_or_null(forecast.dates[q]);
    item["dates"] = dates;
    item["p_after_horizon"] = json_probability(forecast.p_after_horizon);
    item["p_happens"] = json_probability(forecast.p_happens);
    item["mean_days"] = json_days(forecast.mean_days);
    item["sd_days"] = json_days(forecast.sd_days);
    item["deterministic"] = json_date_or_null(forecast.deterministic);
    if (forecast.merge_bias_days) item["merge_bias_days"] = *forecast.merge_bias_days;
    item["histogram"] = histogram_json(forecast.histogram);
    if (forecast.drivers) item["drivers"] = drivers_json(*forecast.drivers, listed);
    return item;
}

// Money and counts: three decimals, like days.
double amount(double a) {
    return json_rounded(a, 1e3);
}

Json value_json(const ValueForecast& value) {
    return {{"mean", amount(value.mean)},
            {"p10", amount(value.p10)},
            {"p50", amount(value.p50)},
            {"p90", amount(value.p90)}};
}

Json by_month_json(const std::vector<Date>& dates, const std::vector<ValueForecast>& values) {
    Json months = Json::array();
    for (std::size_t d = 0; d < dates.size(); ++d) {
        Json month = {{"date", dates[d].iso()}};
        month.update(value_json(values[d]));
        months.push_back(month);
    }
    return months;
}

Json target_json(const TargetForecast& target, const std::vector<Date>& dates, std::size_t listed) {
    Json item;
    item["id"] = target.id;
    item["name"] = target.name;
    item["measure"] = measure_name(target.measure);
    item["stage"] = target.stage.empty() ? Json() : Json(target.stage);
    item["threshold"] = amount(target.threshold);
    item["share"] = json_probability_or_null(target.share);
    item["deadline"] = target.deadline.iso();
    item["p_reached"] = json_probability(target.p_reached);
    item["p_reached_se"] = json_probability(target.p_reached_se);
    Json reached = Json::object();
    for (std::size_t q = 0; q < reported_quantiles.size(); ++q)
        reached[quantile_keys[q]] = json_date_or_null(target.dates[q]);
    item["dates"] = reached;
    item["p_not_in_horizon"] = json_probability(target.p_not_in_horizon);
    Json at_deadline = value_json(target.at_deadline);
    at_deadline["sd"] = amount(target.sd_at_deadline);
    at_deadline["expected_shortfall"] = amount(target.expected_shortfall);
    item["at_deadline"] = at_deadline;
    item["by_month"] = by_month_json(dates, target.by_month);
    item["histogram"] = histogram_json(target.histogram);
    if (target.drivers) item["drivers"] = drivers_json(*target.drivers, listed);
    return item;
}

// One entry per report date, with every series' figures at that date.
Json cashflow_json(const Results& results) {
    Json months = Json::array();
    for (std::size_t d = 0; d < results.report_dates.size() && !results.cashflow.empty(); ++d) {
        Json month = {{"date", results.report_dates[d].iso()}};
        for (const auto& series : results.cashflow)
            month[series.id] = value_json(series.by_month[d]);
        months.push_back(month);
    }
    return months;
}

Json funnel_json(const FunnelForecast& funnel, const std::vector<Date>& dates) {
    Json stages = Json::array();
    for (const auto& stage : funnel.stages)
        stages.push_back({{"id", stage.id},
                          {"name", stage.name},
                          {"by_month", by_month_json(dates, stage.by_month)}});
    return {{"id", funnel.id}, {"name", funnel.name}, {"items", funnel.items}, {"stages", stages}};
}

Json list_json(const std::vector<FinishForecast>& forecasts, std::size_t listed) {
    Json list = Json::array();
    for (const auto& forecast : forecasts) list.push_back(finish_json(forecast, listed));
    return list;
}

Json mitigation_json(const MitigationComparison& comparison) {
    Json effects = Json::array();
    for (const auto& e : comparison.effects)
        effects.push_back({{"id", e.id},
                           {"kind", e.kind},
                           {"p_before", json_probability(e.p_before)},
                           {"p_after", json_probability(e.p_after)},
                           {"p80_before", json_date_or_null(e.p80_before)},
                           {"p80_after", json_date_or_null(e.p80_after)}});
    return {{"applied", comparison.applied}, {"effects", effects}};
}

}  // namespace

std::string results_to_json(const Results& results,
                            const std::optional<MitigationComparison>& mitigation,
                            std::size_t drivers_listed) {
    Json root;
    root["scenario"] = results.scenario;
    root["iterations"] = results.iterations;
    root["seed"] = results.seed;
    root["sampling"] = results.sampling;
    root["mitigated"] = results.mitigated;
    if (results.until_se) root["until_se"] = *results.until_se;
    root["plan_start"] = results.plan_start.iso();
    root["status_date"] = results.status_date.iso();
    root["horizon"] = results.horizon_end.iso();
    root["milestones"] = list_json(results.milestones, drivers_listed);
    root["activities"] = list_json(results.activities, drivers_listed);
    root["currency"] = results.currency;
    Json targets = Json::array();
    for (const auto& target : results.targets)
        targets.push_back(target_json(target, results.report_dates, drivers_listed));
    root["targets"] = targets;
    root["cashflow"] = cashflow_json(results);
    Json funnels = Json::array();
    for (const auto& funnel : results.funnels)
        funnels.push_back(funnel_json(funnel, results.report_dates));
    root["funnels"] = funnels;
    if (mitigation) root["mitigation"] = mitigation_json(*mitigation);
    return root.dump(1) + "\n";
}

}  // namespace pipesim
