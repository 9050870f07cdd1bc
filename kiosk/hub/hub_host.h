#pragma once
// Starting the hub from the office config: what `kiosk hub` and the kiosk process (when
// [hub] listen is set) both call.
#include <memory>
#include <string>

#include "hub_server.h"

namespace kiosk::hub {

struct HubHostOverrides {
    std::string listen;       // non-empty: replaces [hub] listen ("HOST:PORT")
    std::string tokens_file;  // non-empty: replaces [hub] tokens_file
};

// "0.0.0.0:8470" → host, port (0 = any free port). False for anything else; "[::1]:80" is fine.
bool parse_listen(const std::string& listen, std::string& host, int& port);

// Nullptr with `error` empty when no hub is configured (listen empty); nullptr with `error`
// set (file: problem) when it cannot start; otherwise a running server.
std::unique_ptr<HubServer> start_hub_host(const KioskConfig& config, const std::string& db_path,
                                          const Clock& clock, std::string& error,
                                          const HubHostOverrides& overrides = {});

}  // namespace kiosk::hub
