#include "kiosk/ui/draw_kiosk.h"

#include "kiosk/ui/screen_lookup.h"
#include "kiosk/ui/screen_procedures.h"
#include "kiosk/ui/screen_rating.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

void draw_kiosk(const ViewModel& vm, const UiFonts& fonts, FrameOutput& out) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 size = viewport->Size;
    Ui ui{fonts, out, vm.language, fonts.body->FontSize, size.y >= size.x};

    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) out.emit(ActionType::UserActivity);

    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    constexpr ImGuiWindowFlags kRootFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
        ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##kiosk", nullptr, kRootFlags);
    ImGui::PushFont(fonts.body);
    switch (vm.screen) {
        case Screen::Home:
            draw_home(ui, vm);
            break;
        case Screen::ServicePicker:
            draw_service_picker(ui, vm);
            break;
        case Screen::Ticket:
            draw_ticket(ui, vm);
            break;
        case Screen::Lookup:
            draw_lookup(ui, vm);
            break;
        case Screen::StaffPin:
            draw_staff_pin(ui, vm);
            break;
        case Screen::Staff:
            draw_staff(ui, vm);
            break;
        case Screen::Procedures:
            draw_procedures(ui, vm);
            break;
        case Screen::Rating:
            draw_rating(ui, vm);
            break;
    }
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace kiosk::ui
