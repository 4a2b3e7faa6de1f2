#include "report/traffic_light.hpp"

namespace pipesim {

Status status_of(std::optional<double> probability, StatusThresholds thresholds) {
    if (!probability) return Status::no_target;
    if (*probability >= thresholds.green) return Status::on_track;
    if (*probability >= thresholds.amber) return Status::at_risk;
    return Status::off_track;
}

std::string_view status_label(Status status) {
    switch (status) {
        case Status::on_track:
            return "On track";
        case Status::at_risk:
            return "At risk";
        case Status::off_track:
            return "Off track";
        case Status::no_target:
            return "No target";
    }
    return "";
}

std::string_view status_colour(Status status) {
    switch (status) {
        case Status::on_track:
            return "green";
        case Status::at_risk:
            return "amber";
        case Status::off_track:
            return "red";
        case Status::no_target:
            return "none";
    }
    return "";
}

}  // namespace pipesim
