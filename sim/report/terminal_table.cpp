#include "report/terminal_table.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/text.hpp"
#include "report/figures.hpp"

namespace pipesim {
namespace {

using Row = std::vector<std::string>;

std::string percent(const std::optional<double>& p) {
    if (!p) return "-";
    return fixed_text(100.0 * *p, 1) + "%";
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

// Columns padded to their widest cell (by display width, so Chinese lines up); the
// column at `right_aligned` is aligned right.
std::string aligned(const std::vector<Row>& rows, std::size_t right_aligned) {
    std::vector<std::size_t> width(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], display_width(row[c]));
    std::string table;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const bool last = c + 1 == rows[r].size();  // no trailing blanks
            table += (c ? "  " : "") +
                     (last ? rows[r][c] : padded(rows[r][c], width[c], c == right_aligned));
        }
        table += '\n';
        if (r == 0) {
            std::size_t total = 2 * (width.size() - 1);
            for (auto w : width) total += w;
            table += std::string(total, '-') + '\n';
        }
    }
    return table;
}

// Whole numbers (counts, round amounts) without decimals; others to one decimal.
std::string amount_cell(double value) {
    return fixed_text(value, value == std::round(value) ? 0 : 1);
}

Row row_of(const TargetForecast& t) {
    return {t.name.empty() ? t.id : t.name, t.deadline.iso(),      amount_cell(t.threshold),
            percent(t.p_reached),           date_text(t.dates[1]), amount_cell(t.at_deadline.mean)};
}

}  // namespace

std::string milestone_table(const Results& results) {
    std::vector<Row> rows{{"milestone", "category", "target", "on time", "P50", "P80"}};
    for (const auto& m : results.milestones) rows.push_back(row_of(m));
    return aligned(rows, 3);
}

std::string target_table(const Results& results) {
    if (results.targets.empty()) return "";
    std::vector<Row> rows{{"target", "deadline", "at least", "reached", "P50", "expected"}};
    for (const auto& t : results.targets) rows.push_back(row_of(t));
    return aligned(rows, 3);
}

}  // namespace pipesim
