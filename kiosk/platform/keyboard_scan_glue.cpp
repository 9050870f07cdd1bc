#include "kiosk/platform/keyboard_scan_glue.h"

#include <algorithm>

namespace kiosk::platform {

using Millis = scanner::KeyboardBurstDetector::Millis;

KeyboardScanGlue::KeyboardScanGlue(scanner::BurstOptions options, KeyboardScanSinks sinks)
    : detector_(options), sinks_(std::move(sinks)) {}

void KeyboardScanGlue::on_text(std::string_view utf8, std::uint32_t ticks_ms) {
    route(detector_.on_text(utf8, Millis(ticks_ms)));
}

void KeyboardScanGlue::on_enter(std::uint32_t ticks_ms) {
    route(detector_.on_enter(Millis(ticks_ms)));
}

void KeyboardScanGlue::poll(std::uint32_t now_ms) {
    route(detector_.poll(Millis(now_ms)));
}

int KeyboardScanGlue::wait_ms(std::uint32_t now_ms, int timeout_ms) const {
    const auto deadline = detector_.next_deadline();
    if (!deadline) return timeout_ms;
    const long long left = deadline->count() - static_cast<long long>(now_ms);
    return static_cast<int>(std::clamp<long long>(left, 0, std::max(0, timeout_ms)));
}

void KeyboardScanGlue::route(const std::vector<scanner::BurstOutput>& outputs) {
    for (const scanner::BurstOutput& out : outputs) {
        switch (out.kind) {
            case scanner::BurstOutput::Kind::Typed:
                if (sinks_.typed && !out.text.empty()) sinks_.typed(out.text);
                break;
            case scanner::BurstOutput::Kind::Enter:
                if (sinks_.enter) sinks_.enter();
                break;
            case scanner::BurstOutput::Kind::Scan:
                if (sinks_.scan) sinks_.scan(out.text);
                break;
        }
    }
}

}  // namespace kiosk::platform
