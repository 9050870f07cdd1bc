#pragma once
// The one SDL runner: owns SDL (video + timer only), the window, the SDL_Renderer, the ImGui
// context and the font atlas, and runs the power-saving loop. The app plugs in a RunnerClient
// that builds its ViewModel and calls ui::draw_kiosk each frame. Worker threads call wake() so
// their results appear at once. Headless mode (dummy driver + software renderer) runs scripts
// for tests and takes screenshots.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "drivers/scanner/keyboard_burst_detector.h"
#include "kiosk/core/config.h"
#include "kiosk/platform/frame_stats.h"
#include "kiosk/platform/gray_preview.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_output.h"

namespace kiosk::platform {

struct RunnerOptions {
    std::string title = "MotCua Kiosk";
    // Fonts, size and full screen. Full screen takes the panel's size; otherwise (windowed or
    // headless) the window is display.width × display.height.
    DisplayConfig display;
    bool headless = false;      // SDL_VIDEODRIVER=dummy (unless set) + software renderer
    std::string script_path;    // run this automation script, exit 0 at its end, 1 on failure
    std::string out_dir = ".";  // where `screenshot <name>` writes <name>.png
    std::chrono::milliseconds script_timeout{5000};  // for tap <label> and expect
    bool exit_after_first_frame = false;       // start-up benchmark: see RunResult::first_frame_ms
    std::chrono::milliseconds max_wait{5000};  // longest block while idle (RunnerClient::on_loop)
    std::string render_driver;  // SDL_HINT_RENDER_DRIVER ("opengles2", "software"); "" = SDL picks;
                                // headless always uses "software"
    int display_index = 0;      // which monitor for full screen
    // Keyboard-wedge fallback (no scanner device node): SDL text + Enter events go through a
    // KeyboardBurstDetector; bursts reach RunnerClient::on_scan, a person's typing flows on.
    std::optional<scanner::BurstOptions> keyboard_burst;
};

struct RunResult {
    int exit_code = 0;          // 0 ok / quit; 1 script failure; 2 start-up or script-file error
    std::string message;        // why, when exit_code != 0 (also printed to stderr by run())
    double first_frame_ms = 0;  // run() start → first frame presented
    FrameTimeSummary frame_times;
};

// Handed to the client each frame.
struct FrameContext {
    const ui::UiFonts& fonts;
    ui::FrameOutput& output;  // cleared by the runner; pass to ui::draw_kiosk
    std::uint64_t frame_index;
    float width, height;  // window size in pixels
    // The client's camera_preview() as a texture for ImGui::Image (nullptr: none this frame).
    void* preview_texture = nullptr;
    int preview_width = 0, preview_height = 0;
};

class RunnerClient {
  public:
    virtual ~RunnerClient() = default;
    // Between ImGui::NewFrame() and ImGui::Render(): build the ViewModel, call
    // ui::draw_kiosk(vm, frame.fonts, frame.output), then handle frame.output.actions.
    virtual void on_frame(FrameContext& frame) = 0;
    // A payload read by a scanner: the script's `scan <payload>` (and SDL keyboard bursts)
    // arrive here on the UI thread, the way the app's scanner threads reach it.
    virtual void on_scan(const std::string& payload) { (void)payload; }
    // The live camera picture to show this frame (asked before on_frame); nullopt: none. The
    // runner uploads it only when its sequence changed and hands the texture in FrameContext.
    virtual std::optional<GrayPreview> camera_preview() { return std::nullopt; }
    // How long the current picture stays right (next clock minute, countdown second);
    // nullopt: it only changes on input or wake(). Asked after every frame.
    virtual std::optional<std::chrono::milliseconds> next_change_in() { return std::nullopt; }
    // Polled every loop iteration; true ends run() with exit code 0.
    virtual bool quit_requested() { return false; }
    // Every loop iteration, also while idle (at least every RunnerOptions::max_wait): for
    // periodic duties such as sd_notify WATCHDOG=1. Must be cheap.
    virtual void on_loop() {}
};

class Runner {
  public:
    explicit Runner(RunnerOptions options);
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Opens the window, runs until quit / script end / first frame (per options), closes it.
    RunResult run(RunnerClient& client);

    // Thread-safe: makes a blocked loop render now (worker finished, data changed). A no-op
    // outside run().
    void wake();
    // The same as a plain function object for worker threads (valid while the Runner lives).
    std::function<void()> waker() {
        return [this] { wake(); };
    }

  private:
    struct Impl;
    RunnerOptions options_;
    std::atomic<std::uint32_t> wake_event_{0};
};

}  // namespace kiosk::platform
