#pragma once
// The office's opening hours from its catalogue (sessions per weekday, holidays) at a given
// instant, in local time (UTC+07:00, clock.h): open or closed, whether new queue numbers may be
// issued (open and not inside the last minutes before a session closes), when that changes,
// and the calm sentence the home screen shows while numbers are not issued. Pure.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/catalog.h"
#include "kiosk/core/clock.h"

namespace kiosk {

struct OfficeHoursState {
    bool known = false;    // the catalogue lists opening hours; false = always issuing
    bool open = false;     // inside a session now
    bool issuing = false;  // open and before the last-ticket margin (or hours unknown)
    std::optional<TimePoint> closes_at;  // end of the current session (when open)
    // Start of the next session after now (closed) or after the current one (open).
    std::optional<TimePoint> next_open;
    std::string holiday;    // today's holiday name, when today is one
    TimePoint next_change;  // when `issuing` (or open) changes next without new input
};

OfficeHoursState office_hours_at(const std::vector<OpeningDay>& hours,
                                 const std::vector<Holiday>& holidays, TimePoint now,
                                 std::chrono::minutes last_ticket_margin);

struct HoursMessage {
    std::string vi, en;
};
// Why no number now and when to come: "Ngoài giờ tiếp nhận. Mời Quý khách quay lại lúc 13:30."
// (same day), "… lúc 07:00, Thứ Hai 30/11." (another day), "Hôm nay nghỉ lễ: Quốc khánh. …".
// Empty while issuing.
HoursMessage closed_message(const OfficeHoursState& state, TimePoint now);

// "Thứ Hai" … "Chủ Nhật" / "Monday" … "Sunday" for LocalDateTime::weekday (0 = Sunday).
const char* weekday_name_vi(int weekday);
const char* weekday_name_en(int weekday);

}  // namespace kiosk
