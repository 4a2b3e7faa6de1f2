#include "io/funnel_reader.hpp"

#include <array>
#include <set>

namespace pipesim::io {
namespace {

constexpr std::array<std::string_view, 9> funnel_keys{
    "id", "name", "category", "stages", "tags", "value", "funds", "items", "batches"};
constexpr std::array<std::string_view, 5> stage_keys{"id", "name", "probability", "duration",
                                                     "why"};
constexpr std::array<std::string_view, 4> funds_keys{"stage", "fraction", "days", "profile"};
constexpr std::array<std::string_view, 5> item_keys{"id", "name", "at", "value", "stages"};
constexpr std::array<std::string_view, 3> override_keys{"probability", "duration", "after"};
constexpr std::array<std::string_view, 7> batch_keys{"id",    "name", "count",  "at",
                                                     "value", "why",  "arrival"};
constexpr QuantityKey arrival_key{"arrival", "arrival", Quantity::duration};
constexpr WholeRange batch_sizes{1, 100'000, "from 1 to 100,000"};
// Batches multiply a line of text into many items, each simulated stage by stage: the
// total keeps a 16 MiB file from asking for billions of them (docs/scenario-format.md).
constexpr std::uint64_t max_funnel_items = 200'000;

// A funnel stage keeps the assumption its duration came from; an item's override of it has
// no place for one.
void set_duration(FunnelStage& stage, Estimate estimate) {
    stage.duration = std::move(estimate.value);
    stage.assumption = std::move(estimate.assumption);
}

void set_duration(ItemStage& stage, Estimate estimate) {
    stage.duration = std::move(estimate.value);
}

// The funnel's numbers for every stage, as an item meets them unless it gives its own.
std::vector<ItemStage> stages_of(const Funnel& funnel) {
    std::vector<ItemStage> stages;
    for (const auto& stage : funnel.stages)
        stages.push_back({stage.probability, stage.duration, {}});
    return stages;
}

// "01" .. "40": zero-padded to the width of the count, so generated ids sort in order.
std::vector<std::string> padded_numbers(std::uint64_t count) {
    const std::size_t width = std::to_string(count).size();
    std::vector<std::string> numbers;
    for (std::uint64_t i = 1; i <= count; ++i) {
        const std::string digits = std::to_string(i);
        numbers.push_back(std::string(width - digits.size(), '0') + digits);
    }
    return numbers;
}

}  // namespace

void FunnelReader::read(const YAML::Node& list) {
    if (!list || list.IsNull() || !expect_sequence(list, "", "funnels")) return;
    for (const auto& node : list)
        if (auto funnel = read_funnel(node)) draft_.scenario.funnels.push_back(std::move(*funnel));
}

std::optional<Funnel> FunnelReader::read_funnel(const YAML::Node& node) {
    if (!expect_map(node, "", "a funnel")) return std::nullopt;
    const std::string entity = written_id(node).value_or("funnel");
    check_keys(node, funnel_keys, entity);
    auto id = identifier(node, "", "funnel");
    Funnel funnel;
    funnel.where = where(node);
    funnel.id = id.value_or("");
    funnel.name = name_of(node, entity, funnel.id);
    funnel.tags = tags_of(node, entity);
    bool ok = read_stages(node, funnel, entity);
    if (const YAML::Node given = node["category"]) {
        const auto known = category(given, entity);
        if (known) funnel.category = *known;
        ok = ok && known;
    }
    const DefaultValue value = read_default_value(node, entity);
    ok = ok && (!value.given || value.value);
    // Funds and items can be checked as long as every stage they may name could be read.
    const bool staged = funnel.stages.size() >= 2 && funnel.stages.size() == node["stages"].size();
    if (staged) ok = read_contents(node, value, funnel) && ok;
    if (!id) return std::nullopt;
    const bool fresh = funnel_lines_.emplace(*id, funnel.where.line).second;
    if (has_own_id(node, *id, fresh) && ok && staged) return funnel;
    // A repeated id is no reason to leave out the funnel that first had it.
    if (fresh) draft_.left_out_funnels.insert(*id);
    return std::nullopt;
}

// Funnel and project ids both begin the full ids that dependencies name: each must be unique.
bool FunnelReader::has_own_id(const YAML::Node& node, const std::string& id, bool fresh) {
    if (!fresh) {
        problem(node, id,
                "duplicate funnel id (first defined at line " +
                    std::to_string(funnel_lines_.at(id)) + ")");
        return false;
    }
    for (const auto& project : draft_.scenario.projects) {
        if (project.id != id) continue;
        problem(node, id,
                "funnel id " + in_quotes(id) + " is already a project's id (project at line " +
                    std::to_string(project.where.line) + ")");
        return false;
    }
    return true;
}

// What the funnel holds once its stages are known: funds, items and batches.
bool FunnelReader::read_contents(const YAML::Node& node, const DefaultValue& value,
                                 Funnel& funnel) {
    bool ok = true;
    if (const YAML::Node funds = node["funds"]) {
        funnel.funds = read_funds(funds, funnel);
        ok = funnel.funds.has_value();
    }
    item_lines_.clear();
    read_items(node["items"], funnel, value);
    read_batches(node["batches"], funnel, value);
    return ok;
}

// ---- stages ------------------------------------------------------------------------------

bool FunnelReader::read_stages(const YAML::Node& map, Funnel& funnel, const std::string& entity) {
    const YAML::Node list = required(map, "stages", entity);
    if (!list || !expect_sequence(list, entity, "stages")) return false;
    bool ok = true;
    bool first = true;
    for (const auto& node : list) {
        ok = read_stage(node, funnel, first) && ok;
        first = false;
    }
    if (list.size() < 2) {
        problem(list, entity,
                "a funnel needs at least two stages, the one items enter at and one they "
                "convert to (got " +
                    std::to_string(list.size()) + ")");
        return false;
    }
    return ok;
}

bool FunnelReader::read_stage(const YAML::Node& node, Funnel& funnel, bool first) {
    if (!expect_map(node, funnel.id, "a stage")) return false;
    const std::string entity = funnel.id + "." + written_id(node).value_or("?");
    check_keys(node, stage_keys, entity);
    auto local = identifier(node, funnel.id, "stage");
    FunnelStage stage;
    stage.where = where(node);
    stage.id = local.value_or("?");
    stage.name = name_of(node, entity, local.value_or(""));
    if (auto why = node["why"])
        if (auto reason = text(why, entity, "why")) stage.why = *reason;
    bool ok = first ? enters_plainly(node, entity) : read_conversion(node, entity, stage);
    if (!local) return false;
    for (const auto& known : funnel.stages) {
        if (known.id != stage.id) continue;
        problem(node, entity,
                "duplicate stage id in funnel " + in_quotes(funnel.id) +
                    " (first defined at line " + std::to_string(known.where.line) + ")");
        return false;
    }
    funnel.stages.push_back(std::move(stage));
    return ok;
}

// Items enter at the first stage: there is nothing before it to convert from.
bool FunnelReader::enters_plainly(const YAML::Node& node, const std::string& entity) {
    bool plain = true;
    for (const std::string key : {"probability", "duration"}) {
        if (!node[key]) continue;
        problem(key_of(node, key), entity,
                "the first stage is where items enter: it takes no " + in_quotes(key));
        plain = false;
    }
    return plain;
}

// The chance of reaching a stage from the one before, and the days it takes, where given.
template <typename Stage>
bool FunnelReader::read_conversion(const YAML::Node& node, const std::string& entity,
                                   Stage& stage) {
    bool ok = true;
    if (const YAML::Node given = node["probability"]) {
        const auto chance = probability(given, entity);
        if (chance) stage.probability = *chance;
        ok = ok && chance;
    }
    if (auto estimate = quantities_.read_given(node, entity, duration_key, ok))
        set_duration(stage, std::move(*estimate));
    return ok;
}

FunnelReader::DefaultValue FunnelReader::read_default_value(const YAML::Node& map,
                                                            const std::string& entity) {
    bool ok = true;
    auto estimate = quantities_.read_given(map, entity, value_key, ok);
    if (!estimate) return {std::nullopt, !ok};
    return {std::move(estimate->value), true};
}

std::optional<FundsArrival> FunnelReader::read_funds(const YAML::Node& node, const Funnel& funnel) {
    const std::string& entity = funnel.id;
    if (!expect_map(node, entity, "'funds'")) return std::nullopt;
    check_keys(node, funds_keys, entity);
    FundsArrival funds;
    funds.where = where(node);
    std::optional<std::size_t> stage;
    if (const YAML::Node given = required(node, "stage", entity))
        stage = stage_of(funnel, given, entity);
    if (stage) funds.stage = funnel.stages[*stage].id;
    bool ok = stage.has_value();
    if (auto fraction =
            quantities_.read_given(node, entity, {"fraction", "fraction", Quantity::fraction}, ok))
        funds.fraction = std::move(fraction->value);
    if (auto days =
            quantities_.read_given(node, entity, {"days", "duration", Quantity::duration}, ok))
        funds.days = std::move(days->value);
    const auto spread = profile_of(node, entity);
    if (spread) funds.profile = *spread;
    if (!ok || !spread) return std::nullopt;
    return funds;
}

// ---- items -------------------------------------------------------------------------------

void FunnelReader::read_items(const YAML::Node& list, Funnel& funnel,
                              const DefaultValue& fallback) {
    if (!list || list.IsNull() || !expect_sequence(list, funnel.id, "items")) return;
    for (const auto& node : list) {
        auto item = read_item(node, funnel, fallback);
        if (!item) continue;
        const std::string local = item->id.substr(funnel.id.size() + 1);
        const auto [first, fresh] = item_lines_.emplace(local, item->where.line);
        if (!fresh) {
            problem(node, item->id,
                    "duplicate item id in funnel " + in_quotes(funnel.id) +
                        " (first defined at line " + std::to_string(first->second) + ")");
            continue;
        }
        funnel.items.push_back(std::move(*item));
        ++items_;
    }
}

std::optional<FunnelItem> FunnelReader::read_item(const YAML::Node& node, const Funnel& funnel,
                                                  const DefaultValue& fallback) {
    if (!expect_map(node, funnel.id, "an item")) return std::nullopt;
    FunnelItem item;
    item.where = where(node);
    item.id = funnel.id + "." + written_id(node).value_or("?");
    check_keys(node, item_keys, item.id);
    auto local = identifier(node, funnel.id, "item");
    item.name = name_of(node, item.id, local.value_or(""));
    item.stages = stages_of(funnel);
    const auto reached = reached_stage(node, item.id, funnel);
    auto value = item_value(node, item.id, fallback);
    bool ok = local && reached && value;
    if (const YAML::Node overrides = node["stages"])
        ok = read_overrides(overrides, funnel, item) && ok;
    if (!ok) {
        if (local) draft_.left_out_items.insert(item.id);
        return std::nullopt;
    }
    item.reached = *reached;
    item.value = std::move(*value);
    return item;
}

// Overrides are keyed by stage id: `signed: {probability: 0.9}`.
bool FunnelReader::read_overrides(const YAML::Node& map, const Funnel& funnel, FunnelItem& item) {
    if (!expect_map(map, item.id, "'stages'")) return false;
    bool ok = true;
    std::set<std::string> seen;
    for (const auto& entry : map) {
        const YAML::Node& key = entry.first;
        const YAML::Node& body = entry.second;
        const auto stage = stage_of(funnel, key, item.id);
        ok = ok && stage;
        if (!stage) continue;
        const std::string entity = item.id + "." + funnel.stages[*stage].id;
        if (*stage == 0) {
            problem(key, entity,
                    "items enter at the first stage " + in_quotes(funnel.stages[0].id) +
                        ": it takes no overrides");
            ok = false;
        } else if (!seen.insert(key.Scalar()).second) {
            problem(key, item.id, "duplicate key " + in_quotes(key.Scalar()));
            ok = false;
        } else if (expect_map(body, entity, "a stage override")) {
            check_keys(body, override_keys, entity);
            ok = read_conversion(body, entity, item.stages[*stage]) && ok;
            if (const YAML::Node after = body["after"])
                dependencies_.defer(entity, item.where, after, "");
        } else {
            ok = false;
        }
    }
    return ok;
}

// Where an item stood at the status date: its `at` stage, else the first.
std::optional<std::size_t> FunnelReader::reached_stage(const YAML::Node& map,
                                                       const std::string& entity,
                                                       const Funnel& funnel) {
    const YAML::Node at = map["at"];
    if (!at) return 0;
    return stage_of(funnel, at, entity);
}

std::optional<Distribution> FunnelReader::item_value(const YAML::Node& map,
                                                     const std::string& entity,
                                                     const DefaultValue& fallback) {
    bool ok = true;
    if (auto own = quantities_.read_given(map, entity, value_key, ok)) return own->value;
    if (!ok) return std::nullopt;
    if (fallback.value) return fallback.value;
    // A faulty funnel value is the funnel's problem, reported with it.
    constexpr std::array<std::string_view, 1> value_only{"value"};
    if (!fallback.given && lacks_all(map, value_only))
        problem(map, entity, "no value: give it a 'value', or give its funnel one");
    return std::nullopt;
}

// ---- batches -----------------------------------------------------------------------------

void FunnelReader::read_batches(const YAML::Node& list, Funnel& funnel,
                                const DefaultValue& fallback) {
    if (!list || list.IsNull() || !expect_sequence(list, funnel.id, "batches")) return;
    for (const auto& node : list) read_batch(node, funnel, fallback);
}

// "40 leads like this": items <batch>-01 .. <batch>-40 with the funnel's stage numbers.
void FunnelReader::read_batch(const YAML::Node& node, Funnel& funnel,
                              const DefaultValue& fallback) {
    if (!expect_map(node, funnel.id, "a batch")) return;
    const std::string entity = funnel.id + "." + written_id(node).value_or("?");
    check_keys(node, batch_keys, entity);
    auto local = identifier(node, funnel.id, "batch");
    const std::string name = name_of(node, entity, local.value_or(""));
    // The reason is for the reader of the file; checking it is text is all there is to do.
    if (auto why = node["why"]) text(why, entity, "why");
    std::optional<std::uint64_t> count;
    if (const YAML::Node given = required(node, "count", entity))
        count = whole_number(given, entity, "count", batch_sizes);
    const auto reached = reached_stage(node, entity, funnel);
    const auto value = item_value(node, entity, fallback);
    bool arrival_ok = true;
    const auto arrival = quantities_.read_given(node, entity, arrival_key, arrival_ok);
    if (arrival && reached && *reached > 0) {
        problem(node["arrival"], entity,
                "'arrival' is for items still to enter the funnel, at its first stage; these "
                "are at " +
                    in_quotes(funnel.stages[*reached].id));
        arrival_ok = false;
    }
    if (!local || !count) return;
    if (items_ + *count > max_funnel_items) {
        problem(node["count"], entity,
                "this batch would bring the funnels to " + std::to_string(items_ + *count) +
                    " items; a scenario may have at most " + std::to_string(max_funnel_items));
        return;
    }
    items_ += *count;
    const std::vector<std::string> numbers = padded_numbers(*count);
    if (!reached || !value || !arrival_ok || clashes(node, entity, *local, numbers)) {
        for (const auto& number : numbers)
            draft_.left_out_items.insert(funnel.id + "." + *local + "-" + number);
        return;
    }
    std::vector<ItemStage> stages = stages_of(funnel);
    // Items that are still to come enter the funnel some days after the status date.
    if (arrival) stages.front().duration = arrival->value;
    const SourceLocation place = where(node);
    for (const auto& number : numbers) {
        item_lines_.emplace(*local + "-" + number, place.line);
        funnel.items.push_back({funnel.id + "." + *local + "-" + number, name + " " + number,
                                *reached, *value, stages, place});
    }
}

bool FunnelReader::clashes(const YAML::Node& node, const std::string& entity,
                           const std::string& batch, const std::vector<std::string>& numbers) {
    for (const auto& number : numbers) {
        const std::string id = batch + "-" + number;
        const auto taken = item_lines_.find(id);
        if (taken == item_lines_.end()) continue;
        problem(node, entity,
                "batch " + in_quotes(batch) + " generates item " + in_quotes(id) +
                    ", which clashes with item " + in_quotes(id) + " defined at line " +
                    std::to_string(taken->second));
        return true;
    }
    return false;
}

}  // namespace pipesim::io
