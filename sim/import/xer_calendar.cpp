#include "import/xer_calendar.hpp"

#include <charconv>
#include <optional>

namespace pipesim::import {
namespace {

struct Group {
    std::string name;        // after "0||"
    std::string attributes;  // e.g. "d|45658" or "s|08:00|f|16:00"
    std::vector<Group> children;
};

// Recursive descent over "(label(attributes)(children))"; P6 pads with spaces and with
// 0x7F bytes where the text had line breaks. Nothing readable gives nullopt.
class GroupParser {
  public:
    explicit GroupParser(std::string_view text) : text_(text) {}

    std::optional<Group> group(int depth = 0) {
        if (depth > 32 || !take('(')) return std::nullopt;
        Group result;
        const std::string label = until('(');
        const auto bars = label.rfind("||");
        result.name = bars == std::string::npos ? label : label.substr(bars + 2);
        if (!take('(')) return std::nullopt;
        result.attributes = until(')');
        if (!take(')') || !take('(')) return std::nullopt;
        while (peek() == '(') {
            auto child = group(depth + 1);
            if (!child) return std::nullopt;
            result.children.push_back(std::move(*child));
        }
        if (!take(')') || !take(')')) return std::nullopt;
        return result;
    }

  private:
    void skip_padding() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\x7f' ||
                                      text_[at_] == '\r' || text_[at_] == '\n'))
            ++at_;
    }
    char peek() {
        skip_padding();
        return at_ < text_.size() ? text_[at_] : '\0';
    }
    bool take(char c) {
        if (peek() != c) return false;
        ++at_;
        return true;
    }
    std::string until(char c) {
        const std::size_t end = text_.find(c, at_);
        const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
        std::string part(text_.substr(at_, stop - at_));
        at_ = stop;
        return part;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

const Group* child_named(const Group& group, std::string_view name) {
    for (const Group& child : group.children)
        if (child.name == name) return &child;
    return nullptr;
}

// 1899-12-30, day 0 of P6's (and Excel's) serial dates, is 25569 days before 1970-01-01.
std::optional<Date> serial_date(std::string_view attributes) {
    if (!attributes.starts_with("d|")) return std::nullopt;
    int serial = 0;
    const auto digits = attributes.substr(2);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), serial);
    if (error != std::errc{}) return std::nullopt;
    return Date::from_days(serial - 25569);
}

}  // namespace

WorkCalendar read_p6_calendar(std::string name, std::string_view data, double hours_per_day,
                              std::vector<std::string>& unsupported) {
    const auto root = GroupParser(data).group();
    const Group* weekdays = root ? child_named(*root, "DaysOfWeek") : nullptr;
    if (!weekdays) {
        unsupported.push_back("its weekdays could not be read: Monday to Friday taken");
        return WorkCalendar(std::move(name), {true, true, true, true, true, false, false},
                            hours_per_day);
    }
    std::array<bool, 7> works{};
    for (const Group& day : weekdays->children) {
        int number = 0;
        std::from_chars(day.name.data(), day.name.data() + day.name.size(), number);
        if (number < 1 || number > 7) {
            unsupported.push_back("weekday '" + day.name + "' is not 1 (Sunday) to 7: ignored");
            continue;
        }
        // P6 counts from Sunday = 1; WorkCalendar from Monday = 0.
        works[static_cast<std::size_t>((number + 5) % 7)] = !day.children.empty();
    }
    WorkCalendar calendar(std::move(name), works, hours_per_day);
    if (const Group* exceptions = child_named(*root, "Exceptions"))
        for (const Group& exception : exceptions->children) {
            const auto day = serial_date(exception.attributes);
            if (!day) {
                unsupported.push_back("exception '" + exception.attributes +
                                      "' is not a day ('d|serial'): ignored");
                continue;
            }
            if (exception.children.empty())
                calendar.add_holiday(*day);
            else
                calendar.add_working_day(*day);
        }
    return calendar;
}

}  // namespace pipesim::import
