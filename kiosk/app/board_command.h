#pragma once
// `kiosk board --hub URL --token-file F [--ca-file F] [--config F]
//              [--windowed | --headless --script S --out D] [--size WxH] [--wav-log DIR]`
// The calling board on a TV: full screen by default, fed by the hub's event stream, speaking
// each call through SDL audio. Headless, the voice goes to a recorder: every announcement is
// logged (and listed on stdout at exit) with its clip ids, and --wav-log writes each as a WAV.
#include <string>

#include "kiosk/core/config.h"

namespace CLI {
class App;
}

namespace kiosk::app {

struct BoardCommandOptions {
    std::string hub_url;
    std::string token_file;  // board token, mode 0600
    std::string ca_file;
    bool config_given = false;  // --config: its [board] / [voice] override the hub's
    bool windowed = false;
    bool headless = false;
    std::string script;
    std::string out_dir = "board-out";
    int width = 1920, height = 1080;
    std::string wav_log_dir;  // write every announcement as a WAV here
};

// Exit codes: 0 ok / script passed, 1 script step failed, 2 bad command line, token or config.
int board_command(const KioskConfig& config, const BoardCommandOptions& options);

// The command line of `kiosk board` (main.cpp registers it).
struct BoardCli {
    BoardCommandOptions options;
    std::string config_path;
    std::string size;
};
void add_board_options(CLI::App& command, BoardCli& cli);
int run_board_cli(BoardCli& cli);  // loads the config, checks the options, runs

}  // namespace kiosk::app
