#include "kiosk/print/status_slip.h"

#include "kiosk/core/dossier_status.h"
#include "kiosk/print/slip_layout.h"

namespace kiosk::print {

MonoBitmap render_status_slip(const StatusSlip& slip, const TicketRenderOptions& options) {
    SlipLayout layout("status slip", options);
    const TextStyle heading = layout.bold(36, 28), small = layout.regular(22, 20);
    const TextStyle status = layout.bold(44, 30), date = layout.bold(52, 34);
    const TextStyle label = layout.bold(26, 22), body = layout.regular(28, 24);
    const TextStyle info = layout.regular(24, 22), footer = layout.bold(28, 24);
    TicketCanvas& canvas = layout.canvas();
    const int gap = layout.gap();
    auto field = [&](const std::string& name, const std::string& value) {
        layout.field(label, body, name, value);
    };

    layout.office_header(slip.office_name);
    canvas.paragraph(heading, "PHIẾU TRA CỨU HỒ SƠ");
    canvas.paragraph(small, "Dossier status");
    canvas.space(gap);
    canvas.paragraph(info, "Mã hồ sơ: " + slip.code);
    canvas.space(gap);

    const StatusWords& words = dossier_status_words(slip.status_code);
    canvas.paragraph(small, "TRẠNG THÁI / Status");
    canvas.heading(status, words.vi);
    canvas.heading(small, words.en);
    if (slip.overdue)
        canvas.inverted_band(
            {{layout.bold(40, 28), "QUÁ HẠN"}, {layout.regular(22, 20), "Overdue"}},
            layout.px(12, 8), layout.px(8, 6));
    if (words.next_vi[0] != '\0') {
        canvas.space(gap / 2);
        canvas.paragraph(body, words.next_vi);
    }
    canvas.space(gap);
    layout.thin_rule(6);

    canvas.paragraph(label, "NGÀY HẸN TRẢ KẾT QUẢ");
    if (slip.appointment_date.empty()) {
        canvas.paragraph(body, "Chưa có ngày hẹn");
    } else {
        canvas.ink_line(date, slip.appointment_date);
        canvas.space(gap);
        if (!slip.appointment_time.empty()) canvas.paragraph(body, "lúc " + slip.appointment_time);
    }
    canvas.space(gap);

    field("Thủ tục:", slip.procedure_name);
    field("Ngày tiếp nhận:", slip.received_date);
    field("Đơn vị xử lý:", slip.handling_unit);
    field("Bước hiện tại:", slip.current_step);
    if (dossier_result_pending_pickup(slip.status_code)) {
        field("Nơi nhận kết quả:", slip.pickup_place);
        field("Khi nhận kết quả, mang theo:",
              "Giấy tiếp nhận hồ sơ và hẹn trả kết quả; thẻ CCCD bản chính.");
    }

    layout.thin_rule(6);
    if (!slip.cached_at.empty()) {
        canvas.paragraph(info,
                         "Máy chưa kết nối được máy chủ. Thông tin lúc " + slip.cached_at + ".");
        canvas.space(gap / 2);
    }
    if (!slip.printed_at.empty()) canvas.paragraph(info, "In lúc: " + slip.printed_at);
    if (!slip.footer.empty()) {
        canvas.space(gap);
        canvas.paragraph(footer, slip.footer);
    }
    return layout.finish();
}

}  // namespace kiosk::print
