#include "report/terminal_table.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/text.hpp"

namespace pipesim {
namespace {

using Row = std::vector<std::string>;

std::string percent(const std::optional<double>& p) {
    if (!p) return "-";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", 100.0 * *p);
    return text;
}

std::string date_text(const std::optional<Date>& date) {
    return date ? date->iso() : "after horizon";
}

std::string padded(const std::string& text, std::size_t width, bool right) {
    const std::size_t fill = width > display_width(text) ? width - display_width(text) : 0;
    return right ? std::string(fill, ' ') + text : text + std::string(fill, ' ');
}

Row row_of(const FinishForecast& m) {
    return {m.name.empty() ? m.id : m.name,
            m.category,
            m.target ? m.target->iso() : "-",
            percent(m.p_on_time),
            date_text(m.dates[1]),
            date_text(m.dates[2])};
}

}  // namespace

std::string milestone_table(const Results& results) {
    std::vector<Row> rows{{"milestone", "category", "target", "on time", "P50", "P80"}};
    for (const auto& m : results.milestones) rows.push_back(row_of(m));
    std::vector<std::size_t> width(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], display_width(row[c]));
    std::string table;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            table += (c ? "  " : "") + padded(rows[r][c], width[c], c == 3);
        table += '\n';
        if (r == 0) {
            std::size_t total = 2 * (width.size() - 1);
            for (auto w : width) total += w;
            table += std::string(total, '-') + '\n';
        }
    }
    return table;
}

}  // namespace pipesim
