#include "report/csv_tables.hpp"

#include <cstdio>

namespace pipesim {
namespace {

std::string field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string date_cell(const std::optional<Date>& date) {
    return date ? date->iso() : "after-horizon";
}

std::string common_head() {
    return "id,name,project,category";
}
std::string finish_head() {
    return "p10,p50,p80,p90,p_after_horizon,mean_days,sd_days,deterministic";
}

std::string common_cells(const FinishForecast& f) {
    return field(f.id) + ',' + field(f.name) + ',' + field(f.project) + ',' + field(f.category);
}

std::string finish_cells(const FinishForecast& f) {
    std::string cells;
    for (const auto& date : f.dates) cells += date_cell(date) + ',';
    return cells + number(f.p_after_horizon, 6) + ',' + number(f.mean_days, 3) + ',' +
           number(f.sd_days, 3) + ',' + f.deterministic.iso();
}

}  // namespace

std::string milestones_csv(const std::vector<FinishForecast>& milestones) {
    std::string csv = common_head() + ",target,p_on_time,p_on_time_se," + finish_head() + "\n";
    for (const auto& f : milestones) {
        csv += common_cells(f) + ',' + (f.target ? f.target->iso() : "") + ',' +
               (f.p_on_time ? number(*f.p_on_time, 6) : "") + ',' +
               (f.p_on_time_se ? number(*f.p_on_time_se, 6) : "") + ',' + finish_cells(f) + "\n";
    }
    return csv;
}

std::string activities_csv(const std::vector<FinishForecast>& activities) {
    std::string csv = common_head() + ',' + finish_head() + "\n";
    for (const auto& f : activities) csv += common_cells(f) + ',' + finish_cells(f) + "\n";
    return csv;
}

}  // namespace pipesim
