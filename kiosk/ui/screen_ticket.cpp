#include <algorithm>
#include <cmath>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

const std::string& service_name(const Ui& ui, const TicketView& t) {
    return ui.lang == Language::En && !t.service_name_en.empty() ? t.service_name_en
                                                                 : t.service_name_vi;
}

// The white card with "YOUR NUMBER", the number, a PRIORITY badge and the service; returns its
// height. With `measure_only` nothing is drawn.
float number_card(Ui& ui, const TicketView& t, ImVec2 pos, float width, bool measure_only) {
    const float pad = ui.u * 1.0f;
    const float inner_w = width - 2 * pad;
    const std::vector<Line> top{{tr(ui.lang, Str::YourNumber), ui.fonts.strong, theme::kTextMuted}};
    const std::vector<Line> number{{t.number, ui.fonts.huge, theme::kText}};
    std::vector<Line> bottom{{service_name(ui, t), ui.fonts.strong, theme::kText}};
    const std::string counters = format_counters(ui.lang, t.counters);
    if (!counters.empty()) bottom.push_back({counters, ui.fonts.strong, theme::kPrimary});
    const float badge_h = t.priority ? ui.fonts.strong->FontSize + ui.u * 0.8f : 0.0f;
    const float gap = ui.u * 0.5f;
    // The huge font's line box has generous space above the digits; pull the number up a bit.
    const float number_h = ui.fonts.huge->FontSize * 0.82f;
    const float h = pad + lines_height(top, inner_w, 0) + gap + number_h +
                    (t.priority ? badge_h + gap : 0.0f) + lines_height(bottom, inner_w, gap) + pad;
    if (measure_only) return h;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), theme::kSecondary, rounding);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), theme::kBorder, rounding, 0,
                std::max(2.0f, ui.u * 0.08f));
    float y = pos.y + pad;
    y += draw_lines(ui, top, ImVec2(pos.x + pad, y), inner_w, 0, Align::Center) + gap;
    draw_lines(ui, number, ImVec2(pos.x + pad, y - ui.fonts.huge->FontSize * 0.1f), inner_w, 0,
               Align::Center);
    y += number_h;
    if (t.priority) {
        // A bordered badge with the word: readable without colour.
        const char* label = tr(ui.lang, Str::PriorityMark);
        ImFont* f = ui.fonts.strong;
        const float text_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label).x;
        const float bw = text_w + ui.u * 1.6f;
        const ImVec2 bmin(pos.x + (width - bw) * 0.5f, y);
        const ImVec2 bmax(bmin.x + bw, y + badge_h);
        dl->AddRectFilled(bmin, bmax, theme::kErrorBorder, badge_h * 0.5f);
        draw_lines(ui, {{label, f, theme::kPrimaryText}},
                   ImVec2(bmin.x, bmin.y + (badge_h - f->FontSize) * 0.5f), bw, 0, Align::Center);
        y += badge_h + gap;
    }
    draw_lines(ui, bottom, ImVec2(pos.x + pad, y), inner_w, gap, Align::Center);
    return h;
}

// Indeterminate progress: a block sliding along a track (redrawn ~10 times a second).
void progress_bar(Ui& ui, ImVec2 pos, float width) {
    const float h = ui.u * 0.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), theme::kTrack, h * 0.5f);
    const float block = width * 0.3f;
    const double phase = std::fmod(ImGui::GetTime() * 0.6, 1.0);
    const float x = pos.x + static_cast<float>(phase) * (width + block) - block;
    const float x0 = std::max(pos.x, x), x1 = std::min(pos.x + width, x + block);
    if (x1 > x0)
        dl->AddRectFilled(ImVec2(x0, pos.y), ImVec2(x1, pos.y + h), theme::kPrimary, h * 0.5f);
    ui.out.redraw_after_s = 0.1f;
}

// "Home" button with the countdown under it in [x, x + width), ending at the bottom margin.
void footer(Ui& ui, const TicketView& t, float x, float width, ImVec2 screen,
            Align align = Align::Center) {
    const float m = margin(ui);
    const ImVec2 size(std::min(width, ui.u * 14.0f), touch_height(ui));
    const float countdown_h = t.seconds_until_home > 0 ? ui.u * 1.6f : 0.0f;
    const float top = screen.y - m - countdown_h - size.y;
    const float bx = align == Align::Center ? x + (width - size.x) * 0.5f : x;
    ImGui::SetCursorScreenPos(ImVec2(bx, top));
    if (home_button(ui, size)) ui.out.emit(ActionType::GoHome);
    ImGui::SetCursorScreenPos(ImVec2(x, top + size.y + ui.u * 0.5f));
    countdown_text(ui, t.seconds_until_home, width, align);
}

// Height of the footer block above the bottom margin.
float footer_height(const Ui& ui) {
    return touch_height(ui) + ui.u * 1.6f;
}

// A red disc with a white "!" (the shape says "problem" without relying on colour).
void warning_icon(ImVec2 centre, float size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(centre, size * 0.5f, theme::kErrorBorder, 48);
    const float bar_w = size * 0.11f;
    dl->AddRectFilled(ImVec2(centre.x - bar_w * 0.5f, centre.y - size * 0.3f),
                      ImVec2(centre.x + bar_w * 0.5f, centre.y + size * 0.1f), theme::kPrimaryText,
                      bar_w * 0.5f);
    dl->AddCircleFilled(ImVec2(centre.x, centre.y + size * 0.24f), bar_w * 0.6f,
                        theme::kPrimaryText, 16);
}

std::vector<Line> wait_lines(Ui& ui, const TicketView& t) {
    std::vector<Line> lines;
    if (t.people_ahead > 0) {
        lines.push_back({fill(tr(ui.lang, Str::PeopleAhead), std::to_string(t.people_ahead)),
                         ui.fonts.strong, theme::kText});
    }
    lines.push_back({format_wait_estimate(ui.lang, t.people_ahead, t.wait_minutes), ui.fonts.strong,
                     t.people_ahead > 0 ? theme::kText : theme::kSuccess});
    if (t.print_unconfirmed)
        lines.push_back({tr(ui.lang, Str::UnconfirmedNote), ui.fonts.body, theme::kErrorText});
    return lines;
}

void draw_printing(Ui& ui, const TicketView& t, float top, ImVec2 screen) {
    const float m = margin(ui);
    const float w = screen.x - 2 * m;
    const float card_w = std::min(w, ui.u * 22.0f);
    const std::vector<Line> title{{tr(ui.lang, Str::Printing), ui.fonts.title, theme::kText},
                                  {tr(ui.lang, Str::PleaseWait), ui.fonts.body, theme::kTextMuted}};
    const float gap = ui.u * 1.2f;
    const float title_h = lines_height(title, w, ui.u * 0.4f);
    const float card_h = t.number.empty() ? 0.0f : number_card(ui, t, {}, card_w, true);
    const float group_h = title_h + gap + ui.u * 0.6f + (card_h > 0 ? gap + card_h : 0.0f);
    float y = top + std::max(0.0f, (screen.y - top - m - group_h) * 0.4f);
    y += draw_lines(ui, title, ImVec2(m, y), w, ui.u * 0.4f, Align::Center) + gap;
    progress_bar(ui, ImVec2(m + (w - card_w) * 0.5f, y), card_w);
    y += ui.u * 0.6f + gap;
    if (card_h > 0) number_card(ui, t, ImVec2(m + (w - card_w) * 0.5f, y), card_w, false);
}

void draw_ready(Ui& ui, const TicketView& t, float top, ImVec2 screen) {
    const float m = margin(ui);
    const float w = screen.x - 2 * m;
    const std::vector<Line> title{{tr(ui.lang, Str::TakeTicket), ui.fonts.title, theme::kSuccess}};
    const std::vector<Line> waits = wait_lines(ui, t);
    const float footer_top = screen.y - m - footer_height(ui);
    const float gap = ui.u * 1.0f;
    if (ui.portrait) {
        const float card_w = std::min(w, ui.u * 22.0f);
        const float card_h = number_card(ui, t, {}, card_w, true);
        const float group_h =
            lines_height(title, w, 0) + gap + card_h + gap + lines_height(waits, w, ui.u * 0.4f);
        float y = top + std::max(0.0f, (footer_top - top - group_h) * 0.4f);
        y += draw_lines(ui, title, ImVec2(m, y), w, 0, Align::Center) + gap;
        y += number_card(ui, t, ImVec2(m + (w - card_w) * 0.5f, y), card_w, false) + gap;
        draw_lines(ui, waits, ImVec2(m, y), w, ui.u * 0.4f, Align::Center);
    } else {
        // Landscape: the card on the left; title, waiting information and the Home button on
        // the right.
        const float card_w = std::min(w * 0.48f, ui.u * 20.0f);
        const float card_h = number_card(ui, t, {}, card_w, true);
        const float right_x = m + card_w + m * 1.5f;
        const float right_w = screen.x - m - right_x;
        const float y0 = top + std::max(0.0f, (screen.y - m - top - card_h) * 0.4f);
        number_card(ui, t, ImVec2(m, y0), card_w, false);
        const float right_h =
            lines_height(title, right_w, 0) + gap + lines_height(waits, right_w, ui.u * 0.4f);
        const float right_bottom = screen.y - m - footer_height(ui) - gap;
        float y =
            y0 + std::max(0.0f, std::min((card_h - right_h) * 0.3f, right_bottom - y0 - right_h));
        y += draw_lines(ui, title, ImVec2(right_x, y), right_w, 0, Align::Left) + gap;
        draw_lines(ui, waits, ImVec2(right_x, y), right_w, ui.u * 0.4f, Align::Left);
        footer(ui, t, right_x, right_w, screen, Align::Left);
        return;
    }
    footer(ui, t, m, w, screen);
}

void draw_failed(Ui& ui, const TicketView& t, float top, ImVec2 screen) {
    const float m = margin(ui);
    const float w = std::min(screen.x - 2 * m, ui.u * 34.0f);
    const float x = (screen.x - w) * 0.5f;
    std::vector<Line> lines{{tr(ui.lang, Str::PrintFailed), ui.fonts.title, theme::kErrorText}};
    const std::string& error =
        ui.lang == Language::En && !t.error_en.empty() ? t.error_en : t.error_vi;
    if (!error.empty()) lines.push_back({error, ui.fonts.body, theme::kText});
    if (t.number_voided && !t.number.empty()) {
        // The cause already says what to do ("… — vui lòng báo cán bộ tiếp nhận.").
        lines.push_back(
            {fill(tr(ui.lang, Str::NumberVoided), t.number), ui.fonts.strong, theme::kErrorText});
    } else {
        lines.push_back({tr(ui.lang, Str::TryAgainOrAskStaff), ui.fonts.strong, theme::kText});
    }
    const float pad = ui.u * 0.8f;
    const float panel_h = lines_height(lines, w - 2 * pad, ui.u * 0.3f) + 2 * pad;
    const float icon = ui.u * 3.0f;
    const float gap = ui.u * 1.0f;
    const float footer_top = screen.y - m - footer_height(ui);
    float y = top + std::max(0.0f, (footer_top - top - icon - gap - panel_h) * 0.35f);
    warning_icon(ImVec2(screen.x * 0.5f, y + icon * 0.5f), icon);
    y += icon + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    message_panel(ui, lines, w, theme::kError, theme::kErrorBorder, Align::Center);
    footer(ui, t, m, screen.x - 2 * m, screen);
}

}  // namespace

void draw_ticket(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float top = draw_header(ui, vm, screen.x) + margin(ui);
    switch (vm.ticket.phase) {
        case TicketPhase::Printing:
            draw_printing(ui, vm.ticket, top, screen);
            break;
        case TicketPhase::Ready:
            draw_ready(ui, vm.ticket, top, screen);
            break;
        case TicketPhase::Failed:
            draw_failed(ui, vm.ticket, top, screen);
            break;
    }
}

}  // namespace kiosk::ui
