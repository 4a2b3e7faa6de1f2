#include "import/xer_tables.hpp"

namespace pipesim::import {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    while (true) {
        const std::size_t tab = line.find('\t', begin);
        parts.push_back(line.substr(begin, tab - begin));
        if (tab == std::string_view::npos) return parts;
        begin = tab + 1;
    }
}

std::string_view without_line_end(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
    return line;
}

}  // namespace

XerTable::XerTable(std::string name, std::vector<std::string_view> fields, int line)
    : name_(std::move(name)), line_(line) {
    for (std::size_t i = 0; i < fields.size(); ++i) column_.emplace(fields[i], i);
}

std::string_view XerTable::get(const XerRow& row, std::string_view field) const {
    const auto it = column_.find(field);
    if (it == column_.end() || it->second >= row.values.size()) return {};
    return row.values[it->second];
}

XerTables read_xer_tables(std::string_view text, const std::string& file) {
    const auto refuse = [&](int line, const std::string& reason) {
        throw InputError({file, line, 0}, "", reason);
    };
    if (!text.starts_with("ERMHDR"))
        refuse(1, "not a Primavera XER file: it does not start with the 'ERMHDR' header");
    XerTables result;
    std::optional<std::string> table;  // the open table, once its fields are known
    std::string pending;               // a table whose fields are still to come
    int pending_line = 0;
    int number = 0;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = text.find('\n', begin);
        const std::string_view line =
            without_line_end(text.substr(begin, end == std::string_view::npos ? end : end - begin));
        begin = end == std::string_view::npos ? text.size() : end + 1;
        ++number;
        if (number == 1 || line.empty()) continue;
        auto parts = split_tabs(line);
        const std::string_view tag = parts.front();
        parts.erase(parts.begin());
        if (tag == "%T") {
            if (parts.size() != 1 || parts[0].empty()) refuse(number, "'%T' must name one table");
            if (result.tables.contains(parts[0]))
                refuse(number, "table " + std::string(parts[0]) + " is given twice");
            pending = std::string(parts[0]);
            pending_line = number;
            table.reset();
        } else if (tag == "%F") {
            if (pending.empty()) refuse(number, "'%F' fields outside a table (no '%T' before)");
            result.tables.emplace(pending, XerTable(pending, parts, pending_line));
            table = pending;
            pending.clear();
        } else if (tag == "%R") {
            if (!table) refuse(number, "'%R' row before its table's '%F' fields");
            XerTable& open = result.tables.at(*table);
            if (parts.size() > open.field_count())
                refuse(number, "row of " + open.name() + " has " + std::to_string(parts.size()) +
                                   " values for " + std::to_string(open.field_count()) + " fields");
            open.add({std::move(parts), number});
        } else if (tag == "%E") {
            break;
        } else {
            refuse(number, "unknown line kind '" + std::string(tag.substr(0, 20)) +
                               "' (an XER line starts with %T, %F, %R or %E)");
        }
    }
    if (result.tables.empty()) refuse(number, "the XER file holds no table");
    return result;
}

}  // namespace pipesim::import
