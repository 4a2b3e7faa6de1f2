#include "report/results_json.hpp"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

namespace pipesim {
namespace {

using Json = nlohmann::ordered_json;

// Rounded so the file reads well and diffs stay quiet; far below the Monte Carlo error.
double rounded(double value, double scale) {
    return std::round(value * scale) / scale;
}
double probability(double p) {
    return rounded(p, 1e6);
}
double days(double d) {
    return rounded(d, 1e3);
}

// The keys of reported_quantiles.
constexpr std::array<const char*, 4> quantile_keys{"p10", "p50", "p80", "p90"};
static_assert(quantile_keys.size() == reported_quantiles.size());

Json date_or_null(const std::optional<Date>& date) {
    return date ? Json(date->iso()) : Json();
}

Json finish_json(const FinishForecast& forecast) {
    Json item;
    item["id"] = forecast.id;
    item["name"] = forecast.name;
    item["project"] = forecast.project;
    item["category"] = forecast.category;
    if (forecast.kind == ActivityKind::milestone) {
        item["target"] = date_or_null(forecast.target);
        item["p_on_time"] = forecast.p_on_time ? Json(probability(*forecast.p_on_time)) : Json();
        item["p_on_time_se"] =
            forecast.p_on_time_se ? Json(probability(*forecast.p_on_time_se)) : Json();
    }
    Json dates = Json::object();
    for (std::size_t q = 0; q < reported_quantiles.size(); ++q)
        dates[quantile_keys[q]] = date_or_null(forecast.dates[q]);
    item["dates"] = dates;
    item["p_after_horizon"] = probability(forecast.p_after_horizon);
    item["mean_days"] = days(forecast.mean_days);
    item["sd_days"] = days(forecast.sd_days);
    item["deterministic"] = forecast.deterministic.iso();
    return item;
}

Json list_json(const std::vector<FinishForecast>& forecasts) {
    Json list = Json::array();
    for (const auto& forecast : forecasts) list.push_back(finish_json(forecast));
    return list;
}

}  // namespace

std::string results_to_json(const Results& results) {
    Json root;
    root["scenario"] = results.scenario;
    root["iterations"] = results.iterations;
    root["seed"] = results.seed;
    root["plan_start"] = results.plan_start.iso();
    root["status_date"] = results.status_date.iso();
    root["horizon"] = results.horizon_end.iso();
    root["milestones"] = list_json(results.milestones);
    root["activities"] = list_json(results.activities);
    return root.dump(1) + "\n";
}

}  // namespace pipesim
