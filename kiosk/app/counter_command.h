#pragma once
// `kiosk counter --hub URL --counter N --token-file F [--ca-file F] [--config F]
//                [--fullscreen | --headless --script S --out D] [--size WxH]`
// The counter terminal on a staff PC: a compact window (1280 × 800 by default) talking to the
// office queue hub. Hub requests run on a worker thread, live updates come from the hub's event
// stream; the UI thread only draws snapshots.
#include <string>

#include "kiosk/core/config.h"

namespace CLI {
class App;
}

namespace kiosk::app {

struct CounterCommandOptions {
    std::string hub_url;  // http(s)://host:port
    int counter = 0;
    std::string token_file;  // counter:N token, mode 0600
    std::string ca_file;     // CA of an https hub; empty = system bundle
    bool fullscreen = false;
    bool headless = false;
    std::string script;
    std::string out_dir = "counter-out";
    int width = 1280, height = 800;
};

// Exit codes: 0 ok / script passed, 1 script step failed, 2 bad command line, token or config.
int counter_command(const KioskConfig& config, const CounterCommandOptions& options);

// The command line of `kiosk counter` (main.cpp registers it).
struct CounterCli {
    CounterCommandOptions options;
    std::string config_path;
    std::string size;
    bool windowed = false;  // accepted; a window is the default
};
void add_counter_options(CLI::App& command, CounterCli& cli);
int run_counter_cli(CounterCli& cli);  // loads the config, checks the options, runs

}  // namespace kiosk::app
