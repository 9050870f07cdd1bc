#pragma once
// The documents checklist ("In danh sách giấy tờ" on the procedure guide): what a citizen takes
// home to gather the papers for a procedure — the procedure, each required document with a tick
// box and how many originals and copies, fee and processing time at the counter, the result.
// Rendered like the queue ticket (one 1-bit bitmap the width of the print head, same fonts and
// canvas). Reference information only: the slip says so.
#include <string>
#include <vector>

#include "kiosk/core/mono_bitmap.h"
#include "kiosk/print/ticket_renderer.h"

namespace kiosk::print {

struct ChecklistDocument {
    std::string name;
    int originals = 0, copies = 0;
};

struct ChecklistSlip {
    std::string office_name;     // printed upper-case on top
    std::string procedure_name;  // "Thủ tục đăng ký khai sinh"
    std::string procedure_code;  // "1.001193"
    std::string field_name;      // "Hộ tịch"
    std::string agency;          // "UBND cấp xã"
    std::vector<ChecklistDocument> documents;
    std::string processing_time;  // at the counter (trực tiếp): "03 ngày làm việc"
    std::string fee;              // "Miễn phí" / "100.000 đồng/lần"
    std::string result;           // "Giấy khai sinh (bản chính)"
    std::string printed_at;       // "27/11/2026 14:05:09"
};

// "01 bản chính, 01 bản sao" ("" when both are 0).
std::string document_counts_vi(int originals, int copies);

// Same options, width limits and errors as render_ticket (FontError, RenderError).
MonoBitmap render_checklist_slip(const ChecklistSlip& slip, const TicketRenderOptions& options);

}  // namespace kiosk::print
