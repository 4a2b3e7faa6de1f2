#pragma once
// Numbers as the report prints them: probabilities as percentages, amounts and counts
// with as many decimals as their size deserves, day differences with their sign.

#include <optional>
#include <string>

#include "core/date.hpp"

namespace pipesim {

// "44.5%"; "<0.1%" and ">99.9%" near, but not at, 0 and 1.
std::string percent_text(double probability);
// Whole numbers as they are ("30"); others to three significant figures below 100
// ("2.62", "29.6") and to whole units above ("12185").
std::string amount_text(double amount);
// An index between -1 and 1 (criticality, a correlation) to two places: "1.00", "-0.12".
std::string index_text(double index);
// A difference of probabilities in percentage points: "19.0 points".
std::string points_text(double probability_difference);
// A change of probability with its standard error: "+3.1 ± 0.4 points", "0.0 ± 0.0 points".
std::string difference_text(double difference, double standard_error);
// "+12 d", "−3 d", "0 d": how far a date lies after (or before) another.
std::string days_text(int days);
// An ISO date, or "after horizon" for a quantile beyond it.
std::string date_text(const std::optional<Date>& date);

}  // namespace pipesim
