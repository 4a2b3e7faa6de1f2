#include "report/sweep_tables.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "report/csv_tables.hpp"
#include "report/json_numbers.hpp"

namespace pipesim {
namespace {

using Json = nlohmann::ordered_json;

std::string cell(const std::optional<double>& value) {
    if (!value) return "";
    return fixed_text(*value, 6);
}

}  // namespace

std::string sweep_to_json(const SweepResults& sweep) {
    Json points = Json::array();
    for (const PointForecast& point : sweep.points) {
        Json values = Json::object();
        for (const std::string& path : sweep.varied) {
            const auto value = value_at(point, path);
            values[path] = value ? Json(*value) : Json();
        }
        Json promises = Json::array();
        for (const PromiseAtPoint& p : point.promises)
            promises.push_back({{"id", p.id},
                                {"name", p.name},
                                {"kind", p.kind},
                                {"p", json_probability(p.p)},
                                {"p_se", json_probability(p.p_se)},
                                {"p50", json_date_or_null(p.p50)},
                                {"p80", json_date_or_null(p.p80)},
                                {"difference", json_probability_or_null(p.difference)},
                                {"difference_se", json_probability_or_null(p.difference_se)},
                                {"independent_se", json_probability_or_null(p.independent_se)}});
        points.push_back({{"label", point.label}, {"values", values}, {"promises", promises}});
    }
    Json root{{"scenario", sweep.scenario},
              {"iterations", sweep.iterations},
              {"seed", sweep.seed},
              {"varied", sweep.varied},
              {"points", points}};
    return root.dump(1) + "\n";
}

namespace {

// Cells joined by commas. Built by appending: GCC 12 misreads chains of "," + std::string
// (-Wrestrict).
std::string row(std::initializer_list<std::string> cells) {
    std::string line;
    for (const std::string& c : cells) line.append(line.empty() ? "" : ",").append(c);
    return line;
}

}  // namespace

std::string sweep_csv(const SweepResults& sweep) {
    std::string csv = "point,label";
    for (const std::string& path : sweep.varied) csv.append(",").append(csv_field(path));
    csv.append(",id,name,kind,p,p_se,p50,p80,difference,difference_se,independent_se\n");
    for (std::size_t n = 0; n < sweep.points.size(); ++n) {
        const PointForecast& point = sweep.points[n];
        std::string head = row({std::to_string(n), csv_field(point.label)});
        // As given, to the last digit: a fixed number of decimals would show 1e-9 as 0 and
        // cut 1e300 off at the buffer's end.
        for (const std::string& path : sweep.varied) {
            const auto value = value_at(point, path);
            head.append(",").append(value ? number_text(*value) : "");
        }
        for (const PromiseAtPoint& p : point.promises)
            csv.append(row({head, csv_field(p.id), csv_field(p.name), p.kind, cell(p.p),
                            cell(p.p_se), csv_date(p.p50), csv_date(p.p80), cell(p.difference),
                            cell(p.difference_se), cell(p.independent_se)}))
                .append("\n");
    }
    return csv;
}

}  // namespace pipesim
