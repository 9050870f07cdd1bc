#include "kiosk/ui/theme.h"

namespace kiosk::ui::theme {

void apply_style(ImGuiStyle& style, float scale) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(40, 32);
    style.FramePadding = ImVec2(24, 16);
    style.ItemSpacing = ImVec2(24, 24);
    style.ItemInnerSpacing = ImVec2(16, 16);
    style.TouchExtraPadding = ImVec2(4, 4);
    style.ScrollbarSize = 28;
    style.GrabMinSize = 60;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    style.FrameRounding = 18;
    style.ScrollbarRounding = 14;
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    const auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    c[ImGuiCol_Text] = v(kText);
    c[ImGuiCol_TextDisabled] = v(kDisabledText);
    c[ImGuiCol_WindowBg] = v(kBackground);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Border] = v(kBorder);
    c[ImGuiCol_ScrollbarBg] = v(kDisabled);
    c[ImGuiCol_ScrollbarGrab] = v(kDisabledBorder);
    c[ImGuiCol_ScrollbarGrabHovered] = v(kDisabledBorder);
    c[ImGuiCol_ScrollbarGrabActive] = v(kTextMuted);
    // A finger has no hover: hovered looks like idle, only a press changes the look.
    c[ImGuiCol_Button] = v(kPrimary);
    c[ImGuiCol_ButtonHovered] = v(kPrimary);
    c[ImGuiCol_ButtonActive] = v(kPrimaryPressed);
}

}  // namespace kiosk::ui::theme
