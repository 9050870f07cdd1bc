#pragma once
// Lays out a queue ticket (TicketSlip) as one 1-bit bitmap the width of the print head, ready
// for ESC/POS `GS v 0` and identical to its PNG preview. Nothing personal is printed.
#include <string>

#include "kiosk/core/config.h"
#include "kiosk/core/mono_bitmap.h"
#include "kiosk/core/ticket.h"
#include "kiosk/print/font_face.h"

namespace kiosk::print {

struct TicketRenderOptions {
    int dots = 576;  // printable width: 576 (80 mm @ 203 dpi), 512 (80 mm @ 180 dpi), 384 (58 mm)
    std::string font_regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::string font_bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

    // The printer's width and the UI's fonts (the ticket uses the same faces as the screen).
    static TicketRenderOptions from_config(const PrinterConfig& printer,
                                           const DisplayConfig& display) {
        return {printer.dots, display.font_regular, display.font_bold};
    }
};

inline constexpr int kMinTicketDots = 160;
inline constexpr int kMaxTicketDots = 2048;

// Renders the ticket, top to bottom and centred: office name, rule, "SỐ THỨ TỰ", the number
// (bold, ~35–40 % of the width tall), "ƯU TIÊN" band when priority, service name, counters,
// people ahead and the wait estimate, one English summary line, issue time, QR code (skipped
// when slip.qr_payload is empty) with its hint, footer. The width is exactly options.dots; the
// height is cropped to the content. Text is NFC-normalised here, so callers may pass NFD.
//
// Throws (all derive from RenderError, itself a std::runtime_error):
//   FontError   — a font file is missing or unusable (what(): path + FreeType error);
//   RenderError — options.dots outside [kMinTicketDots, kMaxTicketDots], or slip.qr_payload is
//                 not printable ASCII / too long / does not fit the paper (what(): the QR error).
// Fonts are loaded once and cached for the process (FontCache::shared()); thread-safe.
MonoBitmap render_ticket(const TicketSlip& slip, const TicketRenderOptions& options);

// Loads both fonts and fills the glyph caches (every digit at the size numbers shaped like
// sample_number print at, and the fixed wording), so the first citizen's ticket renders as fast
// as the rest (~1–2 ms instead of ~15 ms). Call once at start-up: it throws the same FontError /
// RenderError as render_ticket, which turns a missing font into a start-up error.
void prepare_ticket_renderer(const TicketRenderOptions& options,
                             const std::string& sample_number = "1001");

}  // namespace kiosk::print
