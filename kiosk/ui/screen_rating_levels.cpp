// Satisfaction rating: the five level buttons with their faces, the optional reason after a low
// level, and the thanks screen, in portrait and landscape.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "kiosk/ui/screen_lookup.h"
#include "kiosk/ui/screen_rating.h"
#include "kiosk/ui/screen_rating_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

constexpr float kPi = 3.14159265f;

// Face colours from green (5) to red (1); the words on every button carry the meaning too.
ImU32 face_color(int level) {
    switch (level) {
        case 5:
            return theme::rgb(0x2E, 0x8B, 0x3E);
        case 4:
            return theme::rgb(0x8B, 0xC3, 0x4A);
        case 3:
            return theme::rgb(0xF2, 0xC1, 0x2E);
        case 2:
            return theme::rgb(0xF0, 0x8A, 0x24);
        default:
            return theme::rgb(0xD9, 0x3B, 0x30);
    }
}

// A button with a face and the level's words: face left of the words (portrait rows) or above
// them (landscape columns). Recorded as a clickable widget labelled with the words.
bool level_button(Ui& ui, int level, ImVec2 pos, ImVec2 size, bool face_above) {
    const std::string id_text = "##rating-level-" + std::to_string(level);
    ImGui::SetCursorScreenPos(pos);
    const TouchItem item = touch_item(id_text.c_str(), size);
    if (!item.visible) return false;
    const ImRect& bb = item.bb;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(bb.Min, bb.Max, item.held ? theme::kSecondaryPressed : theme::kSecondary,
                      rounding);
    dl->AddRect(bb.Min, bb.Max, theme::kBorder, rounding, 0, std::max(2.0f, ui.u * 0.08f));
    const std::string words = rating_level_words(ui.lang, level);
    const float pad = ui.u * 0.6f;
    ImGui::PushClipRect(bb.Min, bb.Max, true);
    if (face_above) {
        // Room for two lines of words under every face, so the five faces are the same size
        // and the words start on one line across the row.
        const std::vector<Line> label{{words, ui.fonts.title, theme::kText}};
        const float text_h = lines_height(label, size.x - 2 * pad, 0);
        const float words_h = std::max(text_h, 2 * row_height(ui.fonts.title));
        const float face = std::min(size.x - 2 * pad, size.y - words_h - 3 * pad);
        const float y0 = pos.y + std::max(pad, (size.y - face - pad - words_h) * 0.5f);
        rating_face(dl, ImVec2(pos.x + size.x * 0.5f, y0 + face * 0.5f), face, level);
        draw_lines(ui, label, ImVec2(pos.x + pad, y0 + face + pad + (words_h - text_h) * 0.5f),
                   size.x - 2 * pad, 0, Align::Center, false);
    } else {
        const float face = size.y - 2 * pad;
        rating_face(dl, ImVec2(pos.x + pad * 1.5f + face * 0.5f, pos.y + size.y * 0.5f), face,
                    level);
        const float text_x = pos.x + pad * 3.0f + face;
        const float text_w = pos.x + size.x - pad - text_x;
        const std::vector<Line> label{{words, ui.fonts.title, theme::kText}};
        const float text_h = lines_height(label, text_w, 0);
        draw_lines(ui, label, ImVec2(text_x, pos.y + (size.y - text_h) * 0.5f), text_w, 0,
                   Align::Left, false);
    }
    ImGui::PopClipRect();
    record_widget(ui, words, bb, true, true);
    return item.pressed;
}

// The title, the ticket line and (optionally) a hint, centred; returns the height used.
float stage_heading(Ui& ui, const ViewModel& vm, RtStr title, RtStr hint, ImVec2 pos, float w) {
    std::vector<Line> lines{
        {tr(ui.lang, title), ui.fonts.title, theme::kText},
        {rating_ticket_line(ui.lang, vm.rating), ui.fonts.strong, theme::kPrimary},
        {tr(ui.lang, hint), ui.fonts.body, theme::kTextMuted}};
    return draw_lines(ui, lines, pos, w, ui.u * 0.35f, Align::Center);
}

}  // namespace

void rating_face(ImDrawList* dl, ImVec2 c, float d, int level) {
    const float r = d * 0.5f;
    const ImU32 ink = theme::rgb(0x1B, 0x1B, 0x1B);
    const float t = std::max(2.0f, d * 0.055f);
    dl->AddCircleFilled(c, r, face_color(level), 48);
    dl->AddCircle(c, r, ink, 48, std::max(1.5f, d * 0.025f));
    const float eye_dx = d * 0.17f, eye_y = c.y - d * 0.1f, eye_r = d * 0.055f;
    dl->AddCircleFilled(ImVec2(c.x - eye_dx, eye_y), eye_r, ink, 16);
    dl->AddCircleFilled(ImVec2(c.x + eye_dx, eye_y), eye_r, ink, 16);
    auto arc = [&](ImVec2 centre, float radius, float a0, float a1) {
        dl->PathArcTo(centre, radius, a0, a1, 24);
        dl->PathStroke(ink, 0, t);
    };
    // Screen y points down: angles 0–π are the lower half of a circle (a smile).
    switch (level) {
        case 5:
            arc(ImVec2(c.x, c.y + d * 0.02f), d * 0.27f, 0.12f * kPi, 0.88f * kPi);
            break;
        case 4:
            arc(ImVec2(c.x, c.y - d * 0.02f), d * 0.24f, 0.28f * kPi, 0.72f * kPi);
            break;
        case 3:
            dl->AddLine(ImVec2(c.x - d * 0.17f, c.y + d * 0.2f),
                        ImVec2(c.x + d * 0.17f, c.y + d * 0.2f), ink, t);
            break;
        case 2:
            arc(ImVec2(c.x, c.y + d * 0.42f), d * 0.22f, 1.28f * kPi, 1.72f * kPi);
            break;
        default:  // 1: a deep frown and sad (not angry) brows, raised in the middle
            arc(ImVec2(c.x, c.y + d * 0.44f), d * 0.26f, 1.16f * kPi, 1.84f * kPi);
            dl->AddLine(ImVec2(c.x - eye_dx - d * 0.09f, eye_y - d * 0.09f),
                        ImVec2(c.x - eye_dx + d * 0.07f, eye_y - d * 0.16f), ink, t);
            dl->AddLine(ImVec2(c.x + eye_dx + d * 0.09f, eye_y - d * 0.09f),
                        ImVec2(c.x + eye_dx - d * 0.07f, eye_y - d * 0.16f), ink, t);
            break;
    }
}

void draw_rating_choose(Ui& ui, const ViewModel& vm, float top) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float w = screen.x - 2 * m;
    const float gap = ui.u * 0.6f;
    float y = top + stage_heading(ui, vm, RtStr::ChooseTitle, RtStr::ChooseHint, ImVec2(m, top), w);
    y += gap * 1.5f;
    const float bottom_top = bottom_row_top(ui) - gap;
    const float avail = bottom_top - y;
    int tapped = 0;
    if (ui.portrait) {  // five rows, best on top
        const float row_h = std::clamp((avail - 4 * gap) / 5.0f, touch_height(ui), ui.u * 4.6f);
        for (int level = 5; level >= 1; --level) {
            if (level_button(ui, level, ImVec2(m, y), ImVec2(w, row_h), false)) tapped = level;
            y += row_h + gap;
        }
    } else {  // five columns, best on the left
        const float col_w = (w - 4 * gap) / 5.0f;
        const float col_h = std::clamp(avail, touch_height(ui), ui.u * 11.0f);
        float x = m;
        for (int level = 5; level >= 1; --level) {
            if (level_button(ui, level, ImVec2(x, y), ImVec2(col_w, col_h), true)) tapped = level;
            x += col_w + gap;
        }
    }
    if (tapped) ui.out.emit(ActionType::Rating, "level:" + std::to_string(tapped));
    lookup_bottom_buttons(ui, m, w, true);
}

void draw_rating_reason(Ui& ui, const ViewModel& vm, float top) {
    const RatingView& v = vm.rating;
    const auto [x, w] = centred_column(ui, 40.0f);
    const float gap = ui.u * 0.6f;
    float y = top + stage_heading(ui, vm, RtStr::ReasonTitle, RtStr::ReasonHint, ImVec2(x, top), w);
    y += gap;
    // The level tapped, with its face, so the citizen sees what is being explained.
    const float face = ui.u * 2.2f;
    const std::string chosen =
        fill(tr(ui.lang, RtStr::YouChose), rating_level_words(ui.lang, v.level));
    ImFont* f = ui.fonts.strong;
    const float text_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, chosen.c_str()).x;
    const float row_w = std::min(w, face + gap + text_w);
    const float row_x = x + (w - row_w) * 0.5f;
    rating_face(ImGui::GetWindowDrawList(), ImVec2(row_x + face * 0.5f, y + face * 0.5f), face,
                v.level);
    draw_lines(ui, {{chosen, f, theme::kText}},
               ImVec2(row_x + face + gap, y + (face - f->FontSize) * 0.5f), w - face - gap, 0,
               Align::Left);
    y += face + gap * 1.5f;

    const float bottom_top = bottom_row_top(ui) - gap;
    // Portrait: the four reasons in two rows; landscape: in one row (the screen is short).
    // "Bỏ qua" gets a row of its own below them.
    constexpr int kReasons = static_cast<int>(std::size(kRatingReasonCodes));
    const int cols = ui.portrait ? 2 : kReasons;
    const int rows = (kReasons + cols - 1) / cols + 1;
    const float bw = (w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float avail = bottom_top - y - gap;
    const float bh = std::clamp((avail - gap * static_cast<float>(rows - 1)) / rows,
                                touch_height(ui), ui.u * 4.0f);
    // Four in a row leave less width: the label font one step smaller so words fit on a line.
    ImFont* reason_font = ui.portrait ? ui.fonts.title : ui.fonts.strong;
    int i = 0;
    for (const char* code : kRatingReasonCodes) {
        ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(i % cols) * (bw + gap),
                                         y + static_cast<float>(i / cols) * (bh + gap)));
        const std::string id = std::string("##rating-reason-") + code;
        if (big_button(ui, {id.c_str(),
                            {{rating_reason_words(ui.lang, code), reason_font, 0}},
                            ImVec2(bw, bh),
                            ButtonKind::Secondary}))
            ui.out.emit(ActionType::Rating, std::string("reason:") + code);
        ++i;
    }
    y += static_cast<float>(rows - 1) * (bh + gap);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (big_button(ui, {"##rating-skip",
                        {{tr(ui.lang, RtStr::Skip), ui.fonts.title, 0}},
                        ImVec2(w, bh),
                        ButtonKind::Primary}))
        ui.out.emit(ActionType::Rating, "skip");
    lookup_bottom_buttons(ui, x, w, true);
}

void draw_rating_thanks(Ui& ui, const ViewModel& vm, float top) {
    const RatingView& v = vm.rating;
    const float screen_w = ImGui::GetMainViewport()->Size.x;
    const auto [x, w] = centred_column(ui, 34.0f);
    const float face = ui.u * (ui.portrait ? 6.0f : 4.5f);
    const float gap = ui.u * 1.0f;
    const std::vector<Line> lines{
        {tr(ui.lang, RtStr::Thanks), ui.fonts.title, theme::kSuccess},
        {fill(tr(ui.lang, RtStr::YouChose), rating_level_words(ui.lang, v.level)), ui.fonts.strong,
         theme::kText},
        {rating_ticket_line(ui.lang, v), ui.fonts.body, theme::kTextMuted},
        {tr(ui.lang, RtStr::ThanksBody), ui.fonts.strong, theme::kText}};
    const float text_h = lines_height(lines, w, ui.u * 0.5f);
    const float bottom_top = bottom_row_top(ui);
    const float group = face + gap + text_h + gap + ui.fonts.body->FontSize;
    float y = top + std::max(0.0f, (bottom_top - top - group) * 0.35f);
    rating_face(ImGui::GetWindowDrawList(), ImVec2(screen_w * 0.5f, y + face * 0.5f), face,
                v.level);
    y += face + gap;
    y += draw_lines(ui, lines, ImVec2(x, y), w, ui.u * 0.5f, Align::Center) + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    countdown_text(ui, v.seconds_until_home, w, Align::Center);
    lookup_bottom_buttons(ui, x, w, true);
}

}  // namespace kiosk::ui
