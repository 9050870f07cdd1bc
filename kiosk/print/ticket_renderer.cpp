#include "kiosk/print/ticket_renderer.h"

#include <algorithm>
#include <cmath>

#include "kiosk/print/qr_raster.h"
#include "kiosk/print/text_raster.h"
#include "kiosk/print/ticket_canvas.h"
#include "kiosk/print/ticket_text.h"

namespace kiosk::print {
namespace {

// Sizes are designed at 576 dots and scaled with the paper, but body text never drops below
// what a 70-year-old reads at a glance on a 58 mm ticket (24 px ≈ 3 mm at 203 dpi).
struct Scale {
    double factor;
    int px(int at576, int minimum) const {
        return std::max(minimum, static_cast<int>(std::lround(at576 * factor)));
    }
    int rows(int at576) const { return std::max(1, static_cast<int>(std::lround(at576 * factor))); }
};

// The queue number: glyph ink about 37 % of the paper width tall, condensed (down to 78 %) and
// then shrunk if that is needed to fit across the paper.
TextStyle number_style(const std::shared_ptr<FontFace>& bold, const std::string& number, int dots,
                       int avail) {
    constexpr int kReference = 200;
    constexpr double kHeightShare = 0.37;
    constexpr double kMinCondense = 0.78;
    // Size from the number's shape with every digit read as '0' (Noto's digits are tabular), so
    // all numbers of one format print the same size and reuse the cached glyphs.
    std::string shape = number;
    for (char& c : shape)
        if (c >= '0' && c <= '9') c = '0';
    const TextExtent ref = measure_text({bold, PixelSize::square(kReference)}, shape);
    if (!ref.has_ink) return {bold, PixelSize::square(kReference)};
    const double ink_h = ref.ink_bottom - ref.ink_top, ink_w = ref.ink_right - ref.ink_left;

    double h = kHeightShare * dots * kReference / ink_h;  // em size giving the target height
    double w = h;
    const double needed = ink_w * h / kReference;
    if (needed > avail) {
        w = h * std::max(kMinCondense, avail / needed);
        const double condensed = ink_w * w / kReference;
        if (condensed > avail) {
            h *= avail / condensed;
            w *= avail / condensed;
        }
    }
    TextStyle style{bold, {static_cast<int>(w), static_cast<int>(h)}};
    // Hinting can add a dot or two; step down until the real ink fits.
    for (int guard = 0; guard < 40; ++guard) {
        const TextExtent e = measure_text(style, shape);
        if (e.ink_right - e.ink_left <= avail || style.size.width <= 8) break;
        style.size.width = style.size.width * 97 / 100;
        style.size.height = style.size.height * 97 / 100;
    }
    return style;
}

// Blank dots left and right (most heads print edge to edge of the printable area).
int side_margin(const Scale& s) {
    return std::max(8, s.rows(16));
}

// The number keeps some air on either side instead of touching the margins.
int number_width(int content_width) {
    return content_width * 92 / 100;
}

}  // namespace

MonoBitmap render_ticket(const TicketSlip& slip, const TicketRenderOptions& options) {
    if (options.dots < kMinTicketDots || options.dots > kMaxTicketDots)
        throw RenderError("ticket width " + std::to_string(options.dots) +
                          " dots is outside the supported " + std::to_string(kMinTicketDots) +
                          ".." + std::to_string(kMaxTicketDots) + " (576 = 80 mm, 384 = 58 mm)");
    const std::shared_ptr<FontFace> regular = FontCache::shared().get(options.font_regular);
    const std::shared_ptr<FontFace> bold = FontCache::shared().get(options.font_bold);

    const int dots = options.dots;
    const Scale s{dots / 576.0};
    auto reg = [&](int at576, int minimum) {
        return TextStyle{regular, PixelSize::square(s.px(at576, minimum))};
    };
    auto bld = [&](int at576, int minimum) {
        return TextStyle{bold, PixelSize::square(s.px(at576, minimum))};
    };

    const TextStyle office = bld(28, 24);
    const TextStyle heading = bld(36, 28);
    const TextStyle small = reg(22, 20);
    const TextStyle service = bld(38, 28);
    const TextStyle counters = bld(34, 26);
    const TextStyle body = reg(28, 24);
    const TextStyle info = reg(24, 22);
    const TextStyle footer = bld(28, 24);

    TicketCanvas canvas(dots, side_margin(s), s.rows(12));
    const int gap = s.rows(12);
    const int avail = canvas.content_width();
    auto labelled = [&](const TextStyle& style, const ticket_text::Labelled& text) {
        canvas.lines(style, wrap_labelled(style, text.label, text.value, avail));
    };

    // Header: who issued the ticket.
    if (!slip.office_name.empty()) {
        canvas.heading(office, to_upper(slip.office_name));
        canvas.space(gap);
        canvas.rule(avail * 6 / 10, std::max(2, s.rows(3)));
        canvas.space(gap);
    }

    // The number, as large as the paper allows.
    canvas.paragraph(heading, ticket_text::kHeading);
    canvas.paragraph(small, ticket_text::kHeadingEn);
    canvas.space(gap * 3 / 2);
    const std::string number = to_nfc(slip.number);
    canvas.ink_line(number_style(bold, number, dots, number_width(avail)), number);
    canvas.space(gap * 2);

    if (slip.reprint) {
        // A copy must never pass for a second number: said in words, with the time of the copy.
        canvas.heading(heading, ticket_text::kReprint);
        canvas.heading(
            small,
            std::string(ticket_text::kReprintEn) +
                (slip.reprinted_at_text.empty() ? std::string() : " · " + slip.reprinted_at_text));
        canvas.space(gap);
    }
    if (slip.priority) {
        canvas.inverted_band(
            {{bld(44, 32), ticket_text::kPriority}, {reg(24, 20), ticket_text::kPriorityEn}},
            s.rows(14), s.rows(10));
        canvas.space(gap * 3 / 2);
    }

    // Where to go and how long it takes.
    if (!slip.service_name_vi.empty()) canvas.heading(service, to_upper(slip.service_name_vi));
    if (!slip.service_name_en.empty()) canvas.heading(small, slip.service_name_en);
    canvas.space(gap);
    const std::string counters_text = ticket_text::counters_vi(slip.counters);
    if (!counters_text.empty()) canvas.paragraph(counters, counters_text);
    labelled(slip.people_ahead > 0 ? body : counters,
             ticket_text::people_ahead_vi(slip.people_ahead));
    labelled(body, ticket_text::wait_vi(slip.people_ahead, slip.estimated_wait_minutes));
    canvas.lines(small, wrap_segments(small,
                                      ticket_text::summary_en(slip.counters, slip.people_ahead,
                                                              slip.estimated_wait_minutes),
                                      ticket_text::kSummarySeparator, avail));
    canvas.space(gap);
    canvas.rule(avail * 6 / 10, std::max(1, s.rows(2)));
    canvas.space(gap);

    // Issue time and the QR code to follow the queue from a phone. On 80 mm paper the text sits
    // beside the code (saves ~20 mm of paper); on 58 mm it goes underneath.
    const ticket_text::Labelled issued = ticket_text::issued_at_vi(slip.issued_at_text);
    if (!slip.qr_payload.empty()) {
        const bool beside = dots >= 480;
        QrOptions qo;
        qo.max_width = beside ? dots * 42 / 100 : std::min(avail, std::max(160, dots * 45 / 100));
        const QrResult qr = render_qr(slip.qr_payload, qo);
        if (!qr.ok()) throw RenderError("ticket " + slip.number + ": " + qr.error);
        if (beside) {
            canvas.figure_with_caption(qr.qr->bitmap,
                                       {{info, ticket_text::kQrHint, "", 0},
                                        {small, ticket_text::kQrHintEn, "", 0},
                                        {info, issued.label, issued.value, gap * 3 / 2}},
                                       0);  // the QR's own quiet zone is the gap
        } else {
            labelled(info, issued);
            canvas.space(gap / 2);
            canvas.image(qr.qr->bitmap);  // carries its own 4-module quiet zone
            canvas.paragraph(info, ticket_text::kQrHint);
            canvas.paragraph(small, ticket_text::kQrHintEn);
        }
    } else {
        labelled(info, issued);
    }

    if (!slip.footer.empty()) {
        canvas.space(gap);
        canvas.paragraph(footer, slip.footer);
    }
    return canvas.finish(s.rows(16));
}

void prepare_ticket_renderer(const TicketRenderOptions& options, const std::string& sample_number) {
    TicketSlip slip;
    slip.office_name = "Trung tâm Phục vụ Hành chính công";
    slip.number = sample_number;
    slip.service_name_vi = "Hộ tịch";
    slip.service_name_en = "Civil status";
    slip.counters = {1, 2};
    slip.people_ahead = 5;
    slip.estimated_wait_minutes = 40;
    slip.issued_at_text = "01/01/2026 08:00:00";
    slip.priority = true;
    slip.qr_payload = "https://example.invalid/0";
    slip.footer = "Cảm ơn Quý khách!";
    render_ticket(slip, options);
    slip.priority = false;
    slip.people_ahead = 0;
    render_ticket(slip, options);

    // Every digit at the number's size, so any number of this format hits the glyph cache.
    const std::shared_ptr<FontFace> bold = FontCache::shared().get(options.font_bold);
    const int margin = side_margin(Scale{options.dots / 576.0});
    const TextStyle number =
        number_style(bold, sample_number, options.dots, number_width(options.dots - 2 * margin));
    measure_text(number, "0123456789");
}

}  // namespace kiosk::print
