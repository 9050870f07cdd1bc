#pragma once
// A top-to-bottom flow of blocks on a fixed-width MonoBitmap that grows as content is added and
// is cropped to the content at the end (a thermal ticket is as long as it needs to be).
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/mono_bitmap.h"
#include "kiosk/print/text_raster.h"

namespace kiosk::print {

class TicketCanvas {
  public:
    // width: dots across the paper; margin: blank dots kept on the left and right; top: blank
    // rows before the first block.
    TicketCanvas(int width, int margin, int top);

    int content_left() const { return margin_; }
    int content_width() const { return width_ - 2 * margin_; }
    int y() const { return y_; }

    void space(int rows) { y_ += rows; }
    // Wrapped, aligned text in line boxes tall enough for stacked Vietnamese marks.
    void paragraph(const TextStyle& style, std::string_view utf8, Align align = Align::Center,
                   int line_gap = 0);
    // Centred heading wrapped into even lines (wrap_balanced).
    void heading(const TextStyle& style, std::string_view utf8);
    // Lines already wrapped to content_width(), in line boxes.
    void lines(const TextStyle& style, const std::vector<std::string>& lines,
               Align align = Align::Center, int line_gap = 0);
    // One unwrapped line placed by its actual ink (no line-box padding): the ink's top row is
    // the current row. For the big number, where the line box would waste paper.
    void ink_line(const TextStyle& style, std::string_view utf8);
    // A centred horizontal rule.
    void rule(int length, int thickness);
    // A black band across the content width with each line in white, centred, placed by ink.
    struct BandLine {
        TextStyle style;
        std::string text;
    };
    void inverted_band(const std::vector<BandLine>& lines, int padding, int line_gap);
    // A bitmap centred horizontally.
    void image(const MonoBitmap& picture);
    // A bitmap on the left with a column of left-aligned caption lines to its right, vertically
    // centred on it; the pair is centred across the paper. Caption text wraps to the space left.
    struct Caption {
        TextStyle style;
        std::string label;  // wrapped with wrap_labelled(label, value)
        std::string value;
        int space_before = 0;
    };
    void figure_with_caption(const MonoBitmap& picture, const std::vector<Caption>& captions,
                             int gap);

    // Crops to the content plus `bottom` blank rows and hands the bitmap over.
    MonoBitmap finish(int bottom);

  private:
    void ensure_rows(int rows);

    int width_;
    int margin_;
    int y_;
    MonoBitmap bitmap_;
};

}  // namespace kiosk::print
