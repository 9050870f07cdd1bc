#pragma once
// Command-line tools for staff and support: they reuse the same core as the kiosk screen.
#include <optional>
#include <ostream>
#include <string>

#include "kiosk/core/config.h"

namespace kiosk::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadConfig = 2;

// Loads --config FILE, or the embedded demo config when path is empty. On failure prints every
// error (file: key: problem) to `err` and returns nullopt; callers exit with kExitBadConfig.
std::optional<KioskConfig> load_config_or_report(const std::string& path, std::ostream& err);

// Validates the config and, when `[catalog] file` is set, that catalogue (relative paths inside
// `data_dir`), applied to the services as the kiosk would at start.
int check_config_command(const std::string& path, const std::string& data_dir, std::ostream& out,
                         std::ostream& err);

// The day's tickets as CSV (local date YYYY-MM-DD; empty = today).
int tickets_command(const std::string& data_dir, const std::string& date, std::ostream& out,
                    std::ostream& err);

}  // namespace kiosk::app
