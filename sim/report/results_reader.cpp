#include "report/results_reader.hpp"

#include <algorithm>
#include <array>

#include "core/input_file.hpp"
#include "report/json_fields.hpp"
#include "report/results_json.hpp"

namespace pipesim {
namespace {

QuantileDates quantile_dates(JsonFields& reader, const Json& item, const std::string& entity) {
    QuantileDates dates;
    const Json* object = reader.field(item, "dates", entity);
    if (!object) return dates;
    for (std::size_t q = 0; q < quantile_keys.size(); ++q)
        dates[q] = reader.optional_date(*object, quantile_keys[q], entity + " dates");
    return dates;
}

DateHistogram histogram(JsonFields& reader, const Json& item, const std::string& entity) {
    DateHistogram histogram;
    const Json* object = reader.field(item, "histogram", entity);
    if (!object) return histogram;
    const std::string where = entity + " histogram";
    histogram.first = reader.date(*object, "first", where);
    const auto bin_days = reader.count(*object, "bin_days", where);
    if (bin_days < 1 || bin_days > 366) reader.problem(where, "'bin_days' should be 1 to 366");
    histogram.bin_days = static_cast<std::int32_t>(std::clamp<std::uint64_t>(bin_days, 1, 366));
    const Json& counts = reader.list(*object, "counts", where);
    for (const auto& count : counts) {
        if (!count.is_number_unsigned()) {
            reader.problem(where, "'counts' should hold whole numbers, at least 0");
            break;
        }
        histogram.counts.push_back(count.get<std::uint64_t>());
    }
    histogram.beyond = reader.count(*object, "beyond", where);
    return histogram;
}

ValueForecast value(JsonFields& reader, const Json& object, const std::string& entity) {
    return {reader.number(object, "mean", entity), reader.number(object, "p10", entity),
            reader.number(object, "p50", entity), reader.number(object, "p90", entity)};
}

std::vector<MonthFigure> by_month(JsonFields& reader, const Json& item, const std::string& entity) {
    std::vector<MonthFigure> months;
    const std::string where = entity + " by_month";
    for (const auto& month : reader.list(item, "by_month", entity))
        months.push_back({reader.date(month, "date", where), value(reader, month, where)});
    return months;
}

std::optional<PublishedDrivers> drivers(JsonFields& reader, const Json& item,
                                        const std::string& entity) {
    const Json* object = reader.field(item, "drivers", entity, false);
    if (!object || object->is_null()) return std::nullopt;
    const std::string where = entity + " drivers";
    PublishedDrivers drivers;
    for (const auto& a : reader.list(*object, "activities", where, false))
        drivers.activities.push_back({reader.text(a, "activity", where),
                                      reader.text(a, "name", where),
                                      reader.optional_number(a, "criticality", where),
                                      reader.optional_number(a, "sensitivity", where),
                                      reader.optional_number(a, "cruciality", where),
                                      reader.optional_number(a, "ssi", where)});
    for (const auto& r : reader.list(*object, "risks", where, false)) {
        RiskDriver risk;
        risk.risk = reader.text(r, "risk", where);
        risk.p_points = reader.optional_number(r, "p_points", where);
        if (const auto days = reader.optional_number(r, "p80_days", where))
            risk.p80_days = static_cast<int>(*days);
        drivers.risks.push_back(std::move(risk));
    }
    return drivers;
}

PublishedMilestone milestone(JsonFields& reader, const Json& item, const std::string& entity) {
    PublishedMilestone m;
    m.id = reader.text(item, "id", entity);
    m.name = reader.text(item, "name", entity);
    m.project = reader.text(item, "project", entity);
    m.category = reader.text(item, "category", entity);
    m.target = reader.optional_date(item, "target", entity);
    m.p_on_time = reader.optional_number(item, "p_on_time", entity);
    if (m.target.has_value() != m.p_on_time.has_value())
        reader.problem(entity, m.target ? "has a target but no 'p_on_time'"
                                        : "has a 'p_on_time' but no target");
    m.dates = quantile_dates(reader, item, entity);
    m.p_happens = reader.number(item, "p_happens", entity);
    m.histogram = histogram(reader, item, entity);
    m.drivers = drivers(reader, item, entity);
    return m;
}

PublishedTarget target(JsonFields& reader, const Json& item, const std::string& entity) {
    PublishedTarget t;
    t.id = reader.text(item, "id", entity);
    t.name = reader.text(item, "name", entity);
    t.measure = reader.text(item, "measure", entity);
    t.threshold = reader.number(item, "threshold", entity);
    t.deadline = reader.date(item, "deadline", entity);
    t.p_reached = reader.number(item, "p_reached", entity);
    t.dates = quantile_dates(reader, item, entity);
    if (const Json* at = reader.field(item, "at_deadline", entity))
        t.at_deadline = value(reader, *at, entity + " at_deadline");
    t.by_month = by_month(reader, item, entity);
    t.histogram = histogram(reader, item, entity);
    t.drivers = drivers(reader, item, entity);
    return t;
}

// The file lists report dates, each with every series; the report draws series.
std::vector<SpendSeries> cashflow(JsonFields& reader, const Json& root) {
    std::vector<SpendSeries> series;
    const Json& months = reader.list(root, "cashflow", "cashflow");
    for (std::size_t m = 0; m < months.size(); ++m) {
        const std::string where = "cashflow[" + std::to_string(m) + ']';
        const Date date = reader.date(months[m], "date", where);
        if (!months[m].is_object()) continue;
        for (const auto& item : months[m].items()) {
            // A named copy: clang 14 does not let a lambda capture a structured binding.
            const std::string id = item.key();
            if (id == "date") continue;
            auto found = std::find_if(series.begin(), series.end(),
                                      [&](const SpendSeries& s) { return s.id == id; });
            if (found == series.end()) found = series.insert(series.end(), SpendSeries{id, {}});
            found->by_month.push_back({date, value(reader, item.value(), where + ' ' + id)});
        }
    }
    for (const auto& s : series)
        if (s.by_month.size() != months.size())
            reader.problem("cashflow", "series '" + s.id + "' is missing at some dates");
    return series;
}

PublishedFunnel funnel(JsonFields& reader, const Json& item, const std::string& entity) {
    PublishedFunnel f;
    f.id = reader.text(item, "id", entity);
    f.name = reader.text(item, "name", entity);
    f.items = reader.count(item, "items", entity);
    const Json& stages = reader.list(item, "stages", entity);
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const std::string where = entity + ' ' + entity_of(stages[s], "stages", s);
        f.stages.push_back({reader.text(stages[s], "id", where),
                            reader.text(stages[s], "name", where),
                            by_month(reader, stages[s], where)});
    }
    return f;
}

template <typename Item, typename ReadItem>
std::vector<Item> items(JsonFields& reader, const Json& root, const char* key, ReadItem read_item) {
    std::vector<Item> read;
    const Json& list = reader.list(root, key, key);
    for (std::size_t i = 0; i < list.size(); ++i)
        read.push_back(read_item(reader, list[i], entity_of(list[i], key, i)));
    return read;
}

}  // namespace

PublishedResults read_results_text(std::string_view text, const std::string& source) {
    const Json root = parse_json_object(text, source, "a results file");

    JsonFields reader(source);
    PublishedResults results;
    results.scenario = reader.text(root, "scenario", "settings");
    results.iterations = reader.count(root, "iterations", "settings");
    results.seed = reader.count(root, "seed", "settings");
    results.sampling = reader.text(root, "sampling", "settings");
    results.mitigated = reader.flag(root, "mitigated", "settings");
    results.until_se = reader.optional_number(root, "until_se", "settings");
    results.plan_start = reader.date(root, "plan_start", "settings");
    results.status_date = reader.date(root, "status_date", "settings");
    results.horizon = reader.date(root, "horizon", "settings");
    results.currency = reader.text(root, "currency", "settings");
    results.milestones = items<PublishedMilestone>(reader, root, "milestones", milestone);
    results.targets = items<PublishedTarget>(reader, root, "targets", target);
    results.cashflow = cashflow(reader, root);
    results.funnels = items<PublishedFunnel>(reader, root, "funnels", funnel);
    reader.throw_if_any();
    return results;
}

PublishedResults read_results_file(const std::filesystem::path& file) {
    return read_results_text(read_input_file(file), file.string());
}

}  // namespace pipesim
