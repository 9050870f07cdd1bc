#include "kiosk/print/text_raster.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace kiosk::print {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

void append_utf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string encode(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size() * 2);
    for (char32_t cp : cps)
        append_utf8(out, cp);
    return out;
}

// Valid UTF-8 with every malformed byte replaced by U+FFFD.
std::string sanitize(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    auto left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            append_utf8(out, kReplacement);
            ++p;
            --left;
            continue;
        }
        append_utf8(out, static_cast<char32_t>(cp));
        p += n;
        left -= n;
    }
    return out;
}

bool is_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}
bool is_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == 0xA0 || cp == 0x3000;
}

struct PlacedGlyph {
    const GlyphMask* glyph;
    int x;  // pen position in pixels
};

struct LineLayout {
    std::vector<PlacedGlyph> glyphs;
    TextExtent extent;
};

LineLayout layout(const TextStyle& style, std::u32string_view cps) {
    LineLayout out;
    out.glyphs.reserve(cps.size());
    FontFace& face = *style.face;
    long pen = 0;  // 1/64 pixel
    uint32_t previous = 0;
    TextExtent& e = out.extent;
    for (char32_t cp : cps) {
        if (is_control(cp)) continue;
        const GlyphMask& g = face.glyph(is_space(cp) ? U' ' : cp, style.size);
        pen += face.kerning_26_6(previous, g.index, style.size);
        const int x = static_cast<int>((pen + 32) >> 6);
        out.glyphs.push_back({&g, x});
        if (g.width > 0 && g.height > 0) {
            const int l = x + g.left, r = l + g.width, t = -g.top, b = t + g.height;
            if (!e.has_ink) {
                e.ink_left = l, e.ink_right = r, e.ink_top = t, e.ink_bottom = b;
                e.has_ink = true;
            } else {
                e.ink_left = std::min(e.ink_left, l), e.ink_right = std::max(e.ink_right, r);
                e.ink_top = std::min(e.ink_top, t), e.ink_bottom = std::max(e.ink_bottom, b);
            }
        }
        pen += g.advance_26_6;
        previous = g.index;
    }
    e.advance = static_cast<int>((pen + 32) >> 6);
    return out;
}

void paint(MonoBitmap& bitmap, const LineLayout& line, int pen_x, int baseline_y, bool black) {
    for (const PlacedGlyph& pg : line.glyphs) {
        const GlyphMask& g = *pg.glyph;
        const int x0 = pen_x + pg.x + g.left, y0 = baseline_y - g.top;
        for (int y = 0; y < g.height; ++y) {
            const uint8_t* src = g.ink.data() + static_cast<size_t>(y) * g.width;
            for (int x = 0; x < g.width; ++x)
                if (src[x]) bitmap.set(x0 + x, y0 + y, black);
        }
    }
}

// Splits a word at grapheme boundaries so that each piece fits max_width.
void split_word(const TextStyle& style, std::u32string_view word, int max_width,
                std::vector<std::u32string>& lines) {
    std::u32string piece;
    utf8proc_int32_t state = 0;
    size_t cluster_start = 0;
    for (size_t i = 0; i <= word.size(); ++i) {
        const bool boundary =
            i == word.size() || (i > 0 && utf8proc_grapheme_break_stateful(
                                              static_cast<utf8proc_int32_t>(word[i - 1]),
                                              static_cast<utf8proc_int32_t>(word[i]), &state));
        if (!boundary || i == 0) continue;
        std::u32string_view cluster = word.substr(cluster_start, i - cluster_start);
        std::u32string candidate = piece + std::u32string(cluster);
        if (!piece.empty() && layout(style, candidate).extent.box_width() > max_width) {
            lines.push_back(piece);
            piece = std::u32string(cluster);
        } else {
            piece = std::move(candidate);
        }
        cluster_start = i;
    }
    if (!piece.empty()) lines.push_back(piece);
}

bool is_dash(std::u32string_view word) {
    return word == U"—" || word == U"–" || word == U"-";
}

// Space-separated words; a lone dash is glued to the word before it so no line starts with one.
std::vector<std::u32string> words(std::u32string_view text) {
    std::vector<std::u32string> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i]))
            ++i;
        size_t j = i;
        while (j < text.size() && !is_space(text[j]))
            ++j;
        if (j == i) break;
        const std::u32string_view word = text.substr(i, j - i);
        if (is_dash(word) && !out.empty())
            out.back() += U' ' + std::u32string(word);
        else
            out.emplace_back(word);
        i = j;
    }
    return out;
}

int aligned_pen_x(const TextExtent& e, int left, int width, Align align) {
    const int box_l = e.has_ink ? e.ink_left : 0;
    const int box_w = e.has_ink ? e.ink_right - e.ink_left : e.advance;
    switch (align) {
        case Align::Left:
            return left - e.box_left();
        case Align::Center:
            return left + (width - box_w) / 2 - box_l;
        case Align::Right:
            return left + width - box_w - box_l;
    }
    return left;
}

}  // namespace

std::string to_nfc(std::string_view utf8) {
    const std::string clean = sanitize(utf8);
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                     static_cast<utf8proc_ssize_t>(clean.size()), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return clean;  // cannot happen after sanitize (only ENOMEM); keep the text
    std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
    std::free(out);
    return result;
}

std::u32string decode_nfc(std::string_view utf8) {
    const std::string nfc = to_nfc(utf8);
    std::u32string out;
    out.reserve(nfc.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(nfc.data());
    auto left = static_cast<utf8proc_ssize_t>(nfc.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) break;  // unreachable: to_nfc output is valid UTF-8
        out.push_back(static_cast<char32_t>(cp));
        p += n;
        left -= n;
    }
    return out;
}

std::string to_upper(std::string_view utf8) {
    std::u32string cps = decode_nfc(utf8);
    for (char32_t& cp : cps)
        cp = static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
    return to_nfc(encode(cps));
}

TextExtent measure_text(const TextStyle& style, std::string_view utf8) {
    return layout(style, decode_nfc(utf8)).extent;
}

TextExtent draw_text(MonoBitmap& bitmap, const TextStyle& style, std::string_view utf8, int pen_x,
                     int baseline_y, bool black) {
    const LineLayout line = layout(style, decode_nfc(utf8));
    paint(bitmap, line, pen_x, baseline_y, black);
    return line.extent;
}

std::vector<std::string> wrap_text(const TextStyle& style, std::string_view utf8, int max_width) {
    const std::u32string text = decode_nfc(utf8);
    std::vector<std::u32string> lines;
    size_t para_start = 0;
    while (para_start <= text.size()) {
        size_t para_end = text.find(U'\n', para_start);
        if (para_end == std::u32string::npos) para_end = text.size();
        const std::u32string_view para(text.data() + para_start, para_end - para_start);

        std::u32string line;
        const std::vector<std::u32string> units = words(para);
        const bool any_word = !units.empty();
        for (const std::u32string& word : units) {
            std::u32string candidate = line.empty() ? word : line + U' ' + word;
            if (layout(style, candidate).extent.box_width() <= max_width) {
                line = std::move(candidate);
                continue;
            }
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            if (layout(style, word).extent.box_width() <= max_width) {
                line = word;
            } else {
                std::vector<std::u32string> pieces;
                split_word(style, word, max_width, pieces);
                for (size_t k = 0; k + 1 < pieces.size(); ++k)
                    lines.push_back(pieces[k]);
                if (!pieces.empty()) line = pieces.back();
            }
        }
        if (!line.empty() || !any_word) lines.push_back(std::move(line));
        if (para_end == text.size()) break;
        para_start = para_end + 1;
    }
    // An empty input gives no lines rather than one blank line.
    if (lines.size() == 1 && lines.front().empty()) lines.clear();

    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const auto& l : lines)
        out.push_back(encode(l));
    return out;
}

std::vector<std::string> wrap_balanced(const TextStyle& style, std::string_view utf8,
                                       int max_width) {
    std::vector<std::string> lines = wrap_text(style, utf8, max_width);
    if (lines.size() < 2) return lines;
    // The narrowest width that still needs no more lines evens them out.
    int lo = max_width / static_cast<int>(lines.size()), hi = max_width;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (wrap_text(style, utf8, mid).size() <= lines.size())
            hi = mid;
        else
            lo = mid + 1;
    }
    return wrap_text(style, utf8, hi);
}

std::vector<std::string> wrap_labelled(const TextStyle& style, std::string_view label,
                                       std::string_view value, int max_width) {
    if (value.empty()) return wrap_text(style, label, max_width);
    if (label.empty()) return wrap_text(style, value, max_width);
    std::string joined = std::string(label) + " " + std::string(value);
    if (measure_text(style, joined).box_width() <= max_width) return {to_nfc(joined)};
    std::vector<std::string> lines = wrap_text(style, label, max_width);
    for (std::string& line : wrap_text(style, value, max_width))
        lines.push_back(std::move(line));
    return lines;
}

std::vector<std::string> wrap_segments(const TextStyle& style,
                                       const std::vector<std::string>& segments,
                                       std::string_view separator, int max_width) {
    std::vector<std::string> lines;
    std::string current;
    for (const std::string& segment : segments) {
        if (segment.empty()) continue;
        std::string candidate =
            current.empty() ? segment : current + std::string(separator) + segment;
        if (measure_text(style, candidate).box_width() <= max_width) {
            current = std::move(candidate);
            continue;
        }
        if (!current.empty()) lines.push_back(to_nfc(current));
        current.clear();
        std::vector<std::string> pieces = wrap_text(style, segment, max_width);
        for (size_t i = 0; i + 1 < pieces.size(); ++i)
            lines.push_back(std::move(pieces[i]));
        if (!pieces.empty()) current = std::move(pieces.back());
    }
    if (!current.empty()) lines.push_back(to_nfc(current));
    return lines;
}

int draw_lines(MonoBitmap& bitmap, const TextStyle& style, const std::vector<std::string>& lines,
               int left, int top, int width, Align align, bool black, int line_gap) {
    if (lines.empty()) return 0;
    const VerticalMetrics vm = style.face->metrics(style.size);
    int y = top;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) y += line_gap;
        const LineLayout line = layout(style, decode_nfc(lines[i]));
        paint(bitmap, line, aligned_pen_x(line.extent, left, width, align), y + vm.ascent, black);
        y += vm.line_height();
    }
    return y - top;
}

int draw_paragraph(MonoBitmap& bitmap, const TextStyle& style, std::string_view utf8, int left,
                   int top, int width, Align align, bool black, int line_gap) {
    return draw_lines(bitmap, style, wrap_text(style, utf8, width), left, top, width, align, black,
                      line_gap);
}

}  // namespace kiosk::print
