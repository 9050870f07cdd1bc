#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <utility>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

struct Row {
    const char* begin;
    const char* end;
    float width;
};

// Word-wraps one line of text into rows no wider than `width` (a single over-long word keeps
// its own row rather than being cut mid-letter).
std::vector<Row> wrap_rows(const ImFont* font, const std::string& text, float width) {
    std::vector<Row> rows;
    const char* s = text.data();
    const char* const end = s + text.size();
    while (s < end) {
        const char* stop = font->CalcWordWrapPositionA(1.0f, s, end, std::max(width, 1.0f));
        if (stop == s) stop = s + 1;  // never loop without progress
        const char* row_end = stop;
        while (row_end > s && (row_end[-1] == ' ' || row_end[-1] == '\n'))
            --row_end;
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s, row_end).x;
        rows.push_back({s, row_end, w});
        s = stop;
        while (s < end && (*s == ' ' || *s == '\n'))
            ++s;
    }
    return rows;
}

float align_x(Align align, float left, float width, float row_width) {
    switch (align) {
        case Align::Left:
            return left;
        case Align::Center:
            return left + std::max(0.0f, (width - row_width) * 0.5f);
        case Align::Right:
            return left + std::max(0.0f, width - row_width);
    }
    return left;
}

ImU32 default_text_color(ButtonKind kind, bool enabled) {
    if (!enabled) return theme::kDisabledText;
    return kind == ButtonKind::Primary ? theme::kPrimaryText : theme::kText;
}

}  // namespace

float row_height(const ImFont* font) {
    return font->FontSize * 1.18f;
}

float lines_height(const std::vector<Line>& lines, float width, float gap) {
    float h = 0.0f;
    int drawn = 0;
    for (const Line& line : lines) {
        if (line.text.empty()) continue;
        const auto rows = wrap_rows(line.font, line.text, width);
        if (drawn++ > 0) h += gap;
        h += static_cast<float>(rows.size() - 1) * row_height(line.font) + line.font->FontSize;
    }
    return h;
}

float draw_lines(Ui& ui, const std::vector<Line>& lines, ImVec2 top_left, float width, float gap,
                 Align align, bool record) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = top_left.y;
    int drawn = 0;
    for (const Line& line : lines) {
        if (line.text.empty()) continue;
        if (drawn++ > 0) y += gap;
        const ImU32 color = line.color ? line.color : theme::kText;
        const auto rows = wrap_rows(line.font, line.text, width);
        const float block_top = y;
        float block_left = top_left.x + width, block_right = top_left.x;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const float x = align_x(align, top_left.x, width, rows[i].width);
            dl->AddText(line.font, line.font->FontSize, ImVec2(x, y), color, rows[i].begin,
                        rows[i].end);
            block_left = std::min(block_left, x);
            block_right = std::max(block_right, x + rows[i].width);
            y += (i + 1 < rows.size()) ? row_height(line.font) : line.font->FontSize;
        }
        if (record) {
            record_widget(ui, line.text, ImRect(block_left, block_top, block_right, y), false,
                          true);
        }
    }
    return y - top_left.y;
}

void record_widget(Ui& ui, const std::string& text, const ImRect& rect, bool clickable,
                   bool enabled) {
    ImRect visible = rect;
    visible.ClipWithFull(ImGui::GetCurrentWindow()->ClipRect);
    if (visible.GetWidth() <= 0.0f || visible.GetHeight() <= 0.0f) return;
    const bool clipped =
        visible.GetWidth() < rect.GetWidth() || visible.GetHeight() < rect.GetHeight();
    ui.out.widgets.push_back({text,
                              Rect{visible.Min.x, visible.Min.y, visible.Max.x, visible.Max.y},
                              clickable, enabled, clipped});
}

TouchItem touch_item(const char* id_str, ImVec2 size, bool enabled) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(id_str);
    const ImVec2 pos = window->DC.CursorPos;
    TouchItem item;
    item.bb = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(item.bb);
    if (!ImGui::ItemAdd(item.bb, id)) return item;
    item.visible = true;
    bool hovered = false;
    if (enabled) item.pressed = ImGui::ButtonBehavior(item.bb, id, &hovered, &item.held);
    return item;
}

bool big_button(Ui& ui, const ButtonSpec& spec) {
    const TouchItem item = touch_item(spec.id, spec.size, spec.enabled);
    if (!item.visible) return false;
    const ImRect& bb = item.bb;
    const bool pressed = item.pressed, held = item.held;

    const float rounding = ImGui::GetStyle().FrameRounding;
    const float border = std::max(2.0f, ui.u * 0.08f);
    ImU32 fill = theme::kDisabled, edge = theme::kDisabledBorder;
    if (spec.enabled && spec.kind == ButtonKind::Primary) {
        fill = held ? theme::kPrimaryPressed : theme::kPrimary;
        edge = theme::kPrimaryPressed;
    } else if (spec.enabled) {
        fill = held ? theme::kSecondaryPressed : theme::kSecondary;
        edge = theme::kBorder;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(bb.Min, bb.Max, fill, rounding);
    dl->AddRect(bb.Min, bb.Max, edge, rounding, 0, border);

    std::vector<Line> lines = spec.lines;
    for (Line& line : lines) {
        if (!line.color) line.color = default_text_color(spec.kind, spec.enabled);
    }
    const float pad = ui.u * 0.9f;
    const float inner_w = spec.size.x - 2 * pad;
    const float gap = ui.u * 0.35f;
    const float h = lines_height(lines, inner_w, gap);
    const ImVec2 origin(bb.Min.x + pad, bb.Min.y + std::max(0.0f, (spec.size.y - h) * 0.5f));
    ImGui::PushClipRect(bb.Min, bb.Max, true);
    // The label is recorded once, as the clickable widget; the other lines as plain text.
    std::vector<Line> label(lines.begin(), lines.begin() + std::min<std::size_t>(1, lines.size()));
    const float label_h = draw_lines(ui, label, origin, inner_w, gap, spec.align, false);
    if (lines.size() > 1) {
        std::vector<Line> rest(lines.begin() + 1, lines.end());
        draw_lines(ui, rest, ImVec2(origin.x, origin.y + label_h + gap), inner_w, gap, spec.align);
    }
    ImGui::PopClipRect();
    if (!lines.empty()) record_widget(ui, lines[0].text, bb, true, spec.enabled);
    return pressed;
}

void entry_frame(Ui& ui, ImVec2 pos, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float rounding = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(pos, max, theme::kSecondary, rounding);
    dl->AddRect(pos, max, theme::kPrimary, rounding, 0, std::max(3.0f, ui.u * 0.12f));
}

void entry_field(Ui& ui, const std::string& shown, const char* placeholder, ImFont* font,
                 ImVec2 pos, ImVec2 size) {
    entry_frame(ui, pos, size);
    const float pad = ui.u * 0.7f;
    if (shown.empty()) {
        ImFont* f = ui.fonts.body;
        draw_lines(ui, {{placeholder, f, theme::kTextMuted}},
                   ImVec2(pos.x + pad, pos.y + (size.y - f->FontSize) * 0.5f), size.x - 2 * pad, 0,
                   Align::Left);
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float y = pos.y + (size.y - font->FontSize) * 0.5f;
    const float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str()).x;
    const float room = size.x - 2 * pad - ui.u * 0.4f;
    const float x = pos.x + pad - std::max(0.0f, text_w - room);
    ImGui::PushClipRect(ImVec2(pos.x + pad * 0.5f, pos.y), max, true);
    dl->AddText(font, font->FontSize, ImVec2(x, y), theme::kText, shown.c_str());
    ImGui::PopClipRect();
    record_widget(
        ui, shown,
        ImRect(std::max(x, pos.x + pad), y, std::min(x + text_w, max.x - pad), y + font->FontSize),
        false, true);
    const float cx = std::min(x + text_w + ui.u * 0.15f, max.x - pad);
    dl->AddLine(ImVec2(cx, y), ImVec2(cx, y + font->FontSize), theme::kPrimary,
                std::max(2.0f, ui.u * 0.08f));
}

bool check_toggle(Ui& ui, const char* id_str, bool on, const std::vector<Line>& lines,
                  ImVec2 size) {
    const TouchItem item = touch_item(id_str, size);
    if (!item.visible) return false;
    const ImRect& bb = item.bb;
    const bool pressed = item.pressed, held = item.held;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const float border = std::max(2.0f, ui.u * 0.08f);
    ImU32 fill = on ? theme::kSelected : theme::kSecondary;
    if (held) fill = theme::kSecondaryPressed;
    dl->AddRectFilled(bb.Min, bb.Max, fill, rounding);
    // On: thicker border as well as the tick, so the state never depends on colour.
    dl->AddRect(bb.Min, bb.Max, on ? theme::kSuccess : theme::kBorder, rounding, 0,
                on ? border * 2.0f : border);

    const float pad = ui.u * 0.8f;
    const float box = ui.u * 2.0f;
    const ImVec2 box_min(bb.Min.x + pad, bb.Min.y + (size.y - box) * 0.5f);
    const ImVec2 box_max(box_min.x + box, box_min.y + box);
    dl->AddRectFilled(box_min, box_max, on ? theme::kSuccess : theme::kSecondary, ui.u * 0.2f);
    dl->AddRect(box_min, box_max, on ? theme::kSuccess : theme::kBorder, ui.u * 0.2f, 0,
                border * 1.5f);
    if (on) {
        const float t = box * 0.16f;
        ImGui::RenderCheckMark(dl, ImVec2(box_min.x + t, box_min.y + t), theme::kPrimaryText,
                               box - 2 * t);
    }
    const float text_x = box_max.x + pad;
    const float text_w = bb.Max.x - pad - text_x;
    const float gap = ui.u * 0.25f;
    const float h = lines_height(lines, text_w, gap);
    const ImVec2 origin(text_x, bb.Min.y + std::max(0.0f, (size.y - h) * 0.5f));
    std::vector<Line> label(lines.begin(), lines.begin() + std::min<std::size_t>(1, lines.size()));
    const float label_h = draw_lines(ui, label, origin, text_w, gap, Align::Left, false);
    if (lines.size() > 1) {
        std::vector<Line> rest(lines.begin() + 1, lines.end());
        draw_lines(ui, rest, ImVec2(origin.x, origin.y + label_h + gap), text_w, gap, Align::Left);
    }
    if (!lines.empty()) record_widget(ui, lines[0].text, bb, true, true);
    return pressed;
}

float message_panel(Ui& ui, const std::vector<Line>& lines, float width, ImU32 fill, ImU32 border,
                    Align align) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 pos = window->DC.CursorPos;
    const float pad = ui.u * 0.8f;
    const float gap = ui.u * 0.3f;
    const float h = lines_height(lines, width - 2 * pad, gap) + 2 * pad;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + h));
    ImGui::ItemSize(bb);
    ImGui::ItemAdd(bb, 0);
    const float rounding = ImGui::GetStyle().FrameRounding;
    window->DrawList->AddRectFilled(bb.Min, bb.Max, fill, rounding);
    window->DrawList->AddRect(bb.Min, bb.Max, border, rounding, 0, std::max(2.0f, ui.u * 0.1f));
    draw_lines(ui, lines, ImVec2(pos.x + pad, pos.y + pad), width - 2 * pad, gap, align);
    return h;
}

void drag_to_scroll(Ui& ui) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    const ImGuiIO& io = g.IO;
    if (window->ScrollMax.y <= 0.0f || !io.MouseDown[0]) return;
    if (!window->Rect().Contains(io.MouseClickedPos[0])) return;
    if (g.ActiveId != 0 && g.ActiveId == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y)) return;
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, io.MouseDragThreshold)) return;
    ImGui::SetScrollY(window, window->Scroll.y - io.MouseDelta.y);
    if (g.ActiveId != 0) ImGui::ClearActiveID();  // the finger scrolls; no tile gets selected
    ui.out.emit(ActionType::UserActivity);
}

void text_item(Ui& ui, const std::string& text, ImFont* font, ImU32 color, float width,
               Align align) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 pos = window->DC.CursorPos;
    const std::vector<Line> lines{{text, font, color}};
    const float h = draw_lines(ui, lines, pos, width, 0.0f, align);
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + h));
    ImGui::ItemSize(bb);
    ImGui::ItemAdd(bb, 0);
}

}  // namespace kiosk::ui
