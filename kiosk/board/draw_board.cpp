#include "kiosk/board/draw_board.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "kiosk/board/board_strings.h"
#include "kiosk/ui/strings.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::board {
namespace {

namespace theme = ui::theme;
using ui::Align;
using ui::Line;

constexpr ImU32 kHighlight = theme::rgb(0xFF, 0xD6, 0x4F);  // warm amber: "this one is new"
constexpr ImU32 kCallPanel = theme::rgb(0xFF, 0xFF, 0xFF);
constexpr ImU32 kRowAlt = theme::rgb(0xEC, 0xE8, 0xDE);

float text_w(ImFont* f, float size, const std::string& s) {
    return f->CalcTextSizeA(size, FLT_MAX, 0, s.c_str()).x;
}

// Text at an explicit size (the huge font scaled down when a number is too wide), recorded.
void text_at(ui::Ui& ui, ImFont* f, float size, ImVec2 pos, ImU32 color, const std::string& s,
             bool record = true) {
    ImGui::GetWindowDrawList()->AddText(f, size, pos, color, s.c_str());
    if (record)
        ui::record_widget(ui, s, ImRect(pos, ImVec2(pos.x + text_w(f, size, s), pos.y + size)),
                          false, true);
}

// A right-pointing arrow drawn as shapes (the huge font holds digits and capitals only).
void arrow(ImVec2 centre, float length, float thickness, ImU32 color) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float head = thickness * 2.2f;
    const float x0 = centre.x - length * 0.5f, x1 = centre.x + length * 0.5f;
    dl->AddRectFilled(ImVec2(x0, centre.y - thickness * 0.5f),
                      ImVec2(x1 - head * 0.8f, centre.y + thickness * 0.5f), color);
    dl->AddTriangleFilled(ImVec2(x1 - head * 1.1f, centre.y - head), ImVec2(x1, centre.y),
                          ImVec2(x1 - head * 1.1f, centre.y + head), color);
}

float header(ui::Ui& ui, const BoardViewModel& vm, float width) {
    const float pad_x = ui.u * 1.2f, pad_y = ui.u * 0.6f;
    const std::string clock = ui::format_clock(vm.hour, vm.minute);
    ImFont* cf = ui.fonts.title;
    const float clock_w = text_w(cf, cf->FontSize, clock);
    const std::vector<Line> lines{
        {vm.office_name_vi, ui.fonts.strong, theme::kHeaderText},
        {ui::format_date(ui::Language::Vi, vm.year, vm.month, vm.day, vm.weekday) + "  ·  " +
             ui::format_date(ui::Language::En, vm.year, vm.month, vm.day, vm.weekday),
         ui.fonts.body, theme::kHeaderText},
    };
    const float text_wd = width - 2 * pad_x - clock_w - ui.u;
    const float gap = ui.u * 0.2f;
    const float text_h = ui::lines_height(lines, text_wd, gap);
    const float h = std::max(text_h, cf->FontSize) + 2 * pad_y;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(width, h), theme::kHeader);
    ui::draw_lines(ui, lines, ImVec2(pad_x, (h - text_h) * 0.5f), text_wd, gap, Align::Left);
    ui::draw_lines(ui, {{clock, cf, theme::kHeaderText}},
                   ImVec2(width - pad_x - clock_w, (h - cf->FontSize) * 0.5f), clock_w + 1, 0,
                   Align::Right);
    return h;
}

// The latest call: "1005 → QUẦY 3" as large as the panel allows.
void latest_call(ui::Ui& ui, const BoardViewModel& vm, ImVec2 a, ImVec2 b, double time_s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const bool blink_on = vm.highlight && std::fmod(time_s, 1.0) < 0.5;
    dl->AddRectFilled(a, b, vm.highlight && blink_on ? kHighlight : kCallPanel, rounding);
    dl->AddRect(a, b, vm.highlight ? theme::kNoticeBorder : theme::kBorder, rounding, 0,
                vm.highlight ? ui.u * 0.3f : std::max(2.0f, ui.u * 0.08f));
    const float pad = ui.u * 1.0f;
    const float w = b.x - a.x - 2 * pad;
    float y = a.y + pad;
    y += ui::draw_lines(ui,
                        {{vi(BStr::NowCalling), ui.fonts.title, theme::kText},
                         {en(BStr::NowCalling), ui.fonts.body, theme::kTextMuted}},
                        ImVec2(a.x + pad, y), w, ui.u * 0.2f, Align::Center);
    if (!vm.has_latest) {
        ui::draw_lines(ui,
                       {{vi(BStr::NoCallsYet), ui.fonts.title, theme::kTextMuted},
                        {en(BStr::NoCallsYet), ui.fonts.body, theme::kTextMuted}},
                       ImVec2(a.x + pad, (y + b.y) * 0.5f - ui.u * 1.5f), w, ui.u * 0.3f,
                       Align::Center);
        return;
    }
    // The whole call as one text for scripts and screen readers: "1005 → Quầy 3".
    const std::string number = vm.latest.number;
    const std::string counter = std::to_string(vm.latest.counter);
    ImFont* huge = ui.fonts.huge;
    const float caption = ui.fonts.title->FontSize;
    const float badge_h = ui.fonts.strong->FontSize + ui.u * 0.7f;
    const float avail_h = b.y - pad - badge_h - ui.u * 0.6f - y - caption;
    float size = std::min(huge->FontSize * 1.0f, avail_h / 0.9f);
    const float arrow_len = size * 0.55f;
    const float gap = size * 0.14f;
    const auto total = [&](float s) {
        return text_w(huge, s, number) + 2 * gap + arrow_len * (s / size) +
               std::max(text_w(huge, s, counter),
                        text_w(ui.fonts.title, caption, vi(BStr::ToCounter)));
    };
    if (total(size) > w) size *= w / total(size);
    const float number_w = text_w(huge, size, number);
    const float counter_w =
        std::max(text_w(huge, size, counter), text_w(ui.fonts.title, caption, vi(BStr::ToCounter)));
    const float row_w = number_w + 2 * gap + arrow_len + counter_w;
    const float x0 = a.x + pad + (w - row_w) * 0.5f;
    // The caption + digits block sits in the middle of the space left above the badge.
    const float block_h = caption + ui.u * 0.2f + size * 0.9f;
    y += std::max(0.0f, (b.y - pad - badge_h - ui.u * 0.6f - y - block_h) * 0.5f);
    const float digits_top = y + caption + ui.u * 0.2f;
    // The digits of Noto Sans Bold sit in roughly the 0.1–0.82 band of the line box.
    const float ink_mid = digits_top + size * 0.46f;
    text_at(ui, huge, size, ImVec2(x0, digits_top - size * 0.04f), theme::kText, number, false);
    arrow(ImVec2(x0 + number_w + gap + arrow_len * 0.5f, ink_mid), arrow_len, size * 0.09f,
          theme::kPrimary);
    const float cx = x0 + number_w + 2 * gap + arrow_len;
    ui::draw_lines(ui, {{vi(BStr::ToCounter), ui.fonts.title, theme::kPrimary}}, ImVec2(cx, y),
                   counter_w, 0, Align::Center);
    const float cw = text_w(huge, size, counter);
    text_at(ui, huge, size, ImVec2(cx + (counter_w - cw) * 0.5f, digits_top - size * 0.04f),
            theme::kPrimary, counter, false);
    ui::record_widget(ui, vi(BStr::CallLine, number, counter),
                      ImRect(ImVec2(x0, digits_top), ImVec2(x0 + row_w, digits_top + size)), false,
                      true);
    ui::record_widget(ui, en(BStr::CallLine, number, counter),
                      ImRect(ImVec2(x0, digits_top), ImVec2(x0 + row_w, digits_top + size)), false,
                      true);

    // A badge in words, so "new" never depends on the blink or the colour.
    if (vm.highlight || vm.latest.recall) {
        const std::string badge =
            vm.latest.recall ? std::string(vi(BStr::CalledAgain)) + " · " + en(BStr::CalledAgain)
                             : std::string(vi(BStr::JustCalled)) + " · " + en(BStr::JustCalled);
        ImFont* f = ui.fonts.strong;
        const float bw = text_w(f, f->FontSize, badge) + ui.u * 1.6f;
        const ImVec2 bmin(a.x + (b.x - a.x - bw) * 0.5f, b.y - pad - badge_h);
        dl->AddRectFilled(bmin, ImVec2(bmin.x + bw, bmin.y + badge_h), theme::kHeader,
                          badge_h * 0.5f);
        ui::draw_lines(ui, {{badge, f, theme::kHeaderText}},
                       ImVec2(bmin.x, bmin.y + (badge_h - f->FontSize) * 0.5f), bw, 0,
                       Align::Center);
    }
}

// The calls before the latest: "1004   Quầy 2" rows, newest first.
void recent_calls(ui::Ui& ui, const BoardViewModel& vm, ImVec2 a, ImVec2 b) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(a, b, kCallPanel, rounding);
    dl->AddRect(a, b, theme::kBorder, rounding, 0, std::max(2.0f, ui.u * 0.08f));
    const float pad = ui.u * 0.9f;
    const float w = b.x - a.x - 2 * pad;
    float y = a.y + pad;
    y += ui::draw_lines(ui,
                        {{std::string(vi(BStr::RecentTitle)) + " · " + en(BStr::RecentTitle),
                          ui.fonts.strong, theme::kText}},
                        ImVec2(a.x + pad, y), w, 0, Align::Left) +
         ui.u * 0.5f;
    const float col2 = a.x + pad + w * 0.5f;
    ui::draw_lines(ui,
                   {{std::string(vi(BStr::NumberColumn)) + " · " + en(BStr::NumberColumn),
                     ui.fonts.body, theme::kTextMuted}},
                   ImVec2(a.x + pad, y), w * 0.5f, 0, Align::Left);
    ui::draw_lines(ui,
                   {{std::string(vi(BStr::CounterColumn)) + " · " + en(BStr::CounterColumn),
                     ui.fonts.body, theme::kTextMuted}},
                   ImVec2(col2, y), w * 0.5f, 0, Align::Left);
    y += ui.fonts.body->FontSize + ui.u * 0.4f;
    const float row_h = ui.fonts.title->FontSize * 1.35f;
    int i = 0;
    for (const BoardCallView& c : vm.recent) {
        if (y + row_h > b.y - pad * 0.5f) break;
        if (i++ % 2 == 0)
            dl->AddRectFilled(ImVec2(a.x + pad * 0.5f, y), ImVec2(b.x - pad * 0.5f, y + row_h),
                              kRowAlt, rounding * 0.5f);
        const float ty = y + (row_h - ui.fonts.title->FontSize) * 0.5f;
        ui::draw_lines(ui, {{c.number, ui.fonts.title, theme::kText}}, ImVec2(a.x + pad, ty),
                       w * 0.5f, 0, Align::Left);
        ui::draw_lines(
            ui, {{vi(BStr::CounterN, std::to_string(c.counter)), ui.fonts.title, theme::kPrimary}},
            ImVec2(col2, ty), w * 0.5f, 0, Align::Left);
        y += row_h;
    }
}

float waiting_tile_width(const ui::Ui& ui, const BoardViewModel& vm, float x0, float x1) {
    const auto n = static_cast<float>(std::max<std::size_t>(1, vm.fields.size()));
    return (x1 - x0 - ui.u * 5.5f - ui.u * 0.4f * n) / n;
}

std::vector<Line> waiting_lines(const ui::Ui& ui, const BoardFieldView& f) {
    return {{f.name_vi, ui.fonts.body, theme::kText},
            {vi(BStr::WaitingPeople, std::to_string(f.waiting)), ui.fonts.strong,
             f.waiting > 0 ? theme::kText : theme::kTextMuted}};
}

// Height of the band: the tallest tile (a long field name takes two rows).
float waiting_band_height(const ui::Ui& ui, const BoardViewModel& vm, float width) {
    if (vm.fields.empty()) return 0.0f;
    const float inner = waiting_tile_width(ui, vm, 0, width) - ui.u * 0.8f;
    float h = 0;
    for (const BoardFieldView& f : vm.fields)
        h = std::max(h, ui::lines_height(waiting_lines(ui, f), inner, ui.u * 0.1f));
    return h + ui.u * 0.7f;
}

// Waiting counts, one tile per field, across the width.
void waiting_band(ui::Ui& ui, const BoardViewModel& vm, ImVec2 a, ImVec2 b) {
    if (vm.fields.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float label_w = ui.u * 5.5f;
    ui::draw_lines(ui,
                   {{vi(BStr::WaitingTitle), ui.fonts.strong, theme::kText},
                    {en(BStr::WaitingTitle), ui.fonts.body, theme::kTextMuted}},
                   ImVec2(a.x, a.y + (b.y - a.y - ui.u * 2.3f) * 0.5f), label_w, ui.u * 0.1f,
                   Align::Left);
    const float gap = ui.u * 0.4f;
    const float tile_w = waiting_tile_width(ui, vm, a.x, b.x);
    float x = a.x + label_w + gap;
    for (const BoardFieldView& f : vm.fields) {
        const ImVec2 tmin(x, a.y), tmax(x + tile_w, b.y);
        dl->AddRectFilled(tmin, tmax, kCallPanel, ImGui::GetStyle().FrameRounding);
        dl->AddRect(tmin, tmax, theme::kDisabledBorder, ImGui::GetStyle().FrameRounding, 0,
                    std::max(2.0f, ui.u * 0.06f));
        const float pad = ui.u * 0.4f;
        ImGui::PushClipRect(tmin, tmax, true);
        const std::vector<Line> lines = waiting_lines(ui, f);
        const float h = ui::lines_height(lines, tile_w - 2 * pad, ui.u * 0.1f);
        ui::draw_lines(ui, lines, ImVec2(x + pad, a.y + (b.y - a.y - h) * 0.5f), tile_w - 2 * pad,
                       ui.u * 0.1f, Align::Center);
        ImGui::PopClipRect();
        x += tile_w + gap;
    }
}

// The notice along the bottom: still when it fits, otherwise scrolling right to left.
void notice_band(ui::Ui& ui, const BoardViewModel& vm, ImVec2 a, ImVec2 b, double time_s) {
    std::string text = vm.notice_vi;
    if (!vm.notice_en.empty()) text += (text.empty() ? "" : "   ·   ") + vm.notice_en;
    if (text.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, theme::kNotice);
    dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, a.y), theme::kNoticeBorder,
                std::max(2.0f, ui.u * 0.08f));
    ImFont* f = ui.fonts.strong;
    const float y = a.y + (b.y - a.y - f->FontSize) * 0.5f;
    const float width = b.x - a.x;
    const float tw = text_w(f, f->FontSize, text);
    ImGui::PushClipRect(a, b, true);
    if (tw <= width - 2 * ui.u) {
        text_at(ui, f, f->FontSize, ImVec2(a.x + (width - tw) * 0.5f, y), theme::kNoticeText, text);
    } else {
        const float spacing = ui.u * 6.0f;
        const float period = tw + spacing;
        const float offset =
            std::fmod(static_cast<float>(time_s) * kNoticeSpeedPx * ui.fonts.scale, period);
        const float x = a.x + ui.u - offset;
        text_at(ui, f, f->FontSize, ImVec2(x, y), theme::kNoticeText, text, false);
        text_at(ui, f, f->FontSize, ImVec2(x + period, y), theme::kNoticeText, text, false);
        // Recorded once, whole, so scripts can find it wherever the scroll is.
        ui::record_widget(ui, text, ImRect(a, b), false, true);
        ui.out.redraw_after_s = 1.0f / kNoticeFps;
    }
    ImGui::PopClipRect();
}

// Calm veil while the hub is gone: the last picture stays, dimmed, under a short message.
void reconnect_veil(ui::Ui& ui, const BoardViewModel& vm, ImVec2 screen) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(ImVec2(0, 0), screen, IM_COL32(0x0E, 0x3A, 0x6B, 170));
    const bool first = vm.link == BoardLink::Connecting;
    const std::vector<Line> lines{
        {vi(first ? BStr::Connecting : BStr::Reconnecting), ui.fonts.title, theme::kText},
        {en(first ? BStr::Connecting : BStr::Reconnecting), ui.fonts.strong, theme::kTextMuted},
        {vi(BStr::ReconnectingHint), ui.fonts.body, theme::kText},
        {en(BStr::ReconnectingHint), ui.fonts.body, theme::kTextMuted},
    };
    const float w = std::min(screen.x * 0.7f, ui.u * 36.0f);
    const float pad = ui.u * 1.4f;
    const float h = ui::lines_height(lines, w - 2 * pad, ui.u * 0.4f) + 2 * pad;
    const ImVec2 min((screen.x - w) * 0.5f, (screen.y - h) * 0.5f);
    dl->AddRectFilled(min, ImVec2(min.x + w, min.y + h), theme::kBackground,
                      ImGui::GetStyle().FrameRounding);
    // draw_lines paints on the window's list; the veil must be on top, so draw text here too.
    float y = min.y + pad;
    for (const Line& l : lines) {
        const float lw = text_w(l.font, l.font->FontSize, l.text);
        const ImVec2 p(min.x + (w - lw) * 0.5f, y);
        dl->AddText(l.font, l.font->FontSize, p, l.color, l.text.c_str());
        ui::record_widget(ui, l.text, ImRect(p, ImVec2(p.x + lw, p.y + l.font->FontSize)), false,
                          true);
        y += l.font->FontSize + ui.u * 0.4f;
    }
}

}  // namespace

void draw_board(const BoardViewModel& vm, const ui::UiFonts& fonts, ui::FrameOutput& out,
                double time_s) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 screen = viewport->Size;
    ui::Ui ui{fonts, out, ui::Language::Vi, fonts.body->FontSize, screen.y > screen.x};

    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(screen);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::Begin("##board", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoInputs);
    ImGui::PushFont(fonts.body);

    const float m = ui.u * 0.8f;
    const float top = header(ui, vm, screen.x) + m;
    const bool has_notice = !vm.notice_vi.empty() || !vm.notice_en.empty();
    const float notice_h = has_notice ? fonts.strong->FontSize + ui.u * 0.9f : 0.0f;
    const float band_h = waiting_band_height(ui, vm, screen.x - 2 * m);
    const float notice_top = screen.y - notice_h;
    const float band_top = notice_top - m - band_h;
    const float main_bottom = band_top - (band_h > 0 ? m : 0.0f);
    const float left_w = (screen.x - 3 * m) * (ui.portrait ? 1.0f : 0.62f);
    if (ui.portrait) {
        const float split = top + (main_bottom - top) * 0.55f;
        latest_call(ui, vm, ImVec2(m, top), ImVec2(screen.x - m, split), time_s);
        recent_calls(ui, vm, ImVec2(m, split + m), ImVec2(screen.x - m, main_bottom));
    } else {
        latest_call(ui, vm, ImVec2(m, top), ImVec2(m + left_w, main_bottom), time_s);
        recent_calls(ui, vm, ImVec2(2 * m + left_w, top), ImVec2(screen.x - m, main_bottom));
    }
    if (band_h > 0)
        waiting_band(ui, vm, ImVec2(m, band_top), ImVec2(screen.x - m, band_top + band_h));
    if (has_notice) notice_band(ui, vm, ImVec2(0, notice_top), screen, time_s);
    if (vm.link != BoardLink::Connected) reconnect_veil(ui, vm, screen);
    if (vm.highlight)
        out.redraw_after_s = out.redraw_after_s > 0 ? std::min(out.redraw_after_s, 0.5f) : 0.5f;

    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace kiosk::board
