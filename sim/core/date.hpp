#pragma once
// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), and the rule that
// maps a simulated time (days since plan start, a real number) onto a calendar day.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pipesim {

class Date {
  public:
    constexpr Date() = default;
    static constexpr Date from_days(std::int32_t days_since_epoch) {
        return Date(days_since_epoch);
    }
    // Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt when malformed or not a real day.
    static std::optional<Date> parse(std::string_view text);

    constexpr std::int32_t days_since_epoch() const { return days_; }
    std::string iso() const;

    constexpr Date plus_days(std::int32_t days) const { return Date(days_ + days); }
    // The last day of this date's calendar month.
    Date last_of_month() const;
    friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }
    friend constexpr auto operator<=>(Date, Date) = default;

  private:
    constexpr explicit Date(std::int32_t days) : days_(days) {}
    std::int32_t days_ = 0;
};

// Time t is measured in days from 00:00 of the plan start. Work that ends at t > 0 ends
// during day ceil(t) - 1 (a one-day task started at t = 0 ends on the start day), so an
// event is on time for a target date D exactly when t <= (D - start) + 1.
// Times past about 2.7 million years (and +infinity: an event that never happens) all map
// to one far day, so no caller converts an out-of-range double.
inline constexpr std::int64_t never_day = std::int64_t{1} << 30;
inline std::int64_t day_index_of_time(double t) {
    if (!(t < static_cast<double>(never_day))) return never_day;
    return t <= 0.0 ? 0 : static_cast<std::int64_t>(std::ceil(t)) - 1;
}
inline double deadline_time(Date plan_start, Date target) {
    return static_cast<double>(target - plan_start) + 1.0;
}

}  // namespace pipesim
