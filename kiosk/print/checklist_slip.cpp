#include "kiosk/print/checklist_slip.h"

#include <algorithm>
#include <cstdio>

#include "kiosk/print/slip_layout.h"

namespace kiosk::print {
namespace {

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
    const int box = slip_px(dots, 30, 20);
    const int stroke = std::max(2, slip_px(dots, 3, 2));
    const int gap = slip_px(dots, 14, 8);
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
    SlipLayout layout("checklist slip", options);
    const TextStyle heading = layout.bold(34, 26), small = layout.regular(22, 20);
    const TextStyle name = layout.bold(32, 24), label = layout.bold(26, 22);
    const TextStyle body = layout.regular(28, 24), doc = layout.regular(28, 24);
    const TextStyle counts = layout.bold(24, 20), info = layout.regular(24, 22);
    TicketCanvas& canvas = layout.canvas();
    const int gap = layout.gap();
    const int avail = layout.content_width();
    auto field = [&](const std::string& label_text, const std::string& value) {
        layout.field(label, body, label_text, value);
    };

    layout.office_header(slip.office_name);
    canvas.paragraph(heading, "GIẤY TỜ CẦN CHUẨN BỊ");
    canvas.paragraph(small, "Documents to bring");
    canvas.space(gap);
    canvas.paragraph(name, slip.procedure_name, Align::Left);
    std::string sub = slip.procedure_code.empty() ? "" : "Mã thủ tục: " + slip.procedure_code;
    if (!slip.field_name.empty()) sub += (sub.empty() ? "" : " · ") + slip.field_name;
    if (!sub.empty()) canvas.paragraph(info, sub, Align::Left);
    canvas.space(gap);
    layout.thin_rule(10);

    if (slip.documents.empty()) {
        canvas.paragraph(body, "Không cần giấy tờ kèm theo.", Align::Left);
    } else {
        canvas.paragraph(label, "Đánh dấu khi đã chuẩn bị xong:", Align::Left);
        canvas.space(gap / 2);
        for (const ChecklistDocument& d : slip.documents) {
            canvas.image(checklist_item(doc, counts, d, avail, options.dots));
            canvas.space(gap);
        }
    }
    layout.thin_rule(10);
    field("Lệ phí:", slip.fee);
    field("Thời hạn giải quyết:", slip.processing_time);
    field("Kết quả:", slip.result);
    field("Nơi giải quyết:", slip.agency);
    layout.thin_rule(6);
    canvas.paragraph(label, "Thông tin tham khảo — hỏi cán bộ nếu chưa rõ.");
    canvas.paragraph(small, "For reference only — ask the staff if unsure.");
    if (!slip.printed_at.empty()) {
        canvas.space(gap / 2);
        canvas.paragraph(info, "In lúc: " + slip.printed_at);
    }
    return layout.finish();
}

}  // namespace kiosk::print
