#pragma once
// What the staff screens show (PIN keypad and the staff screen). Plain data, filled by the app.
// Nothing here is personal: numbers, device states and counts only.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

struct StaffPinView {
    int digits_entered = 0;  // shown as dots, never the digits
    bool wrong = false;      // the last PIN was wrong
    int tries_left = 0;      // before the keypad locks
    int locked_seconds = 0;  // > 0: locked for this long
};

enum class StaffPanel { Overview, ReprintNumber };

struct StaffView {
    StaffPinView pin;
    StaffPanel panel = StaffPanel::Overview;
    bool busy = false;  // a printer action is running on the worker

    // Printer.
    bool printer_ready = true;
    std::string printer_words_vi, printer_words_en;  // "hết giấy — thay cuộn mới"
    std::string printer_detail;                      // precise cause
    std::string printer_transport;                   // "tcp://10.0.0.9:9100"
    bool paper_counter = false;
    int paper_left_mm = 0;
    int paper_roll_mm = 0;
    bool paper_low = false;

    // Reprint.
    std::string last_number;  // the day's latest printed ticket ("" if none)
    std::string last_service_vi, last_service_en;
    std::string last_time;              // "09:12"
    std::string typed_number;           // ReprintNumber panel: what staff typed so far
    std::vector<std::string> prefixes;  // letter prefixes of the services ("A", "HT"), if any

    // Sync with the central server.
    bool sync_configured = false;
    bool sync_online = false;
    std::string sync_last_success;  // "09:14:03" ("" = never)
    std::string sync_last_error;
    int64_t outbox_depth = 0;
    // The office catalogue: what did not apply and what waits for a restart (catalog_services.h).
    std::vector<std::string> catalog_notes_vi, catalog_notes_en;

    // Today.
    int issued_today = 0;
    int void_today = 0;
    int unconfirmed_today = 0;
    // Satisfaction ratings today (only where ratings are on): how many, and how many of them
    // were the two low levels (worth a look by the head of the centre).
    bool ratings_enabled = false;
    int ratings_today = 0;
    int ratings_satisfied = 0;  // levels 4–5
    int ratings_unhappy = 0;    // levels 1–2

    // Result of the last staff action ("Đã in lại vé 1005").
    std::string result_vi, result_en;
    bool result_error = false;
};

}  // namespace kiosk::ui
