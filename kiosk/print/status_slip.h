#pragma once
// The dossier status slip ("In phiếu" on the lookup screen): what the citizen takes home after
// a lookup — status in plain words, due date, procedure, where to collect the result. Rendered
// like the queue ticket (one 1-bit bitmap the width of the print head, same fonts and canvas).
// No personal data: no owner name, no ID number.
#include <string>

#include "kiosk/core/mono_bitmap.h"
#include "kiosk/print/ticket_renderer.h"

namespace kiosk::print {

struct StatusSlip {
    std::string office_name;  // printed upper-case on top
    std::string code;         // "000.00.00.H41-261120-0007"
    int status_code = 0;      // national 1–10: words from kiosk/core/dossier_status.h
    bool overdue = false;     // "QUÁ HẠN" band
    std::string procedure_name;
    std::string received_date;     // "20/11/2026"
    std::string appointment_date;  // "18/12/2026" (empty: "Chưa có ngày hẹn")
    std::string appointment_time;  // "16:00"
    std::string handling_unit, current_step, pickup_place;
    // Offline: when the server last gave this answer ("09:12 27/11/2026"); empty when fresh.
    std::string cached_at;
    std::string printed_at;  // "27/11/2026 14:05:09"
    std::string footer;      // "Cảm ơn Quý khách!" (optional)
};

// Same options, width limits and errors as render_ticket (FontError, RenderError).
MonoBitmap render_status_slip(const StatusSlip& slip, const TicketRenderOptions& options);

}  // namespace kiosk::print
