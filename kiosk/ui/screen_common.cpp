#include <algorithm>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

float bottom_row_top(const Ui& ui) {
    return ImGui::GetMainViewport()->Size.y - margin(ui) - touch_height(ui);
}

CentredColumn centred_column(const Ui& ui, float max_width_u) {
    const float screen_w = ImGui::GetMainViewport()->Size.x;
    const float w = std::min(screen_w - 2 * margin(ui), ui.u * max_width_u);
    return {(screen_w - w) * 0.5f, w};
}

float draw_header(Ui& ui, const ViewModel& vm, float width) {
    const float pad_x = margin(ui);
    const float pad_y = ui.u * 0.8f;
    const std::string clock = format_clock(vm.hour, vm.minute);
    ImFont* clock_font = ui.fonts.title;
    const float clock_w =
        clock_font->CalcTextSizeA(clock_font->FontSize, FLT_MAX, 0, clock.c_str()).x;
    const float text_w = width - 2 * pad_x - clock_w - ui.u;

    const std::string& office = ui.lang == Language::En && !vm.office_name_en.empty()
                                    ? vm.office_name_en
                                    : vm.office_name_vi;
    const std::vector<Line> lines{
        {office, ui.fonts.strong, theme::kHeaderText},
        {format_date(ui.lang, vm.year, vm.month, vm.day, vm.weekday), ui.fonts.body,
         theme::kHeaderText},
    };
    const float gap = ui.u * 0.25f;
    const float text_h = lines_height(lines, text_w, gap);
    const float height = std::max(text_h, clock_font->FontSize) + 2 * pad_y;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                                              theme::kHeader);
    draw_lines(ui, lines, ImVec2(origin.x + pad_x, origin.y + (height - text_h) * 0.5f), text_w,
               gap, Align::Left);
    const std::vector<Line> clock_line{{clock, clock_font, theme::kHeaderText}};
    draw_lines(ui, clock_line,
               ImVec2(origin.x + width - pad_x - clock_w,
                      origin.y + (height - clock_font->FontSize) * 0.5f),
               clock_w, 0, Align::Right);
    // The hidden staff corner: taps on the office name's left end. Five in a row open the PIN
    // keypad (the controller counts); nothing is drawn or recorded, citizens never see it.
    ImGui::SetCursorScreenPos(origin);
    if (ImGui::InvisibleButton("##staff-corner", ImVec2(ui.u * 3.0f, height)))
        ui.out.emit(ActionType::StaffCorner);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    return height;
}

float draw_notice(Ui& ui, const ViewModel& vm, ImVec2 pos, float width) {
    const std::string& text =
        ui.lang == Language::En && !vm.notice_en.empty() ? vm.notice_en : vm.notice_vi;
    if (text.empty()) return 0.0f;
    ImGui::SetCursorScreenPos(pos);
    return message_panel(ui, {{text, ui.fonts.body, theme::kNoticeText}}, width, theme::kNotice,
                         theme::kNoticeBorder, Align::Center);
}

bool home_button(Ui& ui, ImVec2 size) {
    return big_button(
        ui,
        {"##home", {{tr(ui.lang, Str::Home), ui.fonts.strong, 0}}, size, ButtonKind::Secondary});
}

bool language_button(Ui& ui, ImVec2 size) {
    return big_button(ui, {"##language",
                           {{tr(ui.lang, Str::LanguageToggle), ui.fonts.strong, 0}},
                           size,
                           ButtonKind::Secondary});
}

void countdown_text(Ui& ui, int seconds, float width, Align align) {
    if (seconds <= 0) return;
    text_item(ui, fill(tr(ui.lang, Str::BackHomeIn), std::to_string(seconds)), ui.fonts.body,
              theme::kTextMuted, width, align);
}

std::vector<Line> slip_phase_lines(Ui& ui, SlipPhase phase, const SlipWords& words,
                                   const std::string& error_vi, const std::string& error_en) {
    switch (phase) {
        case SlipPhase::None:
            return {};
        case SlipPhase::Printing:
            return {{words.printing, ui.fonts.strong, theme::kText}};
        case SlipPhase::Printed:
            return {{words.printed, ui.fonts.strong, theme::kSuccess}};
        case SlipPhase::Failed: {
            std::vector<Line> lines{{words.failed, ui.fonts.strong, theme::kErrorText}};
            const std::string& e =
                ui.lang == Language::En && !error_en.empty() ? error_en : error_vi;
            if (!e.empty()) lines.push_back({e, ui.fonts.body, theme::kText});
            return lines;
        }
    }
    return {};
}

}  // namespace kiosk::ui
