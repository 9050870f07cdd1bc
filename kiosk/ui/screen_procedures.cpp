// Procedure guide: the served fields with the search entry, a field's procedures, and the
// parts the guide's screens share (bottom row, scrolling button lists), portrait and landscape.
#include "kiosk/ui/screen_procedures.h"

#include <algorithm>

#include "kiosk/ui/screen_procedures_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

// Button padding in big_button: 0.9 u on each side, 0.35 u between lines.
float button_height(Ui& ui, const std::vector<Line>& lines, float width) {
    return std::max(touch_height(ui),
                    lines_height(lines, width - ui.u * 1.8f, ui.u * 0.35f) + ui.u * 1.6f);
}

const char* field_name(const Ui& ui, const ProcedureFieldItem& f) {
    return (ui.lang == Language::En && !f.name_en.empty() ? f.name_en : f.name_vi).c_str();
}

std::string field_count(Language lang, int n) {
    return n == 1 ? tr(lang, PrStr::FieldCountOne)
                  : fill(tr(lang, PrStr::FieldCount), std::to_string(n));
}

// Title and one line of guidance at the top; returns the height used.
float title_block(Ui& ui, const std::string& title, const std::string& hint, ImVec2 pos,
                  float width) {
    std::vector<Line> lines{{title, ui.fonts.title, theme::kText}};
    if (!hint.empty()) lines.push_back({hint, ui.fonts.body, theme::kTextMuted});
    return draw_lines(ui, lines, pos, width, ui.u * 0.3f, Align::Left);
}

}  // namespace

void procedure_action(Ui& ui, std::string arg) {
    ui.out.emit(ActionType::Procedures, std::move(arg));
}

void procedure_bottom_buttons(Ui& ui, float x, float width, bool with_back, bool with_language) {
    const float h = touch_height(ui);
    const float y = bottom_row_top(ui);
    const float gap = ui.u * 0.6f;
    const float lang_w = with_language ? std::min(ui.u * 9.0f, (width - 2 * gap) * 0.3f) : 0.0f;
    float left = x;
    if (with_back) {
        const float back_w = std::min(ui.u * 10.0f, (width - 2 * gap) * 0.32f);
        ImGui::SetCursorScreenPos(ImVec2(left, y));
        if (big_button(ui, {"##procedure-back",
                            {{tr(ui.lang, PrStr::Back), ui.fonts.strong, 0}},
                            ImVec2(back_w, h),
                            ButtonKind::Secondary}))
            procedure_action(ui, "back");
        left += back_w + gap;
    }
    const float home_w =
        std::min(ui.u * 12.0f, x + width - left - (with_language ? lang_w + gap : 0.0f));
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    if (home_button(ui, ImVec2(home_w, h))) ui.out.emit(ActionType::GoHome);
    if (!with_language) return;
    ImGui::SetCursorScreenPos(ImVec2(x + width - lang_w, y));
    if (language_button(ui, ImVec2(lang_w, h))) ui.out.emit(ActionType::ToggleLanguage);
}

int procedure_button_list(Ui& ui, const char* id, const std::vector<std::vector<Line>>& items,
                          ImVec2 pos, ImVec2 size, int columns) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ui.u * 0.5f);
    ImGui::BeginChild(id, ImVec2(size.x, std::max(size.y, touch_height(ui))), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
    const float gap = ui.u * 0.5f;
    const float inset = ui.u * 0.1f;             // keeps borders inside the clip rectangle
    const float inner_w = size.x - ui.u * 0.9f;  // room for the scrollbar beside the buttons
    const auto cols = static_cast<float>(columns);
    const float item_w = (inner_w - gap * (cols - 1)) / cols;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    int tapped = -1;
    float y = origin.y + inset;
    for (size_t row = 0; row * static_cast<size_t>(columns) < items.size(); ++row) {
        float row_h = 0;
        const size_t first = row * static_cast<size_t>(columns);
        const size_t last = std::min(items.size(), first + static_cast<size_t>(columns));
        for (size_t i = first; i < last; ++i)
            row_h = std::max(row_h, button_height(ui, items[i], item_w));
        for (size_t i = first; i < last; ++i) {
            const float x = origin.x + inset + static_cast<float>(i - first) * (item_w + gap);
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            ImGui::PushID(static_cast<int>(i));
            if (big_button(ui, {"##item", items[i], ImVec2(item_w - inset, row_h),
                                ButtonKind::Secondary, true, Align::Left}))
                tapped = static_cast<int>(i);
            ImGui::PopID();
        }
        y += row_h + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(0, inset));  // the last button's bottom border stays visible
    drag_to_scroll(ui);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    return tapped;
}

std::vector<Line> procedure_item_lines(Ui& ui, const ProcedureItem& item, bool with_field) {
    std::string sub = fill(tr(ui.lang, PrStr::CodeLine), item.code);
    if (with_field) {
        const std::string& field =
            ui.lang == Language::En && !item.field_en.empty() ? item.field_en : item.field_vi;
        if (!field.empty()) sub = field + "  ·  " + sub;
    }
    return {{item.name, ui.fonts.strong, 0}, {sub, ui.fonts.body, theme::kTextMuted}};
}

ProcedurePage procedure_page(const Ui& ui) {
    const float m = margin(ui);
    return {m, ImGui::GetMainViewport()->Size.x - 2 * m, ui.u * 0.6f};
}

void draw_procedure_fields(Ui& ui, const ViewModel& vm, float top) {
    const ProcedureView& v = vm.procedures;
    const auto [m, w, gap] = procedure_page(ui);
    float y = top;
    y += title_block(ui, tr(ui.lang, PrStr::Title), tr(ui.lang, PrStr::FieldsHint), ImVec2(m, y),
                     w) +
         gap;
    // The search: a primary button of its own, always first.
    const std::vector<Line> search{{tr(ui.lang, PrStr::SearchOpen), ui.fonts.title, 0},
                                   {tr(ui.lang, PrStr::SearchOpenHint), ui.fonts.body, 0}};
    const float search_w = ui.portrait ? w : std::min(w, ui.u * 26.0f);
    const float search_h = button_height(ui, search, search_w);
    ImGui::SetCursorScreenPos(ImVec2(m, y));
    if (big_button(ui, {"##procedure-search", search, ImVec2(search_w, search_h),
                        ButtonKind::Primary, true, Align::Left}))
        procedure_action(ui, "search");
    y += search_h + gap;
    std::vector<std::vector<Line>> items;
    for (const ProcedureFieldItem& f : v.fields)
        items.push_back({{field_name(ui, f), ui.fonts.title, 0},
                         {field_count(ui.lang, f.procedures), ui.fonts.body, theme::kTextMuted}});
    const float list_bottom = bottom_row_top(ui) - gap;
    const int tapped = procedure_button_list(ui, "##procedure-fields", items, ImVec2(m, y),
                                             ImVec2(w, list_bottom - y), ui.portrait ? 1 : 2);
    if (tapped >= 0) procedure_action(ui, "field:" + v.fields[static_cast<size_t>(tapped)].code);
    procedure_bottom_buttons(ui, m, w, false);
}

void draw_procedure_list(Ui& ui, const ViewModel& vm, float top) {
    const ProcedureView& v = vm.procedures;
    const auto [m, w, gap] = procedure_page(ui);
    std::string hint = tr(ui.lang, PrStr::ListHint);
    if (ui.lang == Language::En) hint += ". " + std::string(tr(ui.lang, PrStr::NamesInVietnamese));
    float y = top;
    y += title_block(ui, field_name(ui, v.field), hint, ImVec2(m, y), w) + gap;
    std::vector<std::vector<Line>> items;
    for (const ProcedureItem& item : v.items)
        items.push_back(procedure_item_lines(ui, item, false));
    const float list_bottom = bottom_row_top(ui) - gap;
    const int tapped = procedure_button_list(ui, "##procedure-list", items, ImVec2(m, y),
                                             ImVec2(w, list_bottom - y), ui.portrait ? 1 : 2);
    if (tapped >= 0) procedure_action(ui, "open:" + v.items[static_cast<size_t>(tapped)].code);
    procedure_bottom_buttons(ui, m, w, true);
}

void draw_procedures(Ui& ui, const ViewModel& vm) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float top = draw_header(ui, vm, screen.x) + margin(ui) * 0.8f;
    switch (vm.procedures.stage) {
        case ProcedureStage::Fields:
            draw_procedure_fields(ui, vm, top);
            break;
        case ProcedureStage::Search:
            draw_procedure_search(ui, vm, top);
            break;
        case ProcedureStage::FieldList:
            draw_procedure_list(ui, vm, top);
            break;
        case ProcedureStage::Detail:
            draw_procedure_detail(ui, vm, top);
            break;
    }
}

}  // namespace kiosk::ui
