#include "report/svg/funnel_chart.hpp"

#include <algorithm>

#include "report/figures.hpp"
#include "report/svg/axes.hpp"

namespace pipesim::svg {
namespace {

constexpr double funnel_chart_width = 620;
constexpr double stage_height = 30;
constexpr double widest_stage_bar = 300;
constexpr double funnel_gap = 10;

std::string stage_text(const ValueForecast& reached) {
    return amount_text(reached.mean) + " expected (P10 " + amount_text(reached.p10) + ", P90 " +
           amount_text(reached.p90) + ')';
}

}  // namespace

std::string funnel_chart(const FunnelChart& chart) {
    double name_width = 0, widest = static_cast<double>(chart.items);
    for (const auto& stage : chart.stages) {
        name_width = std::max(name_width, text_width(stage.name, label_font));
        widest = std::max(widest, stage.reached.mean);
    }
    std::string description = "Items expected to have reached each stage by " + chart.at.iso() +
                              ", of " + std::to_string(chart.items) + " in the funnel:";
    for (const auto& stage : chart.stages)
        description += ' ' + stage.name + ' ' + stage_text(stage.reached) + ';';
    description.back() = '.';

    const double height = static_cast<double>(chart.stages.size()) * stage_height + 2 * funnel_gap;
    Document svg(funnel_chart_width, height, chart.title, description);
    const double centre = name_width + 2 * funnel_gap + widest_stage_bar / 2;
    double top = funnel_gap;
    for (const auto& stage : chart.stages) {
        const double width = widest > 0 ? stage.reached.mean / widest * widest_stage_bar : 0;
        const double middle = top + stage_height / 2;
        svg.text({name_width + funnel_gap, middle + label_font / 3}, stage.name, Anchor::end, "");
        svg.rect({centre - width / 2, top + 3}, width, stage_height - 6, "stage",
                 stage.name + ": " + stage_text(stage.reached));
        svg.text({centre + widest_stage_bar / 2 + funnel_gap, middle + label_font / 3},
                 stage_text(stage.reached), Anchor::start, "");
        top += stage_height;
    }
    return svg.str();
}

}  // namespace pipesim::svg
