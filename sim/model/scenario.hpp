#pragma once
// A scenario in the planner's words: plain data, as read from a scenario file and checked.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "model/distribution.hpp"

namespace pipesim {

enum class Category { rail, airport, road, school, hospital, commerce, investment, reform, other };

// Finish-to-start, start-to-start, finish-to-finish, start-to-finish.
enum class LinkType { fs, ss, ff, sf };

enum class ActivityKind { work, milestone };

struct Dependency {
    std::string predecessor;  // full id, "project.activity"
    LinkType type = LinkType::fs;
    double lag_days = 0;  // may be negative (a lead)
    SourceLocation where;
};

// Work with an uncertain duration, or a milestone: a zero-length event.
struct Activity {
    std::string id;  // full id, "project.activity"
    std::string name;
    ActivityKind kind = ActivityKind::work;
    Distribution duration = FixedDistribution{0};
    std::string assumption;  // id of the shared assumption the duration comes from, if any
    std::vector<Dependency> predecessors;
    std::optional<Date> start_no_earlier_than;
    std::optional<Date> target;  // milestones: the date it is promised by
    SourceLocation where;
};

struct Project {
    std::string id;
    std::string name;
    Category category = Category::other;
    std::vector<std::string> tags;
    std::vector<Activity> activities;  // work and milestones, in file order
    SourceLocation where;
};

// A named, explained estimate that activities refer to, so all of a plan's guesses sit in
// one table a planner can read and edit.
struct Assumption {
    std::string id;
    Distribution value;
    std::string why;
    SourceLocation where;
};

struct PlanSettings {
    std::string name;
    Date start;
    Date status_date;  // work before it is history; equals start when not given
    Date horizon_end;  // last day simulated dates are resolved to
    std::uint64_t iterations = 10000;
    std::uint64_t seed = 1;
};

struct Scenario {
    std::string source;  // file the scenario was read from
    PlanSettings plan;
    std::vector<Assumption> assumptions;
    std::vector<Project> projects;
};

std::string_view category_name(Category category);
std::optional<Category> parse_category(std::string_view name);
std::string_view link_type_name(LinkType type);

}  // namespace pipesim
