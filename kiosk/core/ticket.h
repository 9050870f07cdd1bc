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
// VOID numbers are never reused. Later issues add CALLED / SERVED / NO_SHOW.
enum class TicketState { Reserved, Printing, Issued, Void, Called, Served, NoShow };

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
};

}  // namespace kiosk
