#include "report/csv_tables.hpp"

#include "core/text.hpp"

namespace pipesim {

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csv_date(const std::optional<Date>& date) {
    return date ? date->iso() : "after-horizon";
}

namespace {

std::string common_head() {
    return "id,name,project,category";
}
std::string finish_head() {
    return "p10,p50,p80,p90,p_after_horizon,p_happens,mean_days,sd_days,deterministic";
}

std::string common_cells(const FinishForecast& f) {
    return csv_field(f.id) + ',' + csv_field(f.name) + ',' + csv_field(f.project) + ',' +
           csv_field(f.category);
}

std::string finish_cells(const FinishForecast& f) {
    std::string cells;
    for (const auto& date : f.dates) cells += csv_date(date) + ',';
    return cells + fixed_text(f.p_after_horizon, 6) + ',' + fixed_text(f.p_happens, 6) + ',' +
           fixed_text(f.mean_days, 3) + ',' + fixed_text(f.sd_days, 3) + ',' +
           csv_date(f.deterministic);
}

}  // namespace

std::string milestones_csv(const std::vector<FinishForecast>& milestones) {
    std::string csv = common_head() + ",target,p_on_time,p_on_time_se," + finish_head() + "\n";
    for (const auto& f : milestones) {
        csv += common_cells(f) + ',' + (f.target ? f.target->iso() : "") + ',' +
               (f.p_on_time ? fixed_text(*f.p_on_time, 6) : "") + ',' +
               (f.p_on_time_se ? fixed_text(*f.p_on_time_se, 6) : "") + ',' + finish_cells(f) +
               "\n";
    }
    return csv;
}

std::string activities_csv(const std::vector<FinishForecast>& activities) {
    std::string csv = common_head() + ',' + finish_head() + "\n";
    for (const auto& f : activities) csv += common_cells(f) + ',' + finish_cells(f) + "\n";
    return csv;
}

std::string targets_csv(const std::vector<TargetForecast>& targets) {
    std::string csv =
        "id,name,measure,stage,threshold,deadline,p_reached,p_reached_se,p10,p50,p80,p90,"
        "p_not_in_horizon,mean_at_deadline,sd_at_deadline,p10_at_deadline,p50_at_deadline,p90_at_"
        "deadline,"
        "expected_shortfall\n";
    for (const auto& t : targets) {
        csv += csv_field(t.id) + ',' + csv_field(t.name) + ',' +
               std::string(measure_name(t.measure)) + ',' + csv_field(t.stage) + ',' +
               fixed_text(t.threshold, 3) + ',' + t.deadline.iso() + ',' +
               fixed_text(t.p_reached, 6) + ',' + fixed_text(t.p_reached_se, 6) + ',';
        for (const auto& date : t.dates) csv += csv_date(date) + ',';
        csv += fixed_text(t.p_not_in_horizon, 6) + ',' + fixed_text(t.at_deadline.mean, 3) + ',' +
               fixed_text(t.sd_at_deadline, 3) + ',' + fixed_text(t.at_deadline.p10, 3) + ',' +
               fixed_text(t.at_deadline.p50, 3) + ',' + fixed_text(t.at_deadline.p90, 3) + ',' +
               fixed_text(t.expected_shortfall, 3) + "\n";
    }
    return csv;
}

std::string cashflow_csv(const Results& results) {
    std::string csv = "date,series,mean,p10,p50,p90\n";
    for (std::size_t d = 0; d < results.report_dates.size(); ++d)
        for (const auto& series : results.cashflow) {
            const ValueForecast& v = series.by_month[d];
            csv += results.report_dates[d].iso() + ',' + csv_field(series.id) + ',' +
                   fixed_text(v.mean, 3) + ',' + fixed_text(v.p10, 3) + ',' + fixed_text(v.p50, 3) +
                   ',' + fixed_text(v.p90, 3) + "\n";
        }
    return csv;
}

namespace {

std::string optional_cell(const std::optional<double>& value) {
    return value ? fixed_text(*value, 6) : "";
}

std::string driver_rows(const std::string& id, const char* kind, const Drivers& drivers,
                        std::size_t listed) {
    std::string rows;
    for (std::size_t i = 0; i < drivers.activities.size() && i < listed; ++i) {
        const ActivityDriver& a = drivers.activities[i];
        rows += csv_field(id) + ',' + kind + ",activity," + csv_field(a.activity) + ',' +
                optional_cell(a.criticality) + ',' + optional_cell(a.sensitivity) + ',' +
                optional_cell(a.cruciality) + ',' + optional_cell(a.sensitivity_index) + ",,,,,,\n";
    }
    for (std::size_t r = 0; r < drivers.risks.size() && r < listed; ++r) {
        const RiskImpact& impact = drivers.risks[r];
        const auto days = p80_days(impact);
        rows += csv_field(id) + ',' + kind + ",risk," + csv_field(impact.risk) + ",,,,," +
                optional_cell(impact.p_with) + ',' + optional_cell(impact.p_without) + ',' +
                optional_cell(p_points(impact)) + ',' + csv_date(impact.p80_with) + ',' +
                csv_date(impact.p80_without) + ',' + (days ? std::to_string(*days) : "") + "\n";
    }
    return rows;
}

}  // namespace

std::string drivers_csv(const Results& results, std::size_t listed) {
    std::string csv =
        "id,kind,driver_type,driver,criticality,sensitivity,cruciality,ssi,p_with,p_without,"
        "p_points,p80_with,p80_without,p80_days\n";
    for (const auto& milestone : results.milestones)
        if (milestone.drivers)
            csv += driver_rows(milestone.id, "milestone", *milestone.drivers, listed);
    for (const auto& target : results.targets)
        if (target.drivers) csv += driver_rows(target.id, "target", *target.drivers, listed);
    return csv;
}

}  // namespace pipesim
