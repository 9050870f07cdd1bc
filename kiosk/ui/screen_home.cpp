#include <algorithm>

#include "kiosk/ui/screen_lookup_strings.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

ButtonSpec take_number_spec(Ui& ui, const ViewModel& vm, ImVec2 size) {
    ButtonSpec spec{"##take-number",
                    {{tr(ui.lang, Str::TakeNumber), ui.fonts.title, 0}},
                    size,
                    ButtonKind::Primary,
                    vm.printer_ready};
    if (vm.printer_ready) {
        spec.lines.push_back({tr(ui.lang, Str::TakeNumberHint), ui.fonts.body, 0});
    } else {
        // Disabled, and says why in words (not just grey).
        spec.lines.push_back({tr(ui.lang, Str::PrinterPaused), ui.fonts.body, 0});
    }
    return spec;
}

ButtonSpec dossier_spec(Ui& ui, ImVec2 size) {
    return {"##check-dossier",
            {{tr(ui.lang, Str::CheckDossier), ui.fonts.title, 0},
             {tr(ui.lang, LkStr::HomeHint), ui.fonts.body, 0}},
            size,
            ButtonKind::Secondary,
            true};
}

}  // namespace

void draw_home(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float header_h = draw_header(ui, vm, screen.x);
    const float content_w = screen.x - 2 * m;

    // Bottom row: the language toggle, always in the same place.
    const ImVec2 lang_size(ui.u * 9.0f, touch_height(ui));
    const float bottom_top = screen.y - m - lang_size.y;

    float y = header_h + m;
    y += draw_notice(ui, vm, ImVec2(m, y), content_w);
    if (!vm.notice_vi.empty() || !vm.notice_en.empty()) y += m;

    const std::vector<Line> welcome{{tr(ui.lang, Str::Welcome), ui.fonts.title, theme::kText}};
    const float welcome_h = lines_height(welcome, content_w, 0);
    const float area_h = bottom_top - m - y;  // room for welcome + buttons

    if (ui.portrait) {
        const ImVec2 primary(content_w, std::max(ui.u * 8.0f, area_h * 0.36f));
        const ImVec2 secondary(content_w, std::max(touch_height(ui) * 1.4f, area_h * 0.2f));
        const float gap = ui.u * 1.4f;
        const float group_h = welcome_h + gap + primary.y + gap + secondary.y;
        // Slightly above the centre: the eye starts at the top.
        y += std::max(0.0f, (area_h - group_h) * 0.4f);
        draw_lines(ui, welcome, ImVec2(m, y), content_w, 0, Align::Center);
        y += welcome_h + gap;
        ImGui::SetCursorScreenPos(ImVec2(m, y));
        if (big_button(ui, take_number_spec(ui, vm, primary)))
            ui.out.emit(ActionType::OpenServicePicker);
        y += primary.y + gap;
        ImGui::SetCursorScreenPos(ImVec2(m, y));
        if (big_button(ui, dossier_spec(ui, secondary))) ui.out.emit(ActionType::OpenLookup);
    } else {
        const float gap = ui.u * 1.2f;
        const float button_h = std::clamp(area_h - welcome_h - gap, touch_height(ui), ui.u * 11.0f);
        const float primary_w = (content_w - gap) * 0.6f;
        const float secondary_w = content_w - gap - primary_w;
        const float group_h = welcome_h + gap + button_h;
        y += std::max(0.0f, (area_h - group_h) * 0.4f);
        draw_lines(ui, welcome, ImVec2(m, y), content_w, 0, Align::Center);
        y += welcome_h + gap;
        ImGui::SetCursorScreenPos(ImVec2(m, y));
        if (big_button(ui, take_number_spec(ui, vm, ImVec2(primary_w, button_h))))
            ui.out.emit(ActionType::OpenServicePicker);
        ImGui::SetCursorScreenPos(ImVec2(m + primary_w + gap, y));
        if (big_button(ui, dossier_spec(ui, ImVec2(secondary_w, button_h))))
            ui.out.emit(ActionType::OpenLookup);
    }

    ImGui::SetCursorScreenPos(ImVec2((screen.x - lang_size.x) * 0.5f, bottom_top));
    if (language_button(ui, lang_size)) ui.out.emit(ActionType::ToggleLanguage);
}

}  // namespace kiosk::ui
