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
                    vm.printer_ready && vm.closed_vi.empty()};
    if (!vm.closed_vi.empty()) {
        // Outside issuing hours: why, and when to come back — in full-contrast text, since it is
        // the one thing a citizen needs from this button now.
        spec.lines.push_back(
            {ui.lang == Language::En ? vm.closed_en : vm.closed_vi, ui.fonts.strong, theme::kText});
    } else if (vm.printer_ready) {
        spec.lines.push_back({tr(ui.lang, Str::TakeNumberHint), ui.fonts.body, 0});
    } else {
        // Disabled, and says why in words (not just grey), in full-contrast text.
        spec.lines.push_back({tr(ui.lang, Str::PrinterPaused), ui.fonts.strong, theme::kText});
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

ButtonSpec procedures_spec(Ui& ui, ImVec2 size) {
    return {"##procedure-guide",
            {{tr(ui.lang, Str::ProcedureGuide), ui.fonts.strong, 0},
             {tr(ui.lang, Str::ProcedureGuideHint), ui.fonts.body, 0}},
            size,
            ButtonKind::Secondary,
            true};
}

ButtonSpec rating_spec(Ui& ui, ImVec2 size) {
    return {"##rate-service",
            {{tr(ui.lang, Str::RateService), ui.fonts.strong, 0},
             {tr(ui.lang, Str::RateServiceHint), ui.fonts.body, 0}},
            size,
            ButtonKind::Secondary,
            true};
}

// The optional buttons (procedure guide, rating) side by side in one row of `size`.
void draw_extra_row(Ui& ui, const ViewModel& vm, ImVec2 at, ImVec2 size, float gap) {
    const int count = (vm.procedures_available ? 1 : 0) + (vm.rating_available ? 1 : 0);
    if (count == 0) return;
    const ImVec2 each((size.x - gap * static_cast<float>(count - 1)) / static_cast<float>(count),
                      size.y);
    float x = at.x;
    if (vm.procedures_available) {
        ImGui::SetCursorScreenPos(ImVec2(x, at.y));
        if (big_button(ui, procedures_spec(ui, each))) ui.out.emit(ActionType::OpenProcedures);
        x += each.x + gap;
    }
    if (vm.rating_available) {
        ImGui::SetCursorScreenPos(ImVec2(x, at.y));
        if (big_button(ui, rating_spec(ui, each))) ui.out.emit(ActionType::OpenRating);
    }
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

    const bool extra_row = vm.procedures_available || vm.rating_available;
    if (ui.portrait) {
        const ImVec2 primary(content_w, std::max(ui.u * 8.0f, area_h * (extra_row ? 0.3f : 0.36f)));
        const ImVec2 secondary(content_w, std::max(touch_height(ui) * 1.4f, area_h * 0.2f));
        const ImVec2 extra(content_w, extra_row ? secondary.y : 0.0f);
        const float gap = ui.u * 1.4f;
        const float group_h =
            welcome_h + gap + primary.y + gap + secondary.y + (extra_row ? gap + extra.y : 0.0f);
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
        if (extra_row) draw_extra_row(ui, vm, ImVec2(m, y + secondary.y + gap), extra, gap);
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
        // The right column: the dossier lookup, with the optional buttons below it.
        const float dossier_h = extra_row ? (button_h - gap) * 0.55f : button_h;
        ImGui::SetCursorScreenPos(ImVec2(m + primary_w + gap, y));
        if (big_button(ui, dossier_spec(ui, ImVec2(secondary_w, dossier_h))))
            ui.out.emit(ActionType::OpenLookup);
        if (extra_row)
            draw_extra_row(ui, vm, ImVec2(m + primary_w + gap, y + dossier_h + gap),
                           ImVec2(secondary_w, button_h - dossier_h - gap), gap);
    }

    ImGui::SetCursorScreenPos(ImVec2((screen.x - lang_size.x) * 0.5f, bottom_top));
    if (language_button(ui, lang_size)) ui.out.emit(ActionType::ToggleLanguage);
}

}  // namespace kiosk::ui
