#pragma once
// The queue ticket as the domain sees it, and the slip printed from it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clock.h"

namespace kiosk {

// Life of a ticket. A number is RESERVED durably before anything is sent to the printer, becomes
// PRINTING just before the first byte leaves, and ISSUED once the printer took the whole job.
// VOID numbers are never reused. At the counters (kiosk/core/call_queue.h) an ISSUED ticket is
// waiting; CALLED is at a counter, HELD set aside by one, SERVED done, NO_SHOW dropped after
// missing its calls too often. A no-show or transfer puts a ticket back to ISSUED.
enum class TicketState { Reserved, Printing, Issued, Void, Called, Served, NoShow, Held };

const char* to_string(TicketState s);
std::optional<TicketState> ticket_state_from_string(const std::string& s);

struct Ticket {
    int64_t id = 0;
    std::string business_date;  // local YYYY-MM-DD the number belongs to
    std::string service_id;
    int sequence = 0;    // 1, 2, 3 … per service and day
    std::string number;  // formatted: "1001", "A005"
    bool priority = false;
    TicketState state = TicketState::Reserved;
    TimePoint reserved_at{};
    std::optional<TimePoint> issued_at;
    std::string void_reason;  // why it was voided (log language: English, precise)
    bool print_unconfirmed =
        false;  // recovered after a crash mid-print: may or may not be on paper
    // At the counters (filled by CallQueue; TicketStore leaves the defaults).
    int counter = 0;                // counter that called or holds it; 0 = none
    int target_counter = 0;         // transferred to this counter only; 0 = any of the field
    int no_shows = 0;               // calls it missed
    int recalls = 0;                // times it was announced again
    std::string origin_service_id;  // field it was issued for, once transferred elsewhere
    std::optional<TimePoint> called_at;
};

// Everything printed on the paper ticket; the renderer only lays it out.
struct TicketSlip {
    std::string office_name;      // "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH NGHỆ AN"
    std::string number;           // "1001"
    std::string service_name_vi;  // "Hộ tịch"
    std::string service_name_en;  // "Civil status"
    std::vector<int> counters;    // counters serving the field
    int people_ahead = 0;
    int estimated_wait_minutes = 0;
    std::string issued_at_text;  // "27/11/2026 14:05:09"
    bool priority = false;
    std::string qr_payload;  // ticket URL, ASCII only
    std::string footer;      // "Cảm ơn Quý khách!" (optional)
    // A copy printed by staff ("BẢN IN LẠI"): `reprinted_at_text` says when.
    bool reprint = false;
    std::string reprinted_at_text;
};

}  // namespace kiosk
