#pragma once
// `kiosk escpos-view IN.bin OUT.png`: draws a captured ESC/POS stream the way the paper would
// show it — raster bands, native QR codes (GS ( k) at the point they were printed, text-mode bytes
// as a labelled line — with several jobs stacked top to bottom and a dashed separator between
// them. For support staff reading a capture, and for tests.
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "kiosk/core/mono_bitmap.h"

namespace kiosk::app {

struct EscposView {
    MonoBitmap image;
    std::vector<std::string> notes;  // one summary line per job, then decoder errors
    int jobs_drawn = 0;
};

// Never throws on bad input (the decoder is robust); throws print::FontError only when
// `font_path` is unusable and the stream has text to draw.
EscposView render_escpos_stream(std::span<const uint8_t> stream, const std::string& font_path);

int escpos_view_command(const std::string& in_path, const std::string& out_png,
                        const std::string& font_path, std::ostream& out, std::ostream& err);

}  // namespace kiosk::app
