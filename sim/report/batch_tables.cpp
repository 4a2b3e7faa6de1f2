#include "report/batch_tables.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <stdexcept>

#include "report/csv_tables.hpp"

namespace pipesim {
namespace {

using Table = std::string BatchEntry::*;

// The records of CSV text as written by csv_tables (RFC 4180: quoted cells may hold commas,
// doubled quotes and line breaks).
std::vector<std::vector<std::string>> records(std::string_view csv) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
        } else if (c == '\n') {
            row.push_back(std::move(cell));
            cell.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

// A table's rows for every scenario that ran, after its run number, file and scenario.
std::string consolidated(const std::vector<BatchEntry>& entries, Table table) {
    std::string csv;
    for (std::size_t run = 0; run < entries.size(); ++run) {
        const BatchEntry& entry = entries[run];
        const std::string& text = entry.*table;
        if (!entry.error.empty() || text.empty()) continue;
        const std::size_t header_end = text.find('\n') + 1;
        if (csv.empty()) csv = "run,file,scenario," + text.substr(0, header_end);
        std::string prefix = std::to_string(run + 1);
        prefix.append(",").append(csv_field(entry.file)).append(",");
        prefix.append(csv_field(entry.scenario)).append(",");
        for (std::size_t start = header_end; start < text.size();) {
            const std::size_t end = text.find('\n', start) + 1;
            csv.append(prefix).append(text, start, end - start);
            start = end;
        }
    }
    return csv;
}

class Database {
  public:
    explicit Database(const std::filesystem::path& file) {
        if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) fail("cannot create " + file.string());
    }
    ~Database() { sqlite3_close(db_); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void execute(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string reason = message ? message : "unknown";
            sqlite3_free(message);
            fail(reason);
        }
    }

    // A table with the CSV header's columns, and a row per record; a cell that reads as a
    // number is stored as one, an empty cell as NULL.
    void load(const std::string& name, const std::vector<std::vector<std::string>>& rows) {
        if (rows.empty()) return;
        std::string create = "CREATE TABLE " + name + " (";
        std::string insert = "INSERT INTO " + name + " VALUES (";
        for (std::size_t c = 0; c < rows[0].size(); ++c) {
            create.append(c ? ", " : "").append("\"").append(rows[0][c]).append("\"");
            insert.append(c ? ", ?" : "?");
        }
        execute(create + ")");
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, (insert + ")").c_str(), -1, &statement, nullptr) != SQLITE_OK)
            fail(sqlite3_errmsg(db_));
        const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(statement,
                                                                          sqlite3_finalize);
        for (std::size_t r = 1; r < rows.size(); ++r) {
            for (std::size_t c = 0; c < rows[r].size(); ++c) bind(statement, c + 1, rows[r][c]);
            if (sqlite3_step(statement) != SQLITE_DONE) fail(sqlite3_errmsg(db_));
            sqlite3_reset(statement);
        }
    }

  private:
    static void bind(sqlite3_stmt* statement, std::size_t column, const std::string& cell) {
        const int index = static_cast<int>(column);
        const char* const last = cell.data() + cell.size();
        std::int64_t whole = 0;
        double value = 0.0;
        if (cell.empty())
            sqlite3_bind_null(statement, index);
        else if (const auto w = std::from_chars(cell.data(), last, whole);
                 w.ec == std::errc() && w.ptr == last)
            sqlite3_bind_int64(statement, index, whole);
        else if (const auto d = std::from_chars(cell.data(), last, value);
                 d.ec == std::errc() && d.ptr == last)
            sqlite3_bind_double(statement, index, value);
        else
            sqlite3_bind_text(statement, index, cell.c_str(), static_cast<int>(cell.size()),
                              SQLITE_TRANSIENT);
    }

    [[noreturn]] static void fail(const std::string& reason) {
        throw std::runtime_error("batch.sqlite: " + reason);
    }

    sqlite3* db_ = nullptr;
};

std::vector<std::vector<std::string>> runs(const std::vector<BatchEntry>& entries) {
    std::vector<std::vector<std::string>> rows{
        {"run", "file", "scenario", "status", "error", "iterations", "seed", "sampling"}};
    for (std::size_t run = 0; run < entries.size(); ++run) {
        const BatchEntry& e = entries[run];
        const bool ran = e.error.empty();
        rows.push_back({std::to_string(run + 1), e.file, e.scenario, ran ? "done" : "failed",
                        e.error, ran ? std::to_string(e.iterations) : "",
                        ran ? std::to_string(e.seed) : "", e.sampling});
    }
    return rows;
}

}  // namespace

BatchEntry batch_entry(const std::string& file, const Results& results, std::size_t listed) {
    return {file,
            "",
            results.scenario,
            results.iterations,
            results.seed,
            results.sampling,
            milestones_csv(results.milestones),
            targets_csv(results.targets),
            has_drivers(results) ? drivers_csv(results, listed) : ""};
}

std::string batch_milestones_csv(const std::vector<BatchEntry>& entries) {
    return consolidated(entries, &BatchEntry::milestones);
}

std::string batch_targets_csv(const std::vector<BatchEntry>& entries) {
    return consolidated(entries, &BatchEntry::targets);
}

void write_batch_database(const std::vector<BatchEntry>& entries,
                          const std::filesystem::path& file) {
    const std::filesystem::path partial = file.string() + ".partial";
    std::filesystem::remove(partial);
    {
        Database db(partial);
        db.execute("BEGIN");
        db.load("runs", runs(entries));
        db.load("milestones", records(consolidated(entries, &BatchEntry::milestones)));
        db.load("targets", records(consolidated(entries, &BatchEntry::targets)));
        db.load("drivers", records(consolidated(entries, &BatchEntry::drivers)));
        db.execute("COMMIT");
    }
    std::filesystem::rename(partial, file);
}

}  // namespace pipesim
