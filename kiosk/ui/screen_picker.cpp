#include <algorithm>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

std::vector<Line> tile_lines(Ui& ui, const ServiceTile& tile) {
    const std::string& name =
        ui.lang == Language::En && !tile.name_en.empty() ? tile.name_en : tile.name_vi;
    std::vector<Line> lines{{name, ui.fonts.strong, 0}};
    if (!tile.available) {
        lines.push_back({tr(ui.lang, Str::SoldOut), ui.fonts.body, 0});
        return lines;
    }
    std::string info = format_waiting(ui.lang, tile.waiting);
    const std::string counters = format_counters(ui.lang, tile.counters);
    if (!counters.empty()) info += "  ·  " + counters;
    lines.push_back({info, ui.fonts.body, 0});
    return lines;
}

// The scrolling list of service tiles in `columns` columns; drag anywhere to scroll.
void service_list(Ui& ui, const ViewModel& vm, ImVec2 pos, ImVec2 size, int columns) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ui.u * 0.5f);
    ImGui::BeginChild("##services", ImVec2(size.x, std::max(size.y, touch_height(ui))), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
    const float gap = ui.u * 0.6f;
    const float inset = ui.u * 0.1f;             // keeps tile borders inside the clip rectangle
    const float inner_w = size.x - ui.u * 0.9f;  // room for the scrollbar beside the tiles
    const float tile_w = (inner_w - gap * static_cast<float>(columns - 1)) / columns;
    float tile_h = touch_height(ui);
    for (const ServiceTile& tile : vm.services) {
        tile_h = std::max(
            tile_h,
            lines_height(tile_lines(ui, tile), tile_w - ui.u * 1.8f, ui.u * 0.35f) + ui.u * 1.6f);
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < vm.services.size(); ++i) {
        const ServiceTile& tile = vm.services[i];
        const auto col = static_cast<float>(static_cast<int>(i) % columns);
        const auto row = static_cast<float>(static_cast<int>(i) / columns);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + inset + col * (tile_w + gap),
                                         origin.y + inset + row * (tile_h + gap)));
        ImGui::PushID(tile.id.c_str());
        ButtonSpec spec{"##tile",
                        tile_lines(ui, tile),
                        ImVec2(tile_w - inset, tile_h),
                        ButtonKind::Secondary,
                        tile.available,
                        Align::Left};
        if (big_button(ui, spec)) ui.out.emit(ActionType::SelectService, tile.id);
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0, inset));  // the last tile's bottom border stays visible
    drag_to_scroll(ui);
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

float toggle_height(Ui& ui, const std::vector<Line>& lines, float width) {
    const float text_w = width - ui.u * 4.4f;  // box and paddings, see check_toggle
    return std::max(touch_height(ui) * 1.3f,
                    lines_height(lines, text_w, ui.u * 0.25f) + ui.u * 1.4f);
}

}  // namespace

void draw_service_picker(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float m = margin(ui);
    const float content_w = screen.x - 2 * m;
    float y = draw_header(ui, vm, screen.x) + m * 0.8f;
    y += draw_notice(ui, vm, ImVec2(m, y), content_w);
    if (!vm.notice_vi.empty() || !vm.notice_en.empty()) y += m * 0.6f;

    // Title and one line of guidance.
    const std::vector<Line> title{
        {tr(ui.lang, Str::ChooseService), ui.fonts.title, theme::kText},
        {tr(ui.lang, Str::ChooseServiceHint), ui.fonts.body, theme::kTextMuted}};
    y += draw_lines(ui, title, ImVec2(m, y), content_w, ui.u * 0.3f, Align::Left) + m * 0.7f;

    const std::vector<Line> priority{
        {tr(ui.lang, Str::Priority), ui.fonts.strong, 0},
        {tr(ui.lang, Str::PriorityWho), ui.fonts.body, theme::kTextMuted},
        {tr(ui.lang, vm.priority_selected ? Str::PriorityOn : Str::PriorityOff), ui.fonts.body,
         vm.priority_selected ? theme::kSuccess : theme::kText}};
    const float footer_h = touch_height(ui);
    const float bottom = screen.y - m;

    if (ui.portrait) {
        // Bottom up: footer buttons, the priority toggle, then the list takes the rest.
        const float footer_top = bottom - footer_h;
        const float toggle_h = toggle_height(ui, priority, content_w);
        const float toggle_top = footer_top - m * 0.8f - toggle_h;
        service_list(ui, vm, ImVec2(m, y), ImVec2(content_w, toggle_top - m * 0.8f - y), 1);
        ImGui::SetCursorScreenPos(ImVec2(m, toggle_top));
        if (check_toggle(ui, "##priority", vm.priority_selected, priority,
                         ImVec2(content_w, toggle_h)))
            ui.out.emit(ActionType::TogglePriority);
        const float lang_w = ui.u * 9.0f;
        const float home_w = std::min(content_w - lang_w - m, ui.u * 13.0f);
        ImGui::SetCursorScreenPos(ImVec2(m, footer_top));
        if (home_button(ui, ImVec2(home_w, footer_h))) ui.out.emit(ActionType::GoHome);
        ImGui::SetCursorScreenPos(ImVec2(screen.x - m - lang_w, footer_top));
        if (language_button(ui, ImVec2(lang_w, footer_h))) ui.out.emit(ActionType::ToggleLanguage);
    } else {
        // Landscape: tiles in two columns on the left; toggle and buttons in a side column.
        const float side_w = ui.u * 13.0f;
        const float list_w = content_w - side_w - m;
        const float side_x = m + list_w + m;
        service_list(ui, vm, ImVec2(m, y), ImVec2(list_w, bottom - y), 2);
        const float toggle_h = toggle_height(ui, priority, side_w);
        ImGui::SetCursorScreenPos(ImVec2(side_x, y));
        if (check_toggle(ui, "##priority", vm.priority_selected, priority,
                         ImVec2(side_w, toggle_h)))
            ui.out.emit(ActionType::TogglePriority);
        const float gap = ui.u * 0.6f;
        ImGui::SetCursorScreenPos(ImVec2(side_x, bottom - footer_h * 2 - gap));
        if (home_button(ui, ImVec2(side_w, footer_h))) ui.out.emit(ActionType::GoHome);
        ImGui::SetCursorScreenPos(ImVec2(side_x, bottom - footer_h));
        if (language_button(ui, ImVec2(side_w, footer_h))) ui.out.emit(ActionType::ToggleLanguage);
    }
}

}  // namespace kiosk::ui
