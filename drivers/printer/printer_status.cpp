#include "drivers/printer/printer_status.h"

#include "drivers/printer/escpos_commands.h"

namespace kiosk::printer {

std::vector<uint8_t> status_query_bytes() {
    using namespace escpos;
    return {DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 3, DLE, EOT, 4};
}

std::vector<uint8_t> paper_sensor_query_bytes() {
    return {escpos::GS, 'r', 1};
}

bool PrinterStatus::answered() const {
    for (const auto& reply : replies)
        if (!reply) return false;
    return true;
}

bool PrinterStatus::ready() const {
    return answered() && !offline && !cover_open && !out_of_paper() && !error &&
           !recoverable_error && !cutter_error && !unrecoverable_error && !auto_recoverable_error;
}

bool PrinterStatus::apply(int n, uint8_t b) {
    if (n < 1 || n > 4 || !is_realtime_status_byte(b)) return false;
    replies[static_cast<size_t>(n - 1)] = b;
    switch (n) {
        case 1:
            offline = b & 0x08;
            waiting_online_recovery = b & 0x20;
            feed_button_pressed = b & 0x40;
            break;
        case 2:
            cover_open = b & 0x04;
            paper_fed_by_button = b & 0x08;
            stopped_paper_end = b & 0x20;
            error = b & 0x40;
            break;
        case 3:
            recoverable_error = b & 0x04;
            cutter_error = b & 0x08;
            unrecoverable_error = b & 0x20;
            auto_recoverable_error = b & 0x40;
            break;
        case 4:
            // Both bits of a pair must be set (python-escpos masks): one stray bit is not a
            // sensor reading.
            paper_near_end = (b & 0x0C) == 0x0C;
            paper_end = (b & 0x60) == 0x60;
            break;
    }
    return true;
}

std::string describe(const PrinterStatus& s) {
    for (int n = 1; n <= 4; ++n)
        if (!s.replies[static_cast<size_t>(n - 1)])
            return "no reply to status query DLE EOT " + std::to_string(n);
    std::string causes;
    auto add = [&](bool flag, const char* text) {
        if (!flag) return;
        if (!causes.empty()) causes += ", ";
        causes += text;
    };
    add(s.cover_open, "cover open");
    add(s.out_of_paper(), "paper end");
    add(s.cutter_error, "autocutter error");
    add(s.unrecoverable_error, "unrecoverable error");
    add(s.recoverable_error, "mechanical error");
    add(s.auto_recoverable_error, "auto-recoverable error (head hot?)");
    add(s.error && causes.empty(), "error");
    if (s.ready()) return s.paper_near_end ? "ready, paper near end" : "ready";
    std::string text = s.offline ? "offline" : "not ready";
    if (!causes.empty()) text += ": " + causes;
    if (s.paper_near_end && !s.out_of_paper()) text += " (paper near end)";
    return text;
}

std::optional<PaperSensor> parse_paper_sensor_reply(uint8_t b) {
    if (!is_gs_r_reply_byte(b)) return std::nullopt;
    PaperSensor sensor;
    sensor.near_end = (b & 0x03) != 0;
    sensor.paper_end = (b & 0x0C) != 0;
    return sensor;
}

}  // namespace kiosk::printer
