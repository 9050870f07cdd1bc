#pragma once
// Thin RAII over the SQLite C API: one connection, prepared statements, transactions.
// Failures throw StoreError with the SQL step and SQLite's own message, so callers can log
// precisely and show the citizen a calm message.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace kiosk {

class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class SqliteDb;

class Statement {
  public:
    Statement(SqliteDb& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, const std::string& value);
    Statement& bind_null(int index);
    Statement& bind(int index, std::optional<int64_t> value) {
        return value ? bind(index, *value) : bind_null(index);
    }
    bool step();  // true while a row is available
    void run() {
        while (step()) {
        }
    }
    int64_t column_int(int col) const;
    std::optional<int64_t> column_opt_int(int col) const;
    std::string column_text(int col) const;
    std::optional<double> column_opt_double(int col) const;

  private:
    SqliteDb& db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

class SqliteDb {
  public:
    // Opens (creating) the database with WAL and synchronous=FULL: a commit is on disk when
    // it returns, so a number handed out survives power loss as well as kill -9.
    explicit SqliteDb(const std::string& path, bool read_only = false);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    void exec(const char* sql);
    sqlite3* handle() { return db_; }
    const std::string& path() const { return path_; }
    [[noreturn]] void fail(const std::string& what);
    int64_t last_insert_id() { return sqlite3_last_insert_rowid(db_); }

  private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

// BEGIN IMMEDIATE … COMMIT; rolls back if the scope is left without commit().
class Transaction {
  public:
    explicit Transaction(SqliteDb& db);
    ~Transaction();
    void commit();

  private:
    SqliteDb& db_;
    bool done_ = false;
};

}  // namespace kiosk
