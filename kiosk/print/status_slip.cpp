#include "kiosk/print/status_slip.h"

#include <algorithm>
#include <cmath>

#include "kiosk/core/dossier_status.h"
#include "kiosk/print/text_raster.h"
#include "kiosk/print/ticket_canvas.h"

namespace kiosk::print {
namespace {

// Designed at 576 dots, scaled with the paper; body text never below ~3 mm on 58 mm paper.
int px(int dots, int at576, int minimum) {
    return std::max(minimum, static_cast<int>(std::lround(at576 * dots / 576.0)));
}

}  // namespace

MonoBitmap render_status_slip(const StatusSlip& slip, const TicketRenderOptions& options) {
    if (options.dots < kMinTicketDots || options.dots > kMaxTicketDots)
        throw RenderError("status slip width " + std::to_string(options.dots) +
                          " dots is outside the supported " + std::to_string(kMinTicketDots) +
                          ".." + std::to_string(kMaxTicketDots));
    const auto regular = FontCache::shared().get(options.font_regular);
    const auto bold = FontCache::shared().get(options.font_bold);
    const int dots = options.dots;
    auto reg = [&](int at576, int minimum) {
        return TextStyle{regular, PixelSize::square(px(dots, at576, minimum))};
    };
    auto bld = [&](int at576, int minimum) {
        return TextStyle{bold, PixelSize::square(px(dots, at576, minimum))};
    };
    const TextStyle office = bld(28, 24), heading = bld(36, 28), small = reg(22, 20);
    const TextStyle status = bld(44, 30), date = bld(52, 34), label = bld(26, 22);
    const TextStyle body = reg(28, 24), info = reg(24, 22), footer = bld(28, 24);

    TicketCanvas canvas(dots, std::max(8, px(dots, 16, 8)), px(dots, 12, 8));
    const int gap = px(dots, 12, 8);
    const int avail = canvas.content_width();
    // "Label:" in bold on its own line, the value under it, left-aligned: easy to scan.
    auto field = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        canvas.paragraph(label, name, Align::Left);
        canvas.paragraph(body, value, Align::Left);
        canvas.space(gap / 2);
    };

    if (!slip.office_name.empty()) {
        canvas.heading(office, to_upper(slip.office_name));
        canvas.space(gap);
        canvas.rule(avail * 6 / 10, std::max(2, px(dots, 3, 2)));
        canvas.space(gap);
    }
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
        canvas.inverted_band({{bld(40, 28), "QUÁ HẠN"}, {reg(22, 20), "Overdue"}}, px(dots, 12, 8),
                             px(dots, 8, 6));
    if (words.next_vi[0] != '\0') {
        canvas.space(gap / 2);
        canvas.paragraph(body, words.next_vi);
    }
    canvas.space(gap);
    canvas.rule(avail * 6 / 10, std::max(1, px(dots, 2, 1)));
    canvas.space(gap);

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

    canvas.rule(avail * 6 / 10, std::max(1, px(dots, 2, 1)));
    canvas.space(gap);
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
    return canvas.finish(px(dots, 16, 8));
}

}  // namespace kiosk::print
