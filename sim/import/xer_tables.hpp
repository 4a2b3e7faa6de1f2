#pragma once
// The tables of a Primavera P6 XER export: tab-separated text where "%T NAME" opens a
// table, "%F" names its fields and each "%R" is a row. Every row keeps its line number,
// so whatever cannot be mapped later is reported where it stands in the file.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace pipesim::import {

struct XerRow {
    std::vector<std::string_view> values;  // views into the file's text
    int line = 0;
};

class XerTable {
  public:
    XerTable(std::string name, std::vector<std::string_view> fields, int line);

    const std::string& name() const { return name_; }
    int line() const { return line_; }
    const std::vector<XerRow>& rows() const { return rows_; }
    bool has(std::string_view field) const { return column_.contains(field); }
    // The row's value of the field; empty when the table has no such field.
    std::string_view get(const XerRow& row, std::string_view field) const;

    void add(XerRow row) { rows_.push_back(std::move(row)); }
    std::size_t field_count() const { return column_.size(); }

  private:
    std::string name_;
    std::map<std::string_view, std::size_t, std::less<>> column_;
    std::vector<XerRow> rows_;
    int line_;
};

struct XerTables {
    std::map<std::string, XerTable, std::less<>> tables;
    const XerTable* find(std::string_view name) const {
        const auto it = tables.find(name);
        return it == tables.end() ? nullptr : &it->second;
    }
};

// Throws InputError (file:line) when the text is not an XER export: no "ERMHDR" header,
// a row outside a table or before its fields, a row with more values than fields.
// The returned views point into `text`, which must outlive them.
XerTables read_xer_tables(std::string_view text, const std::string& file);

}  // namespace pipesim::import
