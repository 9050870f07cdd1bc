#include "kiosk/print/ticket_canvas.h"

#include <algorithm>

namespace kiosk::print {

TicketCanvas::TicketCanvas(int width, int margin, int top)
    : width_(width), margin_(margin), y_(top), bitmap_(width, width * 2) {}

void TicketCanvas::ensure_rows(int rows) {
    if (rows <= bitmap_.height()) return;
    bitmap_.resize_height(std::max(rows, bitmap_.height() + bitmap_.height() / 2));
}

void TicketCanvas::paragraph(const TextStyle& style, std::string_view utf8, Align align,
                             int line_gap) {
    lines(style, wrap_text(style, utf8, content_width()), align, line_gap);
}

void TicketCanvas::heading(const TextStyle& style, std::string_view utf8) {
    lines(style, wrap_balanced(style, utf8, content_width()), Align::Center);
}

void TicketCanvas::lines(const TextStyle& style, const std::vector<std::string>& text, Align align,
                         int line_gap) {
    if (text.empty()) return;
    const int line_height = style.face->metrics(style.size).line_height();
    const int n = static_cast<int>(text.size());
    ensure_rows(y_ + n * line_height + (n - 1) * line_gap);
    y_ += draw_lines(bitmap_, style, text, margin_, y_, content_width(), align, true, line_gap);
}

void TicketCanvas::ink_line(const TextStyle& style, std::string_view utf8) {
    const TextExtent e = measure_text(style, utf8);
    if (!e.has_ink) return;
    const int height = e.ink_bottom - e.ink_top;
    ensure_rows(y_ + height);
    const int pen_x = margin_ + (content_width() - (e.ink_right - e.ink_left)) / 2 - e.ink_left;
    draw_text(bitmap_, style, utf8, pen_x, y_ - e.ink_top);
    y_ += height;
}

void TicketCanvas::rule(int length, int thickness) {
    ensure_rows(y_ + thickness);
    bitmap_.fill_rect((width_ - length) / 2, y_, length, thickness);
    y_ += thickness;
}

void TicketCanvas::inverted_band(const std::vector<BandLine>& lines, int padding, int line_gap) {
    std::vector<TextExtent> extents;
    int height = 2 * padding;
    for (size_t i = 0; i < lines.size(); ++i) {
        extents.push_back(measure_text(lines[i].style, lines[i].text));
        if (i > 0) height += line_gap;
        if (extents.back().has_ink) height += extents.back().ink_bottom - extents.back().ink_top;
    }
    ensure_rows(y_ + height);
    bitmap_.fill_rect(margin_, y_, content_width(), height);
    int y = y_ + padding;
    for (size_t i = 0; i < lines.size(); ++i) {
        const TextExtent& e = extents[i];
        if (i > 0) y += line_gap;
        if (!e.has_ink) continue;
        const int pen_x = margin_ + (content_width() - (e.ink_right - e.ink_left)) / 2 - e.ink_left;
        draw_text(bitmap_, lines[i].style, lines[i].text, pen_x, y - e.ink_top, false);
        y += e.ink_bottom - e.ink_top;
    }
    y_ += height;
}

void TicketCanvas::image(const MonoBitmap& picture) {
    ensure_rows(y_ + picture.height());
    const int x0 = (width_ - picture.width()) / 2;
    for (int y = 0; y < picture.height(); ++y)
        for (int x = 0; x < picture.width(); ++x)
            if (picture.get(x, y)) bitmap_.set(x0 + x, y_ + y);
    y_ += picture.height();
}

void TicketCanvas::figure_with_caption(const MonoBitmap& picture,
                                       const std::vector<Caption>& captions, int gap) {
    const int column = std::max(1, content_width() - picture.width() - gap);
    struct Block {
        const Caption* caption;
        std::vector<std::string> lines;
        int line_height;
    };
    std::vector<Block> blocks;
    int text_height = 0, text_width = 0;
    for (const Caption& c : captions) {
        Block b{&c, wrap_labelled(c.style, c.label, c.value, column),
                c.style.face->metrics(c.style.size).line_height()};
        if (b.lines.empty()) continue;
        if (!blocks.empty()) text_height += c.space_before;
        text_height += b.line_height * static_cast<int>(b.lines.size());
        for (const std::string& line : b.lines)
            text_width = std::max(text_width, measure_text(c.style, line).box_width());
        blocks.push_back(std::move(b));
    }
    const int height = std::max(picture.height(), text_height);
    ensure_rows(y_ + height);

    const int total = picture.width() + (blocks.empty() ? 0 : gap + text_width);
    const int x0 = margin_ + std::max(0, (content_width() - total) / 2);
    const int pic_top = y_ + (height - picture.height()) / 2;
    for (int y = 0; y < picture.height(); ++y)
        for (int x = 0; x < picture.width(); ++x)
            if (picture.get(x, y)) bitmap_.set(x0 + x, pic_top + y);

    const int text_left = x0 + picture.width() + gap;
    int y = y_ + (height - text_height) / 2;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0) y += blocks[i].caption->space_before;
        y += draw_lines(bitmap_, blocks[i].caption->style, blocks[i].lines, text_left, y, column,
                        Align::Left);
    }
    y_ += height;
}

MonoBitmap TicketCanvas::finish(int bottom) {
    bitmap_.resize_height(y_ + bottom);
    MonoBitmap out = std::move(bitmap_);
    bitmap_ = MonoBitmap();
    return out;
}

}  // namespace kiosk::print
