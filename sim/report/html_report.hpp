#pragma once
// report.html: one self-contained page a planner can read in five minutes. Headline table
// with traffic lights, a date chart per milestone and target, the probabilistic Gantt
// chart, investment (spend fan, funnels), drivers, and the run's settings. Styles and
// charts (inline SVG) are in the page; it loads nothing, so it opens offline and prints.

#include <string>

#include "report/published_results.hpp"
#include "report/traffic_light.hpp"

namespace pipesim {

// Where the numbers came from, for the settings section.
struct ReportSource {
    std::string scenario_file;  // "" when not known (a report made from results.json alone)
    std::string results_file;
};

struct ReportOptions {
    StatusThresholds thresholds;
    ReportSource source;
};

// The same results and options give the same bytes.
std::string html_report(const PublishedResults& results, const ReportOptions& options);

}  // namespace pipesim
