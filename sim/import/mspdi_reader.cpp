#include "import/mspdi_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "import/xml_document.hpp"

namespace pipesim::import {
namespace {

constexpr std::string_view mspdi_namespace = "http://schemas.microsoft.com/project";

class MspdiReader {
  public:
    explicit MspdiReader(const std::string& file) : file_(file) {}

    ImportedSchedule read(const XmlElement& project) {
        if (project.name != "Project" || !declares_namespace(project))
            refuse(project, "not an MS Project XML file: the root is not <Project xmlns=\"" +
                                std::string(mspdi_namespace) + "\">");
        schedule_.name = project.text_of("Title").value_or(project.text_of("Name").value_or(""));
        schedule_.currency = project.text_of("CurrencyCode").value_or("");
        const auto start = date_in(project, "StartDate");
        if (!start) refuse(project, "the project has no <StartDate>");
        schedule_.start = *start;
        schedule_.finish = date_in(project, "FinishDate").value_or(*start);
        if (const auto minutes = project.child("MinutesPerDay"))
            hours_per_day_ = number(*minutes) / 60;
        if (hours_per_day_ <= 0) refuse(project, "<MinutesPerDay> must be positive");
        read_calendars(project, project.text_of("CalendarUID").value_or(""));
        read_tasks(project);
        if (std::any_of(schedule_.activities.begin(), schedule_.activities.end(),
                        [](const ImportedActivity& a) { return a.actual_start.has_value(); }))
            schedule_.status_date = date_in(project, "StatusDate").value_or(schedule_.start);
        return std::move(schedule_);
    }

  private:
    SourceLocation at(const XmlElement& element) const {
        return {file_, element.line, element.column};
    }
    [[noreturn]] void refuse(const XmlElement& element, const std::string& reason) const {
        throw InputError(at(element), "<" + element.name + ">", reason);
    }
    void warn(const XmlElement& element, const std::string& reason) {
        schedule_.warnings.push_back({at(element), "<" + element.name + ">", reason});
    }

    static bool declares_namespace(const XmlElement& element) {
        for (const auto& [name, value] : element.attributes)
            if (name == "xmlns" && value == mspdi_namespace) return true;
        return false;
    }

    // The element's whole text as a Value: from_chars refuses anything else, a value out
    // of Value's range included.
    template <typename Value>
    Value parsed(const XmlElement& element, const char* kind) const {
        Value value{};
        const std::string& text = element.text;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc{} || end != text.data() + text.size())
            refuse(element, "'" + text + "' is not " + kind);
        return value;
    }

    double number(const XmlElement& element) const { return parsed<double>(element, "a number"); }

    // MSPDI's enumerations (day types, constraint types) are whole numbers; reading one
    // as a double and casting would overflow on a value such as 1e60.
    int code(const XmlElement& element) const { return parsed<int>(element, "a whole number"); }

    // "2024-01-15T08:00:00": the day.
    std::optional<Date> date_in(const XmlElement& parent, std::string_view name) const {
        const XmlElement* element = parent.child(name);
        if (!element || element->text.empty()) return std::nullopt;
        const auto day = Date::parse(std::string_view(element->text).substr(0, 10));
        if (!day || (element->text.size() > 10 && element->text[10] != 'T'))
            refuse(*element, "'" + element->text + "' is not a date 'YYYY-MM-DDThh:mm:ss'");
        return day;
    }

    // "PT80H0M0S": working hours as working days.
    std::optional<double> working_days_in(const XmlElement& parent, std::string_view name) const {
        const XmlElement* element = parent.child(name);
        if (!element) return std::nullopt;
        std::string_view text = element->text;
        if (!text.starts_with('P')) refuse(*element, "'" + element->text + "' is not a duration");
        text.remove_prefix(1);
        double hours = 0;
        while (!text.empty()) {
            if (text.front() == 'T') {
                text.remove_prefix(1);
                continue;
            }
            double value = 0;
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), value);
            if (error != std::errc{} || end == text.data() + text.size())
                refuse(*element, "'" + element->text + "' is not a duration 'PTnHnMnS'");
            const char unit = *end;
            const double per_unit = unit == 'D'   ? hours_per_day_
                                    : unit == 'H' ? 1
                                    : unit == 'M' ? 1.0 / 60
                                    : unit == 'S' ? 1.0 / 3600
                                                  : -1;
            if (per_unit < 0)
                refuse(*element, "'" + element->text + "' is not a duration 'PTnHnMnS'");
            hours += value * per_unit;
            text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
        }
        return span(*element, hours / hours_per_day_);
    }

    double span(const XmlElement& element, double working_days) const {
        if (!(std::abs(working_days) <= longest_span_working_days))
            refuse(element, "'" + element.text + "' is more than a century of working days");
        return working_days;
    }

    void read_calendars(const XmlElement& project, const std::string& default_uid) {
        schedule_.calendars.push_back(WorkCalendar(
            "Monday to Friday", {true, true, true, true, true, false, false}, hours_per_day_));
        const XmlElement* calendars = project.child("Calendars");
        if (!calendars) return;
        for (const XmlElement& element : calendars->children) {
            if (element.name != "Calendar") continue;
            WorkCalendar calendar = read_calendar(element);
            const std::string uid = element.text_of("UID").value_or("");
            if (uid == default_uid) {
                schedule_.calendars.front() = std::move(calendar);
                calendar_index_[uid] = 0;
            } else {
                calendar_index_[uid] = schedule_.calendars.size();
                schedule_.calendars.push_back(std::move(calendar));
            }
        }
    }

    // Week days 1 (Sunday) to 7; day type 0 is an exception over a span of dates.
    WorkCalendar read_calendar(const XmlElement& element) {
        if (element.child("BaseCalendarUID") &&
            element.text_of("BaseCalendarUID") != std::optional<std::string>("-1"))
            warn(element, "a calendar derived from a base calendar is read on its own days");
        std::array<bool, 7> works{true, true, true, true, true, false, false};
        std::vector<std::pair<const XmlElement*, bool>> exceptions;
        if (const XmlElement* weekdays = element.child("WeekDays"))
            for (const XmlElement& day : weekdays->children) {
                const XmlElement* day_type = day.child("DayType");
                if (!day_type) refuse(day, "a <WeekDay> without <DayType>");
                const int type = code(*day_type);
                const bool working = day.text_of("DayWorking") == std::optional<std::string>("1");
                if (type >= 1 && type <= 7)
                    works[static_cast<std::size_t>((type + 5) % 7)] = working;
                else if (type == 0)
                    exceptions.emplace_back(&day, working);
            }
        if (const XmlElement* list = element.child("Exceptions"))
            for (const XmlElement& exception : list->children)
                exceptions.emplace_back(
                    &exception, exception.text_of("DayWorking") == std::optional<std::string>("1"));
        WorkCalendar calendar(element.text_of("Name").value_or(""), works, hours_per_day_);
        for (const auto& [exception, working] : exceptions) {
            const XmlElement* period = exception->child("TimePeriod");
            const auto from = period ? date_in(*period, "FromDate") : std::nullopt;
            const auto to = period ? date_in(*period, "ToDate") : std::nullopt;
            if (!from || !to || *to < *from) {
                warn(*exception, "an exception without a <TimePeriod> of dates: ignored");
                continue;
            }
            for (Date day = *from; day <= *to; day = day.plus_days(1))
                working ? calendar.add_working_day(day) : calendar.add_holiday(day);
        }
        return calendar;
    }

    std::size_t calendar_of(const XmlElement& task) {
        const auto uid = task.text_of("CalendarUID");
        if (!uid || *uid == "-1") return 0;
        const auto it = calendar_index_.find(*uid);
        if (it != calendar_index_.end()) return it->second;
        warn(task, "unknown calendar " + *uid + ": the project's calendar is used");
        return 0;
    }

    void read_tasks(const XmlElement& project) {
        const XmlElement* tasks = project.child("Tasks");
        if (!tasks) refuse(project, "the project has no <Tasks>");
        // Summary tasks are the WBS: first their codes and names.
        std::map<std::string, std::string> summaries;
        for (const XmlElement& task : tasks->children)
            if (task.text_of("Summary") == std::optional<std::string>("1"))
                summaries[task.text_of("WBS").value_or("")] = task.text_of("Name").value_or("");
        for (const XmlElement& task : tasks->children) {
            if (task.name != "Task" || task.text_of("Summary") == std::optional<std::string>("1"))
                continue;
            if (task.text_of("IsNull") == std::optional<std::string>("1")) continue;
            read_task(task, summaries);
        }
        for (const XmlElement& task : tasks->children)
            if (task.name == "Task") read_links(task);
    }

    void read_task(const XmlElement& task, const std::map<std::string, std::string>& summaries) {
        ImportedActivity activity;
        activity.key = task.text_of("UID").value_or("");
        if (activity.key.empty()) refuse(task, "a task without <UID>");
        if (!known_.insert(activity.key).second)
            refuse(task, "task UID " + activity.key + " is given twice");
        const std::string wbs = task.text_of("WBS").value_or("");
        activity.code = wbs.empty() ? task.text_of("ID").value_or(activity.key) : wbs;
        activity.name = task.text_of("Name").value_or("");
        for (std::size_t dot = wbs.find('.'); dot != std::string::npos;
             dot = wbs.find('.', dot + 1)) {
            const auto summary = summaries.find(wbs.substr(0, dot));
            if (summary == summaries.end()) continue;
            activity.wbs.push_back(summary->first.substr(summary->first.rfind('.') + 1));
            activity.wbs_names.push_back(summary->second);
        }
        activity.kind = task.text_of("Milestone") == std::optional<std::string>("1")
                            ? ImportedKind::finish_milestone
                            : ImportedKind::work;
        activity.calendar = calendar_of(task);
        activity.working_days = working_days_in(task, "Duration").value_or(0);
        activity.planned_start = date_in(task, "Start");
        read_constraint(task, activity);
        activity.actual_start = date_in(task, "ActualStart");
        activity.actual_finish = date_in(task, "ActualFinish");
        if (activity.actual_start && !activity.actual_finish)
            activity.remaining_working_days =
                working_days_in(task, "RemainingDuration").value_or(0);
        if (activity.actual_finish && !activity.actual_start)
            activity.actual_start = activity.actual_finish;
        if (const XmlElement* cost = task.child("Cost"))
            activity.cost = number(*cost) / 100;  // MSPDI costs are in cents
        activity.where = at(task);
        schedule_.activities.push_back(std::move(activity));
    }

    // 0 as soon as possible, 1 as late as possible, 2 must start on, 3 must finish on,
    // 4 start no earlier than, 5 start no later than, 6 finish no earlier than,
    // 7 finish no later than.
    void read_constraint(const XmlElement& task, ImportedActivity& activity) {
        const XmlElement* type = task.child("ConstraintType");
        if (!type) return;
        const int kind = code(*type);
        if (kind == 0) return;
        const auto day = date_in(task, "ConstraintDate");
        if (kind == 2 || kind == 4) {
            activity.start_no_earlier_than = day;
        } else if (kind == 3 || kind == 7) {
            activity.finish_no_later_than = day;
        } else {
            warn(*type, "constraint type " + type->text + " is not supported: ignored");
            return;
        }
        if (!day) warn(*type, "a constraint without <ConstraintDate>: ignored");
        if (kind == 2 || kind == 3)
            warn(*type, "a 'must' constraint is kept as " +
                            std::string(kind == 2 ? "'start no earlier than'" : "a target"));
    }

    // Type 0 FF, 1 FS, 2 SF, 3 SS; LinkLag in tenths of a minute of work.
    void read_links(const XmlElement& task) {
        const std::string successor = task.text_of("UID").value_or("");
        for (const XmlElement& element : task.children) {
            if (element.name != "PredecessorLink") continue;
            static const std::map<std::string, LinkType> types{
                {"0", LinkType::ff}, {"1", LinkType::fs}, {"2", LinkType::sf}, {"3", LinkType::ss}};
            ImportedLink link;
            link.successor = successor;
            link.predecessor = element.text_of("PredecessorUID").value_or("");
            link.where = at(element);
            const auto type = types.find(element.text_of("Type").value_or("1"));
            if (type == types.end()) {
                warn(element,
                     "unknown link <Type> " + element.text_of("Type").value_or("") + ": left out");
                continue;
            }
            if (!known_.contains(link.predecessor) || !known_.contains(successor)) {
                warn(element, "link from task UID " + link.predecessor + " to task UID " +
                                  successor + ": a summary or missing task: left out");
                continue;
            }
            link.type = type->second;
            if (const XmlElement* lag = element.child("LinkLag"))
                link.lag_working_days = span(*lag, number(*lag) / 10 / 60 / hours_per_day_);
            const auto format = element.text_of("LagFormat").value_or("7");
            if (format == "19" || format == "20") {
                warn(element, "a lag in percent of the predecessor is not supported: no lag");
                link.lag_working_days = 0;
            }
            schedule_.links.push_back(std::move(link));
        }
    }

    const std::string& file_;
    ImportedSchedule schedule_;
    double hours_per_day_ = 8;
    std::unordered_map<std::string, std::size_t> calendar_index_;
    std::unordered_set<std::string> known_;  // task UIDs imported
};

}  // namespace

ImportedSchedule read_mspdi(std::string_view text, const std::string& file) {
    return MspdiReader(file).read(read_xml(text, file));
}

}  // namespace pipesim::import
