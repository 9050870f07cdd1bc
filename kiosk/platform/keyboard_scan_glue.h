#pragma once
// The runner's keyboard-wedge fallback (no scanner device node configured): SDL text and Enter
// events go through a KeyboardBurstDetector; what it gives back is routed to three sinks —
// typed text to ImGui as before, a person's Enter to ImGui, a scanner burst to
// RunnerClient::on_scan. No SDL here (timestamps are SDL ticks in ms), so tests feed it
// synthetic events.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "drivers/scanner/keyboard_burst_detector.h"

namespace kiosk::platform {

struct KeyboardScanSinks {
    std::function<void(const std::string&)> typed;  // characters a person typed
    std::function<void()> enter;                    // a person pressed Enter
    std::function<void(const std::string&)> scan;   // a scanner burst's payload
};

class KeyboardScanGlue {
  public:
    KeyboardScanGlue(scanner::BurstOptions options, KeyboardScanSinks sinks);

    void on_text(std::string_view utf8, std::uint32_t ticks_ms);
    void on_enter(std::uint32_t ticks_ms);
    // Flushes held characters whose burst has ended (call every loop iteration).
    void poll(std::uint32_t now_ms);
    // `timeout_ms` shortened so the loop wakes when held characters are due (never negative).
    int wait_ms(std::uint32_t now_ms, int timeout_ms) const;

  private:
    void route(const std::vector<scanner::BurstOutput>& outputs);

    scanner::KeyboardBurstDetector detector_;
    KeyboardScanSinks sinks_;
};

}  // namespace kiosk::platform
