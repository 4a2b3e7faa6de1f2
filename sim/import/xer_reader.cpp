#include "import/xer_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "import/xer_calendar.hpp"
#include "import/xer_tables.hpp"

namespace pipesim::import {
namespace {

struct WbsNode {
    std::string parent;
    std::string code;
    std::string name;
    bool project_root = false;
};

class XerReader {
  public:
    XerReader(const XerTables& tables, const std::string& file) : tables_(tables), file_(file) {}

    ImportedSchedule read() {
        read_project();
        read_calendars();
        read_wbs();
        read_costs();
        read_tasks();
        read_links();
        return std::move(schedule_);
    }

  private:
    SourceLocation at(const XerRow& row) const { return {file_, row.line, 0}; }

    [[noreturn]] void refuse(const XerTable& table, const XerRow& row,
                             const std::string& reason) const {
        throw InputError(at(row), table.name(), reason);
    }
    void warn(const XerTable& table, const XerRow& row, const std::string& reason) {
        schedule_.warnings.push_back({at(row), table.name(), reason});
    }

    const XerTable& required_table(std::string_view name,
                                   std::initializer_list<const char*> fields) {
        const XerTable* table = tables_.find(name);
        if (!table)
            throw InputError({file_, 0, 0}, std::string(name),
                             "the XER file has no " + std::string(name) + " table");
        for (const char* field : fields)
            if (!table->has(field))
                throw InputError({file_, table->line(), 0}, table->name(),
                                 "the table has no field '" + std::string(field) + "'");
        return *table;
    }

    std::optional<Date> date_of(const XerTable& table, const XerRow& row, std::string_view field) {
        const std::string_view written = table.get(row, field);
        if (written.empty()) return std::nullopt;
        const auto day = Date::parse(written.substr(0, 10));
        if (!day || (written.size() > 10 && written[10] != ' '))
            refuse(table, row,
                   std::string(field) + " '" + std::string(written) +
                       "' is not a date 'YYYY-MM-DD hh:mm'");
        return day;
    }

    double number_of(const XerTable& table, const XerRow& row, std::string_view field) {
        const std::string_view written = table.get(row, field);
        if (written.empty()) return 0;
        double value = 0;
        const auto [end, error] =
            std::from_chars(written.data(), written.data() + written.size(), value);
        if (error != std::errc{} || end != written.data() + written.size() || !(value == value))
            refuse(table, row,
                   std::string(field) + " '" + std::string(written) + "' is not a number");
        return value;
    }

    // Hours in `field` as working days of `calendar`.
    double working_days_of(const XerTable& table, const XerRow& row, std::string_view field,
                           const WorkCalendar& calendar) {
        const double days = number_of(table, row, field) / calendar.hours_per_day();
        if (!(std::abs(days) <= longest_span_working_days))
            refuse(table, row,
                   std::string(field) + " '" + std::string(table.get(row, field)) +
                       "' is more than a century of working days");
        return days;
    }

    void read_project() {
        const XerTable& projects = required_table("PROJECT", {"proj_id", "plan_start_date"});
        if (projects.rows().empty())
            throw InputError({file_, projects.line(), 0}, "PROJECT", "the table has no row");
        const XerRow& row = projects.rows().front();
        if (projects.rows().size() > 1)
            warn(projects, projects.rows()[1],
                 "more than one project: dates and the data date are the first one's");
        project_id_ = std::string(projects.get(row, "proj_id"));
        schedule_.name = std::string(projects.get(row, "proj_short_name"));
        const auto start = date_of(projects, row, "plan_start_date");
        if (!start) refuse(projects, row, "the project has no plan_start_date");
        schedule_.start = *start;
        schedule_.finish = date_of(projects, row, "scd_end_date")
                               .value_or(date_of(projects, row, "plan_end_date").value_or(*start));
        data_date_ = date_of(projects, row, "last_recalc_date");
        default_calendar_ = std::string(projects.get(row, "clndr_id"));
    }

    void read_calendars() {
        schedule_.calendars.push_back(
            WorkCalendar("Monday to Friday", {true, true, true, true, true, false, false}, 8));
        const XerTable* calendars = tables_.find("CALENDAR");
        if (!calendars) return;
        for (const XerRow& row : calendars->rows()) {
            double hours = number_of(*calendars, row, "day_hr_cnt");
            if (hours <= 0) hours = 8;
            std::vector<std::string> unsupported;
            WorkCalendar calendar =
                read_p6_calendar(std::string(calendars->get(row, "clndr_name")),
                                 calendars->get(row, "clndr_data"), hours, unsupported);
            for (const auto& reason : unsupported)
                warn(*calendars, row, "calendar '" + calendar.name() + "': " + reason);
            const std::string id(calendars->get(row, "clndr_id"));
            // The project's own calendar takes the place of the default, first.
            if (id == default_calendar_) {
                schedule_.calendars.front() = std::move(calendar);
                calendar_index_[id] = 0;
            } else {
                calendar_index_[id] = schedule_.calendars.size();
                schedule_.calendars.push_back(std::move(calendar));
            }
        }
    }

    void read_wbs() {
        const XerTable* wbs = tables_.find("PROJWBS");
        if (!wbs) return;
        for (const XerRow& row : wbs->rows()) {
            const bool root = wbs->get(row, "proj_node_flag") == "Y";
            const std::string name(wbs->get(row, "wbs_name"));
            // The project's own node carries its full name.
            if (root && !name.empty() && wbs->get(row, "proj_id") == project_id_)
                schedule_.name = name;
            wbs_[std::string(wbs->get(row, "wbs_id"))] = {
                std::string(wbs->get(row, "parent_wbs_id")),
                std::string(wbs->get(row, "wbs_short_name")), name, root};
        }
    }

    // The WBS path from the top, below the project's own node; a loop in the parents ends it.
    void wbs_path(const std::string& id, ImportedActivity& activity) const {
        std::string at = id;
        for (std::size_t depth = 0; depth < wbs_.size(); ++depth) {
            const auto it = wbs_.find(at);
            if (it == wbs_.end() || it->second.project_root) break;
            activity.wbs.insert(activity.wbs.begin(), it->second.code);
            activity.wbs_names.insert(activity.wbs_names.begin(), it->second.name);
            at = it->second.parent;
        }
    }

    void read_costs() {
        const XerTable* assignments = tables_.find("TASKRSRC");
        if (!assignments || !assignments->has("target_cost")) return;
        for (const XerRow& row : assignments->rows())
            costs_[std::string(assignments->get(row, "task_id"))] +=
                number_of(*assignments, row, "target_cost");
    }

    std::size_t calendar_of(const XerTable& tasks, const XerRow& row) {
        const std::string id(tasks.get(row, "clndr_id"));
        if (id.empty()) return 0;
        const auto it = calendar_index_.find(id);
        if (it != calendar_index_.end()) return it->second;
        warn(tasks, row, "unknown calendar " + id + ": the project's calendar is used");
        return 0;
    }

    std::optional<ImportedKind> kind_of(const XerTable& tasks, const XerRow& row) {
        const std::string_view type = tasks.get(row, "task_type");
        if (type == "TT_Task" || type == "TT_Rsrc" || type.empty()) return ImportedKind::work;
        if (type == "TT_Mile") return ImportedKind::start_milestone;
        if (type == "TT_FinMile") return ImportedKind::finish_milestone;
        if (type == "TT_LOE" || type == "TT_WBS") {
            warn(tasks, row,
                 std::string(type) + " (level of effort or WBS summary) activity " +
                     std::string(tasks.get(row, "task_code")) +
                     " is not imported: it follows other work rather than doing its own");
            return std::nullopt;
        }
        warn(tasks, row, "unknown task_type '" + std::string(type) + "': taken as a task");
        return ImportedKind::work;
    }

    void read_constraint(const XerTable& tasks, const XerRow& row, std::string_view type_field,
                         std::string_view date_field, ImportedActivity& activity) {
        const std::string_view type = tasks.get(row, type_field);
        if (type.empty()) return;
        const bool on_start = type == "CS_MSOA" || type == "CS_MSO" || type == "CS_MANDSTART";
        const bool on_finish = type == "CS_MEOB" || type == "CS_MEO" || type == "CS_MANDFIN";
        if (!on_start && !on_finish) {
            warn(tasks, row, "constraint " + std::string(type) + " is not supported: ignored");
            return;
        }
        const auto day = date_of(tasks, row, date_field);
        if (!day) {
            warn(tasks, row, "constraint " + std::string(type) + " without a date: ignored");
            return;
        }
        (on_start ? activity.start_no_earlier_than : activity.finish_no_later_than) = day;
        if (type != "CS_MSOA" && type != "CS_MEOB")
            warn(tasks, row,
                 std::string(type) + " is kept as " +
                     (on_start ? "'start no earlier than'" : "a target 'finish no later than'"));
    }

    void read_progress(const XerTable& tasks, const XerRow& row, ImportedActivity& activity) {
        const std::string_view status = tasks.get(row, "status_code");
        if (status == "TK_NotStart" || status.empty()) return;
        activity.actual_start = date_of(tasks, row, "act_start_date");
        if (status == "TK_Complete") {
            activity.actual_finish = date_of(tasks, row, "act_end_date");
            if (!activity.actual_finish) activity.actual_finish = activity.actual_start;
            if (!activity.actual_start) activity.actual_start = activity.actual_finish;
        } else if (status == "TK_Active") {
            activity.remaining_working_days = working_days_of(
                tasks, row, "remain_drtn_hr_cnt", schedule_.calendars[activity.calendar]);
        } else {
            warn(tasks, row, "unknown status_code '" + std::string(status) + "': not started");
            activity.actual_start.reset();
            return;
        }
        if (!activity.actual_start) {
            warn(tasks, row, "activity in progress without an act_start_date: not started");
            activity.actual_finish.reset();
            activity.remaining_working_days.reset();
        }
    }

    void read_tasks() {
        const XerTable& tasks =
            required_table("TASK", {"task_id", "task_code", "task_name", "target_drtn_hr_cnt"});
        for (const XerRow& row : tasks.rows()) {
            const auto kind = kind_of(tasks, row);
            if (!kind) continue;
            ImportedActivity activity;
            activity.key = std::string(tasks.get(row, "task_id"));
            if (activity.key.empty()) refuse(tasks, row, "an activity without task_id");
            activity.code = std::string(tasks.get(row, "task_code"));
            activity.name = std::string(tasks.get(row, "task_name"));
            activity.kind = *kind;
            activity.calendar = calendar_of(tasks, row);
            activity.working_days = working_days_of(tasks, row, "target_drtn_hr_cnt",
                                                    schedule_.calendars[activity.calendar]);
            if (activity.working_days < 0) refuse(tasks, row, "target_drtn_hr_cnt is negative");
            wbs_path(std::string(tasks.get(row, "wbs_id")), activity);
            activity.planned_start = date_of(tasks, row, "early_start_date");
            if (!activity.planned_start)
                activity.planned_start = date_of(tasks, row, "target_start_date");
            read_constraint(tasks, row, "cstr_type", "cstr_date", activity);
            read_constraint(tasks, row, "cstr_type2", "cstr_date2", activity);
            read_progress(tasks, row, activity);
            if (const auto cost = costs_.find(activity.key); cost != costs_.end())
                activity.cost = cost->second;
            activity.where = at(row);
            if (!known_.insert(activity.key).second)
                refuse(tasks, row, "task_id " + activity.key + " is given twice");
            schedule_.activities.push_back(std::move(activity));
        }
        const bool progress =
            std::any_of(schedule_.activities.begin(), schedule_.activities.end(),
                        [](const ImportedActivity& a) { return a.actual_start.has_value(); });
        if (progress) schedule_.status_date = data_date_.value_or(schedule_.start);
    }

    void read_links() {
        const XerTable* links = tables_.find("TASKPRED");
        if (!links) return;
        static const std::map<std::string_view, LinkType> types{{"PR_FS", LinkType::fs},
                                                                {"PR_SS", LinkType::ss},
                                                                {"PR_FF", LinkType::ff},
                                                                {"PR_SF", LinkType::sf}};
        for (const XerRow& row : links->rows()) {
            ImportedLink link;
            link.successor = std::string(links->get(row, "task_id"));
            link.predecessor = std::string(links->get(row, "pred_task_id"));
            link.where = at(row);
            const std::string_view type = links->get(row, "pred_type");
            const auto known = types.find(type);
            if (known == types.end()) {
                warn(*links, row,
                     "unknown relationship type '" + std::string(type) + "': left out");
                continue;
            }
            if (!known_.contains(link.predecessor) || !known_.contains(link.successor)) {
                warn(*links, row,
                     "link from task_id " + link.predecessor + " to task_id " + link.successor +
                         ": " +
                         (known_.contains(link.predecessor) ? link.successor : link.predecessor) +
                         " is not an imported task: left out");
                continue;
            }
            link.type = known->second;
            link.lag_working_days =
                working_days_of(*links, row, "lag_hr_cnt", schedule_.calendars.front());
            schedule_.links.push_back(std::move(link));
        }
    }

    const XerTables& tables_;
    const std::string& file_;
    ImportedSchedule schedule_;
    std::string project_id_;
    std::string default_calendar_;
    std::optional<Date> data_date_;
    std::unordered_map<std::string, std::size_t> calendar_index_;
    std::unordered_map<std::string, WbsNode> wbs_;
    std::unordered_map<std::string, double> costs_;
    std::unordered_set<std::string> known_;  // task ids imported
};

}  // namespace

ImportedSchedule read_xer(std::string_view text, const std::string& file) {
    const XerTables tables = read_xer_tables(text, file);
    return XerReader(tables, file).read();
}

}  // namespace pipesim::import
