#include "report/svg/date_scale.hpp"

#include <array>
#include <chrono>

namespace pipesim::svg {
namespace {

namespace chrono = std::chrono;

chrono::year_month_day calendar(Date day) {
    return chrono::year_month_day{chrono::sys_days{chrono::days{day.days_since_epoch()}}};
}

Date date_of(chrono::year_month_day ymd) {
    return Date::from_days(chrono::sys_days{ymd}.time_since_epoch().count());
}

// Every `step` days, aligned so that weekly ticks fall on Mondays (1970-01-01 was a
// Thursday, so Mondays are the days n with (n + 3) % 7 == 0).
std::vector<DateTick> day_ticks(Date first, Date end, int step) {
    std::vector<DateTick> ticks;
    const int offset = step == 7 || step == 14 ? 3 : 0;
    for (Date day = first; day < end; day = day.plus_days(1)) {
        const int n = day.days_since_epoch() + offset;
        if (((n % step) + step) % step == 0) ticks.push_back({day, day.iso()});
    }
    return ticks;
}

// Month starts whose month number, counted from year 0, is a multiple of `step`.
std::vector<DateTick> month_ticks(Date first, Date end, int step) {
    std::vector<DateTick> ticks;
    const auto start = calendar(first);
    chrono::year_month month{start.year(), start.month()};
    if (date_of(month / chrono::day{1}) < first) month += chrono::months{1};
    for (; date_of(month / chrono::day{1}) < end; month += chrono::months{1}) {
        const int year = static_cast<int>(month.year());
        const int index = year * 12 + static_cast<int>(static_cast<unsigned>(month.month())) - 1;
        if (index % step != 0) continue;
        const std::string iso = date_of(month / chrono::day{1}).iso();
        ticks.push_back({date_of(month / chrono::day{1}),
                         step % 12 == 0 ? iso.substr(0, 4) : iso.substr(0, 7)});
    }
    return ticks;
}

}  // namespace

Date first_of_month(Date day) {
    const auto ymd = calendar(day);
    return date_of(ymd.year() / ymd.month() / chrono::day{1});
}

DateScale::DateScale(Date first, Date last, double from, double to)
    : first_(first), last_(last < first ? first : last), from_(from), to_(to) {}

double DateScale::start_of(Date day) const {
    const double days = static_cast<double>(last_ - first_ + 1);
    return from_ + static_cast<double>(day - first_) / days * (to_ - from_);
}

std::vector<DateTick> DateScale::ticks(int count) const {
    const Date end = last_.plus_days(1);
    // Steps from fine to coarse; the first that fits wins. Day steps only on short spans,
    // so a long span never walks day by day through the month steps' fallbacks.
    constexpr std::array<int, 4> day_steps{1, 2, 7, 14};
    for (int step : day_steps) {
        if ((end - first_) / step > count + 1) continue;
        auto ticks = day_ticks(first_, end, step);
        if (static_cast<int>(ticks.size()) <= count) return ticks;
    }
    constexpr std::array<int, 8> month_steps{1, 2, 3, 6, 12, 24, 60, 120};
    for (int step : month_steps) {
        auto ticks = month_ticks(first_, end, step);
        if (static_cast<int>(ticks.size()) <= count) return ticks;
    }
    return {};
}

}  // namespace pipesim::svg
