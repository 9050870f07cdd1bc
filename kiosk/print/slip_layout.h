#pragma once
// The frame shared by the take-home slips (dossier status, documents checklist): the width
// check, sizes designed at 576 dots and scaled with the paper, the two faces, the canvas with
// its margins, the office header, "Label:" / value fields and the closing rules. Each slip keeps
// only its own wording and order.
#include <memory>
#include <string>

#include "kiosk/core/mono_bitmap.h"
#include "kiosk/print/text_raster.h"
#include "kiosk/print/ticket_canvas.h"
#include "kiosk/print/ticket_renderer.h"

namespace kiosk::print {

// `at576` dots on 576-dot paper, scaled to `dots`, never below `minimum` (body text stays
// ~3 mm tall on 58 mm paper).
int slip_px(int dots, int at576, int minimum);

class SlipLayout {
  public:
    // Throws RenderError naming `slip_name` ("status slip") when options.dots is outside
    // [kMinTicketDots, kMaxTicketDots]; FontError when a face cannot be opened.
    SlipLayout(const char* slip_name, const TicketRenderOptions& options);

    int px(int at576, int minimum) const { return slip_px(dots_, at576, minimum); }
    TextStyle regular(int at576, int minimum) const;
    TextStyle bold(int at576, int minimum) const;

    TicketCanvas& canvas() { return canvas_; }
    int gap() const { return gap_; }
    int content_width() const { return canvas_.content_width(); }

    // The office name upper-case in bold over a short thick rule; nothing when the name is empty.
    void office_header(const std::string& office_name);
    // "Label:" in bold on its own line, the value under it, left-aligned; nothing when empty.
    void field(const TextStyle& label, const TextStyle& body, const std::string& label_text,
               const std::string& value);
    // A thin rule `fraction_of_10` tenths of the content wide, then a gap.
    void thin_rule(int fraction_of_10);
    // Crops the slip with the bottom margin and hands the bitmap over.
    MonoBitmap finish();

  private:
    int dots_;
    std::shared_ptr<FontFace> regular_, bold_;
    TicketCanvas canvas_;
    int gap_;
};

}  // namespace kiosk::print
