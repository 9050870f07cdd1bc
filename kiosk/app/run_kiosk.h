#pragma once
// The touch-screen kiosk: controller + UI + SDL runner, windowed, full screen or headless.
#include <optional>
#include <string>

#include "kiosk/core/clock.h"

#include "kiosk/core/config.h"

namespace kiosk::app {

struct RunOptions {
    std::string data_dir;
    std::string printer_uri;  // resolved
    bool windowed = false;
    bool headless = false;
    std::string script;  // headless automation script
    std::string out_dir = "kiosk-out";
    int width = 0, height = 0;   // 0: from config
    bool save_previews = false;  // ticket PNGs into out_dir (headless) or data_dir/previews
    bool exit_after_first_frame = false;
    bool print_frame_stats = false;  // frame times on stdout at exit (benchmarks)
    // --start-time: the kiosk's clock starts at this instant and runs normally from there.
    std::optional<TimePoint> start_time;
};

// `configured` is the config as written; the office catalogue (catalog_source.h) is applied to
// it here.
int run_kiosk(const KioskConfig& configured, const RunOptions& options);

}  // namespace kiosk::app
