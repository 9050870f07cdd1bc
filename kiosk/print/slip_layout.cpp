#include "kiosk/print/slip_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk::print {
namespace {

int checked_dots(const char* slip_name, int dots) {
    if (dots < kMinTicketDots || dots > kMaxTicketDots)
        throw RenderError(std::string(slip_name) + " width " + std::to_string(dots) +
                          " dots is outside the supported " + std::to_string(kMinTicketDots) +
                          ".." + std::to_string(kMaxTicketDots));
    return dots;
}

}  // namespace

int slip_px(int dots, int at576, int minimum) {
    return std::max(minimum, static_cast<int>(std::lround(at576 * dots / 576.0)));
}

SlipLayout::SlipLayout(const char* slip_name, const TicketRenderOptions& options)
    : dots_(checked_dots(slip_name, options.dots)),
      regular_(FontCache::shared().get(options.font_regular)),
      bold_(FontCache::shared().get(options.font_bold)),
      canvas_(dots_, std::max(8, slip_px(dots_, 16, 8)), slip_px(dots_, 12, 8)),
      gap_(slip_px(dots_, 12, 8)) {}

TextStyle SlipLayout::regular(int at576, int minimum) const {
    return TextStyle{regular_, PixelSize::square(px(at576, minimum))};
}

TextStyle SlipLayout::bold(int at576, int minimum) const {
    return TextStyle{bold_, PixelSize::square(px(at576, minimum))};
}

void SlipLayout::office_header(const std::string& office_name) {
    if (office_name.empty()) return;
    canvas_.heading(bold(28, 24), to_upper(office_name));
    canvas_.space(gap_);
    canvas_.rule(content_width() * 6 / 10, std::max(2, px(3, 2)));
    canvas_.space(gap_);
}

void SlipLayout::field(const TextStyle& label, const TextStyle& body, const std::string& label_text,
                       const std::string& value) {
    if (value.empty()) return;
    canvas_.paragraph(label, label_text, Align::Left);
    canvas_.paragraph(body, value, Align::Left);
    canvas_.space(gap_ / 2);
}

void SlipLayout::thin_rule(int fraction_of_10) {
    canvas_.rule(content_width() * fraction_of_10 / 10, std::max(1, px(2, 1)));
    canvas_.space(gap_);
}

MonoBitmap SlipLayout::finish() {
    return canvas_.finish(px(16, 8));
}

}  // namespace kiosk::print
