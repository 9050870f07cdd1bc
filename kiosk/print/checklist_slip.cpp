#include "kiosk/print/checklist_slip.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/print/text_raster.h"
#include "kiosk/print/ticket_canvas.h"

namespace kiosk::print {
namespace {

// Designed at 576 dots, scaled with the paper; body text never below ~3 mm on 58 mm paper.
int px(int dots, int at576, int minimum) {
    return std::max(minimum, static_cast<int>(std::lround(at576 * dots / 576.0)));
}

std::string two_digits(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

// One document: an empty square to tick on the left, the name and counts wrapped beside it.
// The block is exactly `width` wide so the canvas (which centres images) places it at the left
// content edge.
MonoBitmap checklist_item(const TextStyle& name_style, const TextStyle& count_style,
                          const ChecklistDocument& doc, int width, int dots) {
    const int box = px(dots, 30, 20);
    const int stroke = std::max(2, px(dots, 3, 2));
    const int gap = px(dots, 14, 8);
    const int text_left = box + gap;
    const int text_w = std::max(1, width - text_left);
    const std::vector<std::string> name = wrap_text(name_style, doc.name, text_w);
    const std::string counts = document_counts_vi(doc.originals, doc.copies);
    const std::vector<std::string> count_lines =
        counts.empty() ? std::vector<std::string>{} : wrap_text(count_style, counts, text_w);
    const int name_lh = name_style.face->metrics(name_style.size).line_height();
    const int count_lh = count_style.face->metrics(count_style.size).line_height();
    const int height = std::max(box + stroke, static_cast<int>(name.size()) * name_lh +
                                                  static_cast<int>(count_lines.size()) * count_lh);
    MonoBitmap item(width, height);
    // The box sits on the first line, vertically centred on it.
    const int box_top = std::max(0, (name_lh - box) / 2);
    item.fill_rect(0, box_top, box, stroke);
    item.fill_rect(0, box_top + box - stroke, box, stroke);
    item.fill_rect(0, box_top, stroke, box);
    item.fill_rect(box - stroke, box_top, stroke, box);
    int y = draw_lines(item, name_style, name, text_left, 0, text_w, Align::Left);
    if (!count_lines.empty())
        draw_lines(item, count_style, count_lines, text_left, y, text_w, Align::Left);
    return item;
}

}  // namespace

std::string document_counts_vi(int originals, int copies) {
    std::string out;
    if (originals > 0) out = two_digits(originals) + " bản chính";
    if (copies > 0) out += (out.empty() ? "" : ", ") + two_digits(copies) + " bản sao";
    return out;
}

MonoBitmap render_checklist_slip(const ChecklistSlip& slip, const TicketRenderOptions& options) {
    if (options.dots < kMinTicketDots || options.dots > kMaxTicketDots)
        throw RenderError("checklist slip width " + std::to_string(options.dots) +
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
    const TextStyle office = bld(28, 24), heading = bld(34, 26), small = reg(22, 20);
    const TextStyle name = bld(32, 24), label = bld(26, 22), body = reg(28, 24);
    const TextStyle doc = reg(28, 24), counts = bld(24, 20), info = reg(24, 22);

    TicketCanvas canvas(dots, std::max(8, px(dots, 16, 8)), px(dots, 12, 8));
    const int gap = px(dots, 12, 8);
    const int avail = canvas.content_width();
    auto field = [&](const char* label_text, const std::string& value) {
        if (value.empty()) return;
        canvas.paragraph(label, label_text, Align::Left);
        canvas.paragraph(body, value, Align::Left);
        canvas.space(gap / 2);
    };

    if (!slip.office_name.empty()) {
        canvas.heading(office, to_upper(slip.office_name));
        canvas.space(gap);
        canvas.rule(avail * 6 / 10, std::max(2, px(dots, 3, 2)));
        canvas.space(gap);
    }
    canvas.paragraph(heading, "GIẤY TỜ CẦN CHUẨN BỊ");
    canvas.paragraph(small, "Documents to bring");
    canvas.space(gap);
    canvas.paragraph(name, slip.procedure_name, Align::Left);
    std::string sub = slip.procedure_code.empty() ? "" : "Mã thủ tục: " + slip.procedure_code;
    if (!slip.field_name.empty()) sub += (sub.empty() ? "" : " · ") + slip.field_name;
    if (!sub.empty()) canvas.paragraph(info, sub, Align::Left);
    canvas.space(gap);
    canvas.rule(avail, std::max(1, px(dots, 2, 1)));
    canvas.space(gap);

    if (slip.documents.empty()) {
        canvas.paragraph(body, "Không cần giấy tờ kèm theo.", Align::Left);
    } else {
        canvas.paragraph(label, "Đánh dấu khi đã chuẩn bị xong:", Align::Left);
        canvas.space(gap / 2);
        for (const ChecklistDocument& d : slip.documents) {
            canvas.image(checklist_item(doc, counts, d, avail, dots));
            canvas.space(gap);
        }
    }
    canvas.rule(avail, std::max(1, px(dots, 2, 1)));
    canvas.space(gap);
    field("Lệ phí:", slip.fee);
    field("Thời hạn giải quyết:", slip.processing_time);
    field("Kết quả:", slip.result);
    field("Nơi giải quyết:", slip.agency);
    canvas.rule(avail * 6 / 10, std::max(1, px(dots, 2, 1)));
    canvas.space(gap);
    canvas.paragraph(label, "Thông tin tham khảo — hỏi cán bộ nếu chưa rõ.");
    canvas.paragraph(small, "For reference only — ask the staff if unsure.");
    if (!slip.printed_at.empty()) {
        canvas.space(gap / 2);
        canvas.paragraph(info, "In lúc: " + slip.printed_at);
    }
    return canvas.finish(px(dots, 16, 8));
}

}  // namespace kiosk::print
