#pragma once
// Typed, path-aware access to a parsed TOML table. Every read records the key, so unknown keys
// (usually typos such as "daliy_cap") can be reported instead of silently ignored.
#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config.h"

namespace kiosk::config_detail {

class TableReader {
  public:
    TableReader(const toml::table* table, std::string path, std::string file,
                std::vector<ConfigError>& errors);

    bool present() const { return table_ != nullptr; }
    std::optional<std::string> string(const std::string& key, bool required);
    std::optional<int64_t> integer(const std::string& key, bool required, int64_t min, int64_t max);
    std::optional<bool> boolean(const std::string& key, bool required);
    std::optional<std::vector<int64_t>> int_array(const std::string& key, bool required,
                                                  int64_t min, int64_t max);
    const toml::array* array(const std::string& key, bool required);
    TableReader sub_table(const std::string& key, bool required);
    void error(const std::string& key, const std::string& message);
    std::string key_path(const std::string& key) const;
    void report_unknown_keys();

  private:
    const toml::node* get(const std::string& key, bool required, const char* expected);

    const toml::table* table_;
    std::string path_;
    std::string file_;
    std::vector<ConfigError>& errors_;
    std::set<std::string> seen_;
};

// The office-queue tables (config_reader.cpp): [hub], [voice], [board].
void read_hub(TableReader t, KioskConfig& c);
void read_voice(TableReader t, KioskConfig& c);
void read_board(TableReader t, KioskConfig& c);

// [staff] (config_staff.cpp).
void read_staff(TableReader t, KioskConfig& c);

// [rating] (config_rating.cpp); read after [hub], whose listen decides the default.
void read_rating(TableReader t, KioskConfig& c);

// [catalog] (config_catalog.cpp).
void read_catalog(TableReader t, KioskConfig& c);

// [camera] and [scanner] (config_scanner.cpp).
void read_camera(TableReader t, KioskConfig& c);
void read_scanner(TableReader t, KioskConfig& c);

}  // namespace kiosk::config_detail
