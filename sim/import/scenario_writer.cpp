#include "import/scenario_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/overloaded.hpp"

namespace pipesim::import {
namespace {

// Scenario ids: lowercase ASCII letters, digits, '-' and '_'.
std::string id_from(std::string_view text) {
    std::string id;
    for (const char c : text) {
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        const bool fits = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ||
                          lower == '-' || lower == '_';
        if (fits)
            id += lower;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id;
}

// A double-quoted YAML scalar: any text reads back unchanged.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Days to 1/10,000 of a day, in the shortest form that reads back the same.
std::string number(double value) {
    value = std::round(value * 1e4) / 1e4;
    if (value == 0) value = 0;  // no "-0"
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, end);
}

std::string distribution_text(const Distribution& range) {
    return std::visit(Overloaded{
                          [](const FixedDistribution& d) { return number(d.value); },
                          [](const UniformDistribution& d) {
                              return "{dist: uniform, min: " + number(d.min) +
                                     ", max: " + number(d.max) + "}";
                          },
                          [](const TriangularDistribution& d) {
                              return "{dist: triangular, min: " + number(d.min) +
                                     ", mode: " + number(d.mode) + ", max: " + number(d.max) + "}";
                          },
                          [](const PertDistribution& d) {
                              return "{dist: pert, min: " + number(d.min) +
                                     ", mode: " + number(d.mode) + ", max: " + number(d.max) + "}";
                          },
                          [](const auto&) { return std::string("0"); },
                      },
                      range);
}

std::string joined(const std::vector<std::string>& parts, std::string_view glue) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : std::string(glue)) + part;
    return text;
}

bool is_milestone(const ImportedActivity& activity) {
    return activity.kind != ImportedKind::work;
}

// The day a milestone that has happened is dated on.
std::optional<Date> milestone_day(const ImportedActivity& activity) {
    return activity.actual_finish ? activity.actual_finish : activity.actual_start;
}

class ScenarioWriter {
  public:
    ScenarioWriter(const ImportedSchedule& schedule, const UncertaintyRules& rules,
                   std::vector<Problem>& warnings)
        : schedule_(schedule), rules_(rules), warnings_(warnings) {
        for (const ImportedLink& link : schedule_.links)
            successors_[link.successor].push_back(link);
    }

    std::string write(const std::string& source) {
        settle_dates();
        group_into_projects();
        out_ += "# Imported from " + source + " by `pipesim import`: durations are calendar\n";
        out_ += "# days spanned by the file's working days; ranges from the uncertainty rules.\n";
        out_ += "pipesim: 1\nplan:\n  name: " + quoted(schedule_.name) + "\n";
        out_ += "  start: " + start_.iso() + "\n";
        if (status_) out_ += "  status_date: " + status_->iso() + "\n";
        out_ += "  horizon: " + horizon_.iso() + "\n";
        if (!schedule_.currency.empty()) out_ += "  currency: " + quoted(schedule_.currency) + "\n";
        out_ += "projects:\n";
        for (const auto& project : projects_) write_project(project);
        return std::move(out_);
    }

  private:
    struct Group {
        std::string id;
        std::string name;
        std::string wbs;
        std::vector<std::size_t> members;  // activity indices, in file order
    };

    void warn(const SourceLocation& where, const std::string& entity, const std::string& reason) {
        warnings_.push_back({where, entity, reason});
    }

    // The plan starts by the first date the file gives and the status date lies after every
    // actual finish and on or after every actual start, so the scenario is valid.
    void settle_dates() {
        start_ = schedule_.start;
        Date latest = std::max(schedule_.finish, schedule_.start);
        for (const ImportedActivity& a : schedule_.activities) {
            for (const auto& day : {a.actual_start, a.actual_finish, a.planned_start,
                                    a.start_no_earlier_than, a.finish_no_later_than})
                if (day) latest = std::max(latest, *day);
            if (a.actual_start && *a.actual_start < start_) {
                warn(a.where, a.code, "actual start before the plan start: the plan starts then");
                start_ = *a.actual_start;
            }
        }
        status_ = schedule_.status_date;
        if (status_)
            for (const ImportedActivity& a : schedule_.activities) {
                const auto finish = is_milestone(a) ? milestone_day(a) : a.actual_finish;
                Date needed = *status_;
                if (finish) needed = std::max(needed, finish->plus_days(1));
                if (a.actual_start) needed = std::max(needed, *a.actual_start);
                if (needed > *status_) {
                    warn(a.where, a.code,
                         "actual dates after the data date " + status_->iso() +
                             ": the status date is moved to " + needed.iso());
                    status_ = needed;
                }
            }
        if (status_) latest = std::max(latest, *status_);
        // Room for late tails: twice the plan's length, and at least a year.
        horizon_ = latest.plus_days(std::max(365, 2 * (latest - start_)));
    }

    void group_into_projects() {
        std::map<std::string, std::size_t> index;  // by WBS path
        std::set<std::string> project_ids;
        for (std::size_t i = 0; i < schedule_.activities.size(); ++i) {
            const ImportedActivity& a = schedule_.activities[i];
            const std::string path = joined(a.wbs, "/");
            auto [it, fresh] = index.emplace(path, projects_.size());
            if (fresh) {
                Group group;
                group.wbs = path;
                std::string id = id_from(joined(a.wbs, "-"));
                if (id.empty()) id = id_from(schedule_.name);
                group.id = unique(id.empty() ? "project" : id, project_ids);
                group.name = a.wbs.empty() ? schedule_.name : joined(a.wbs_names, " / ");
                projects_.push_back(std::move(group));
            }
            projects_[it->second].members.push_back(i);
        }
        for (const Group& group : projects_) {
            std::set<std::string> local;
            for (std::size_t i : group.members) {
                const ImportedActivity& a = schedule_.activities[i];
                std::string id = id_from(a.code.empty() ? a.key : a.code);
                full_id_[a.key] = group.id + "." + unique(id.empty() ? "activity" : id, local);
                // A work activity with a finish target gets a milestone that carries it.
                if (a.finish_no_later_than && !is_milestone(a))
                    target_id_[a.key] = unique(
                        id_from(full_id_[a.key].substr(group.id.size() + 1)) + "-finish", local);
            }
        }
    }

    static std::string unique(const std::string& id, std::set<std::string>& taken) {
        std::string candidate = id;
        for (int n = 2; !taken.insert(candidate).second; ++n)
            candidate = id + "-" + std::to_string(n);
        return candidate;
    }

    const WorkCalendar& calendar_of(const ImportedActivity& a) const {
        return schedule_.calendars[a.calendar];
    }

    // A finish no later than day D leaves the days off after D: the target is the last
    // day before work resumes, where a finish counted in calendar days lands.
    Date target_day(const ImportedActivity& a, Date day) const {
        return calendar_of(a).next_working_day(day.plus_days(1)).plus_days(-1);
    }

    std::string links_of(const ImportedActivity& a) const {
        std::string list;
        for (const ImportedLink& link : links_by_successor(a.key)) {
            const WorkCalendar& calendar = calendar_of(a);
            const Date from = a.planned_start.value_or(start_);
            double lag = calendar.calendar_days(from, std::abs(link.lag_working_days));
            if (link.lag_working_days < 0) lag = -lag;
            std::string entry = "{id: " + full_id_.at(link.predecessor);
            if (link.type != LinkType::fs)
                entry += ", type: " + std::string(link.type == LinkType::ss   ? "SS"
                                                  : link.type == LinkType::ff ? "FF"
                                                                              : "SF");
            if (lag != 0) entry += ", lag: " + number(lag);
            list += (list.empty() ? "" : ", ") + entry + "}";
        }
        return list;
    }

    const std::vector<ImportedLink>& links_by_successor(const std::string& key) const {
        static const std::vector<ImportedLink> none;
        const auto it = successors_.find(key);
        return it == successors_.end() ? none : it->second;
    }

    std::string local_id(const std::string& key) const {
        const std::string& full = full_id_.at(key);
        return full.substr(full.find('.') + 1);
    }

    void write_project(const Group& group) {
        out_ += "  - id: " + group.id + "\n    name: " + quoted(group.name) + "\n";
        out_ += "    category: other\n";
        if (!group.wbs.empty()) out_ += "    tags: [" + quoted("wbs:" + group.wbs) + "]\n";
        std::string work, events;
        for (std::size_t i : group.members) {
            const ImportedActivity& a = schedule_.activities[i];
            if (is_milestone(a)) {
                events += milestone_text(a);
                continue;
            }
            work += activity_text(a);
            if (a.finish_no_later_than)
                events += "      - id: " + target_id_.at(a.key) +
                          "\n        name: " + quoted(a.name + " (finish)") +
                          "\n        target: " + target_day(a, *a.finish_no_later_than).iso() +
                          "\n        after: [" + local_id(a.key) + "]\n";
        }
        if (!work.empty()) out_ += "    activities:\n" + work;
        if (!events.empty()) out_ += "    milestones:\n" + events;
    }

    std::string activity_text(const ImportedActivity& a) const {
        const WorkCalendar& calendar = calendar_of(a);
        const UncertaintyRule& rule = rules_.rule_for(a);
        const double days =
            calendar.calendar_days(a.planned_start.value_or(start_), a.working_days);
        std::string text = "      - id: " + local_id(a.key) + "\n        name: " + quoted(a.name) +
                           "\n        duration: " + distribution_text(range_around(rule, days)) +
                           "\n";
        text += common_text(a);
        if (a.cost && *a.cost != 0) text += "        cost: {amount: " + number(*a.cost) + "}\n";
        if (a.actual_start) text += "        actual_start: " + a.actual_start->iso() + "\n";
        if (a.actual_finish) text += "        actual_finish: " + a.actual_finish->iso() + "\n";
        if (a.actual_start && !a.actual_finish) {
            const double left = calendar.calendar_days(status_.value_or(start_),
                                                       a.remaining_working_days.value_or(0));
            text += "        remaining: " + distribution_text(range_around(rule, left)) + "\n";
        }
        return text;
    }

    std::string milestone_text(const ImportedActivity& a) const {
        std::string text =
            "      - id: " + local_id(a.key) + "\n        name: " + quoted(a.name) + "\n";
        if (a.finish_no_later_than)
            text += "        target: " + target_day(a, *a.finish_no_later_than).iso() + "\n";
        text += common_text(a);
        if (a.cost && *a.cost != 0) text += "        cost: {at_finish: " + number(*a.cost) + "}\n";
        if (const auto day = milestone_day(a))
            text += "        actual_finish: " + day->iso() + "\n";
        return text;
    }

    std::string common_text(const ImportedActivity& a) const {
        std::string text;
        if (const std::string after = links_of(a); !after.empty())
            text += "        after: [" + after + "]\n";
        if (a.start_no_earlier_than && !a.actual_start && !(is_milestone(a) && milestone_day(a)))
            text += "        start_no_earlier_than: " + a.start_no_earlier_than->iso() + "\n";
        return text;
    }

    const ImportedSchedule& schedule_;
    const UncertaintyRules& rules_;
    std::vector<Problem>& warnings_;
    Date start_;
    std::optional<Date> status_;
    Date horizon_;
    std::vector<Group> projects_;
    std::unordered_map<std::string, std::string> full_id_;    // by key
    std::unordered_map<std::string, std::string> target_id_;  // by key: finish milestones
    std::unordered_map<std::string, std::vector<ImportedLink>> successors_;  // by key
    std::string out_;
};

}  // namespace

std::string write_scenario(const ImportedSchedule& schedule, const UncertaintyRules& rules,
                           const std::string& source, std::vector<Problem>& warnings) {
    return ScenarioWriter(schedule, rules, warnings).write(source);
}

}  // namespace pipesim::import
