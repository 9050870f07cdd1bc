#pragma once
// UTF-8 text → pixels in a MonoBitmap: NFC normalisation, Vietnamese-correct upper-casing,
// kerning, measuring, word wrapping and centred lines. No shaping engine is needed for
// Vietnamese once text is NFC: every letter is one precomposed glyph in Noto Sans.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/mono_bitmap.h"
#include "kiosk/print/font_face.h"

namespace kiosk::print {

// NFC form of arbitrary bytes: invalid UTF-8 sequences become U+FFFD (never an error, never
// dropped silently), then canonical composition (NFD "ệ" = e + U+0323 + U+0302 → "ệ").
std::string to_nfc(std::string_view utf8);
// NFC, then upper case by Unicode simple case mapping: "trung tâm phục vụ" → "TRUNG TÂM PHỤC VỤ",
// "đ" → "Đ".
std::string to_upper(std::string_view utf8);
// NFC code points.
std::u32string decode_nfc(std::string_view utf8);

struct TextStyle {
    std::shared_ptr<FontFace> face;
    PixelSize size;
};

// Extent of a run of text, relative to the pen origin (x = 0) and the baseline (y = 0).
struct TextExtent {
    int advance = 0;  // pen advance in pixels
    bool has_ink = false;
    int ink_left = 0;    // first black column
    int ink_right = 0;   // one past the last black column
    int ink_top = 0;     // first black row (negative = above the baseline)
    int ink_bottom = 0;  // one past the last black row
    // Leftmost column the run occupies (a glyph may overhang to the left of the pen).
    int box_left() const { return has_ink && ink_left < 0 ? ink_left : 0; }
    // Columns the run needs: advance and ink overhang on either side.
    int box_width() const {
        const int right = has_ink && ink_right > advance ? ink_right : advance;
        return right - box_left();
    }
};

TextExtent measure_text(const TextStyle& style, std::string_view utf8);

// Draws one line with its pen starting at pen_x and its baseline at baseline_y. black = false
// draws white (for inverted bands). Pixels outside the bitmap are clipped by MonoBitmap.
TextExtent draw_text(MonoBitmap& bitmap, const TextStyle& style, std::string_view utf8, int pen_x,
                     int baseline_y, bool black = true);

// Greedy word wrap: every returned line's box_width() ≤ max_width, except a single grapheme
// that alone is wider. Breaks at spaces and '\n' (never before a lone dash "—"); a word wider
// than the line is split between graphemes. Lines are NFC.
std::vector<std::string> wrap_text(const TextStyle& style, std::string_view utf8, int max_width);

// Like wrap_text, with the same number of lines but as even in length as possible (for
// centred headings: no single orphaned word on the last line).
std::vector<std::string> wrap_balanced(const TextStyle& style, std::string_view utf8,
                                       int max_width);

// "Label: value" as one line when it fits, else the label (wrapped) and then the value
// (wrapped) starting on a new line, so a value such as "khoảng 40 phút" stays together.
std::vector<std::string> wrap_labelled(const TextStyle& style, std::string_view label,
                                       std::string_view value, int max_width);

// Segments joined by `separator`, breaking only between segments where possible (a segment
// wider than the line is word-wrapped on its own).
std::vector<std::string> wrap_segments(const TextStyle& style,
                                       const std::vector<std::string>& segments,
                                       std::string_view separator, int max_width);

enum class Align { Left, Center, Right };

// Draws lines in consecutive line boxes of style.face->metrics(size).line_height() + line_gap
// rows, the first box starting at row `top`, aligned by ink inside [left, left + width).
// Returns the rows used (no trailing gap).
int draw_lines(MonoBitmap& bitmap, const TextStyle& style, const std::vector<std::string>& lines,
               int left, int top, int width, Align align, bool black = true, int line_gap = 0);

// wrap_text + draw_lines.
int draw_paragraph(MonoBitmap& bitmap, const TextStyle& style, std::string_view utf8, int left,
                   int top, int width, Align align, bool black = true, int line_gap = 0);

}  // namespace kiosk::print
