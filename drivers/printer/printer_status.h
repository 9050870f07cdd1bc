#pragma once
// Real-time status (DLE EOT n, n = 1..4) and the GS r 1 paper-sensor reply: byte patterns,
// parsing with fixed-bit validation, and a one-line description (notes §4).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::printer {

// DLE EOT replies are 0xx1xx10; GS r / GS I replies 0xx0xxxx; XON 11 / XOFF 13 are neither.
constexpr bool is_realtime_status_byte(uint8_t b) {
    return (b & 0x93) == 0x12;
}
constexpr bool is_gs_r_reply_byte(uint8_t b) {
    return (b & 0x90) == 0;
}

// `10 04 01 10 04 02 10 04 03 10 04 04`: all four queries in one write (one round trip).
std::vector<uint8_t> status_query_bytes();
// `1D 72 01`: answered only after everything sent before it was processed (job marker).
std::vector<uint8_t> paper_sensor_query_bytes();

struct PrinterStatus {
    // Raw replies for n = 1..4 (index n - 1); nullopt = no valid reply arrived in time.
    std::array<std::optional<uint8_t>, 4> replies{};

    // n = 1 (printer)
    bool offline = false;
    bool waiting_online_recovery = false;
    bool feed_button_pressed = false;
    // n = 2 (offline cause)
    bool cover_open = false;
    bool paper_fed_by_button = false;
    bool stopped_paper_end = false;
    bool error = false;
    // n = 3 (error cause)
    bool recoverable_error = false;  // mechanical, e.g. a paper jam
    bool cutter_error = false;
    bool unrecoverable_error = false;
    bool auto_recoverable_error = false;  // e.g. print head too hot; clears by itself
    // n = 4 (paper roll sensor)
    bool paper_near_end = false;
    bool paper_end = false;

    // All four replies arrived with the fixed bits right.
    bool answered() const;
    // Answered and nothing stops printing (near end is only a warning).
    bool ready() const;
    bool out_of_paper() const { return paper_end || stopped_paper_end; }

    // Stores a reply for query n (1..4) and sets the flags it carries. Returns false (and
    // stores nothing) when n is out of range or the byte lacks the fixed bits.
    bool apply(int n, uint8_t reply);
};

// "ready", "ready, paper near end", "offline: cover open, paper end",
// "no reply to status query n=2" — for logs and the staff status line.
std::string describe(const PrinterStatus& status);

struct PaperSensor {
    bool near_end = false;   // GS r 1 bits 0x03
    bool paper_end = false;  // GS r 1 bits 0x0C
};
std::optional<PaperSensor> parse_paper_sensor_reply(uint8_t b);

}  // namespace kiosk::printer
