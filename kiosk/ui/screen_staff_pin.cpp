// The staff PIN keypad: digits shown as dots, a lock after too many wrong tries.
#include <algorithm>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

int key_grid(Ui& ui, const char* id_prefix, const std::vector<std::string>& labels, int columns,
             ImVec2 origin, float width, float key_h, bool enabled) {
    const float gap = ui.u * 0.5f;
    const float key_w =
        (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int tapped = -1;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].empty()) continue;  // a hole in the grid
        const int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(col) * (key_w + gap),
                                         origin.y + static_cast<float>(row) * (key_h + gap)));
        const std::string id = std::string("##") + id_prefix + "-" + std::to_string(i);
        // Digits and prefixes large; word keys ("Xoá lùi") in the label font so they fit.
        ImFont* font = labels[i].size() <= 2 ? ui.fonts.title : ui.fonts.strong;
        if (big_button(ui, {id.c_str(),
                            {{labels[i], font, 0}},
                            ImVec2(key_w, key_h),
                            ButtonKind::Secondary,
                            enabled}))
            tapped = static_cast<int>(i);
    }
    return tapped;
}

float key_grid_height(const Ui& ui, size_t keys, int columns, float key_h) {
    const int rows = static_cast<int>((keys + columns - 1) / columns);
    return static_cast<float>(rows) * key_h + static_cast<float>(rows - 1) * ui.u * 0.5f;
}

void draw_staff_pin(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float top = draw_header(ui, vm, screen.x) + m;
    const StaffPinView& pin = vm.staff.pin;
    // Portrait: everything in one centred column. Landscape: title, dots, message and "Back" on
    // the left, the keypad on the right (four rows of keys fit under the header).
    const float gap = ui.u * 0.6f;
    const float col_w = std::min(
        ui.portrait ? screen.x - 2 * m : (screen.x - 2 * m - gap * 3) * 0.5f, ui.u * 18.0f);
    const float x = ui.portrait ? (screen.x - col_w) * 0.5f : screen.x * 0.5f - gap * 1.5f - col_w;
    const float keys_x = ui.portrait ? x : screen.x * 0.5f + gap * 1.5f;

    std::vector<Line> head{{tr(ui.lang, StaffStr::PinTitle), ui.fonts.title, theme::kText},
                           {tr(ui.lang, StaffStr::PinHint), ui.fonts.body, theme::kTextMuted}};
    float y = top;
    y += draw_lines(ui, head, ImVec2(x, y), col_w, ui.u * 0.3f, Align::Center) + ui.u;

    // One dot per digit typed, in a framed field: the digits themselves are never drawn.
    const float field_h = ui.u * 2.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + col_w, y + field_h), theme::kSecondary, ui.u * 0.3f);
    dl->AddRect(ImVec2(x, y), ImVec2(x + col_w, y + field_h), theme::kBorder, ui.u * 0.3f, 0, 2.0f);
    const float r = ui.u * 0.35f, step = ui.u * 1.2f;
    const float dots_w = static_cast<float>(std::max(0, pin.digits_entered - 1)) * step;
    for (int i = 0; i < pin.digits_entered; ++i)
        dl->AddCircleFilled(ImVec2(x + col_w * 0.5f - dots_w * 0.5f + static_cast<float>(i) * step,
                                   y + field_h * 0.5f),
                            r, theme::kText, 24);
    y += field_h + gap;

    std::string message;
    if (pin.locked_seconds > 0)
        message = fill(tr(ui.lang, StaffStr::PinLocked), std::to_string(pin.locked_seconds));
    else if (pin.wrong)
        message = fill(tr(ui.lang, StaffStr::PinWrong), std::to_string(pin.tries_left));
    if (!message.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        y += message_panel(ui, {{message, ui.fonts.body, theme::kErrorText}}, col_w, theme::kError,
                           theme::kErrorBorder, Align::Center) +
             gap;
    }

    const bool open = pin.locked_seconds <= 0;
    const std::vector<std::string> keys{"1", "2",
                                        "3", "4",
                                        "5", "6",
                                        "7", "8",
                                        "9", tr(ui.lang, StaffStr::DeleteOne),
                                        "0", tr(ui.lang, StaffStr::Confirm)};
    const float key_h = touch_height(ui);
    const float keys_y = ui.portrait ? y : top;
    const int tapped = key_grid(ui, "pin", keys, 3, ImVec2(keys_x, keys_y), col_w, key_h, open);
    if (tapped >= 0) {
        if (tapped == 9)
            ui.out.emit(ActionType::Staff, "pin-back");
        else if (tapped == 11)
            ui.out.emit(ActionType::Staff, "pin-ok");
        else
            ui.out.emit(ActionType::Staff, "pin:" + keys[static_cast<size_t>(tapped)]);
    }
    if (ui.portrait) y = keys_y + key_grid_height(ui, keys.size(), 3, key_h) + ui.u;

    ImGui::SetCursorScreenPos(ImVec2(x, ui.portrait ? std::max(y, screen.y - m - key_h) : y));
    if (big_button(ui, {"##staff-pin-back",
                        {{tr(ui.lang, StaffStr::Back), ui.fonts.strong, 0}},
                        ImVec2(col_w, key_h),
                        ButtonKind::Secondary}))
        ui.out.emit(ActionType::Staff, "exit");
}

}  // namespace kiosk::ui
