#pragma once
// `kiosk hub --config F --data DIR [--listen HOST:PORT] [--tokens FILE]`: the office queue hub
// without a screen (docs/lan-api.md), e.g. on a back-office PC. Serves queue.db in DIR until
// SIGTERM or SIGINT, then stops cleanly. It does not take the kiosk's data-directory lock: a kiosk
// process may issue into the same file, and the hub sees its changes within ~200 ms.
#include <functional>
#include <ostream>
#include <string>

#include "kiosk/core/config.h"

namespace CLI {
class App;
}

namespace kiosk::app {

struct HubCommandOptions {
    std::string config_path;  // empty = the embedded demo office
    std::string data_dir;     // empty = default_data_dir()
    std::string listen;       // overrides [hub] listen; "HOST:0" = any free port
    std::string tokens_file;  // overrides [hub] tokens_file
};

// Routes by the office catalogue applied to `config` (sync cache in the data directory, else
// [catalog] file), like the kiosk. Runs until SIGTERM/SIGINT (or `stop_requested` returns true,
// polled every 100 ms; tests). Prints "hub: listening on URL" to `out` once serving. Exit codes: 0
// clean stop, 1 the store or the listener failed, 2 bad config/options/tokens file.
int hub_command(const KioskConfig& config, const HubCommandOptions& options, std::ostream& out,
                std::ostream& err, const std::function<bool()>& stop_requested = {});

void add_hub_options(CLI::App& command, HubCommandOptions& options);
int run_hub_cli(HubCommandOptions& options);  // loads the config, then hub_command

}  // namespace kiosk::app
