// Procedure guide: the search — an A–Z keyboard (no diacritics needed), the typed words and the
// matching procedures updating as the citizen types. Portrait: list above the keyboard;
// landscape: list on the left, keyboard on the right.
#include <algorithm>

#include "kiosk/ui/screen_procedures.h"
#include "kiosk/ui/screen_procedures_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

constexpr int kColumns = 7;

struct Key {
    std::string arg;  // "A", "space", "back", "clear"
    int span = 1;
};

std::vector<std::vector<Key>> keyboard_rows() {
    std::vector<std::vector<Key>> rows;
    for (const char* letters : {"ABCDEFG", "HIJKLMN", "OPQRSTU", "VWXYZ"}) {
        std::vector<Key> row;
        for (const char* c = letters; *c; ++c)
            row.push_back({std::string(1, *c), 1});
        rows.push_back(std::move(row));
    }
    rows.back().push_back({"back", 2});
    rows.push_back({{"space", 4}, {"clear", 3}});
    return rows;
}

float key_gap(const Ui& ui) {
    return ui.u * 0.3f;
}

// Narrowest keyboard whose keys are still ≥ 128 px wide at 1080.
float keyboard_min_width(const Ui& ui) {
    return kColumns * touch_height(ui) + (kColumns - 1) * key_gap(ui);
}

float keyboard_height(const Ui& ui, float key_h) {
    return 5 * key_h + 4 * key_gap(ui);
}

void draw_keyboard(Ui& ui, ImVec2 pos, float width, float key_h) {
    const float gap = key_gap(ui);
    const float key_w = (width - (kColumns - 1) * gap) / kColumns;
    float y = pos.y;
    int r = 0;
    for (const std::vector<Key>& row : keyboard_rows()) {
        float x = pos.x;
        for (const Key& k : row) {
            const float w =
                key_w * static_cast<float>(k.span) + gap * static_cast<float>(k.span - 1);
            std::string label = k.arg;
            ImFont* font = ui.fonts.title;
            if (k.arg == "space") label = tr(ui.lang, PrStr::KeySpace);
            if (k.arg == "back") label = tr(ui.lang, PrStr::KeyBack);
            if (k.arg == "clear") label = tr(ui.lang, PrStr::KeyClear);
            if (label.size() > 1) font = ui.fonts.strong;
            const std::string id = "##pkey-" + std::to_string(r) + "-" + k.arg;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (big_button(
                    ui, {id.c_str(), {{label, font, 0}}, ImVec2(w, key_h), ButtonKind::Secondary}))
                procedure_action(ui, "key:" + k.arg);
            x += w + gap;
        }
        y += key_h + gap;
        ++r;
    }
}

float entry_height(const Ui& ui) {
    return ui.fonts.title->FontSize + ui.u * 1.2f;
}

std::vector<Line> status_lines(Ui& ui, const ProcedureView& v) {
    if (v.query.find_first_not_of(' ') == std::string::npos)
        return {{tr(ui.lang, PrStr::SearchStart), ui.fonts.body, theme::kTextMuted}};
    if (v.total_results == 0)
        return {{tr(ui.lang, PrStr::NoMatch), ui.fonts.strong, theme::kErrorText}};
    std::vector<Line> lines{{v.total_results == 1 ? std::string(tr(ui.lang, PrStr::MatchOne))
                                                  : fill(tr(ui.lang, PrStr::MatchCount),
                                                         std::to_string(v.total_results)),
                             ui.fonts.strong, theme::kText}};
    if (static_cast<size_t>(v.total_results) > v.results.size())
        lines[0].text += " – " + std::string(tr(ui.lang, PrStr::MatchMore));
    return lines;
}

// Title, the no-accents note, the entry, the count and the results in [x, x + w) from `top`
// down to `bottom`.
void search_column(Ui& ui, const ProcedureView& v, float x, float w, float top, float bottom) {
    const float gap = ui.u * 0.5f;
    float y = top;
    const std::vector<Line> title{
        {tr(ui.lang, PrStr::SearchTitle), ui.fonts.title, theme::kText},
        {tr(ui.lang, PrStr::NoAccents), ui.fonts.strong, theme::kSuccess}};
    y += draw_lines(ui, title, ImVec2(x, y), w, ui.u * 0.2f, Align::Left) + gap;
    entry_field(ui, v.query, tr(ui.lang, PrStr::EntryEmpty), ui.fonts.title, ImVec2(x, y),
                ImVec2(w, entry_height(ui)));
    y += entry_height(ui) + gap;
    y += draw_lines(ui, status_lines(ui, v), ImVec2(x, y), w, 0, Align::Left) + gap;
    if (v.results.empty()) return;
    std::vector<std::vector<Line>> items;
    for (const ProcedureItem& item : v.results)
        items.push_back(procedure_item_lines(ui, item, true));
    const int tapped = procedure_button_list(ui, "##procedure-results", items, ImVec2(x, y),
                                             ImVec2(w, bottom - y), 1);
    if (tapped >= 0) procedure_action(ui, "open:" + v.results[static_cast<size_t>(tapped)].code);
}

}  // namespace

void draw_procedure_search(Ui& ui, const ViewModel& vm, float top) {
    const ProcedureView& v = vm.procedures;
    const auto [m, w, gap] = procedure_page(ui);
    const float screen_h = ImGui::GetMainViewport()->Size.y;
    const float bottom_top = bottom_row_top(ui);
    if (ui.portrait) {
        const float key_h = touch_height(ui);
        const float kb_top = bottom_top - gap - keyboard_height(ui, key_h);
        draw_keyboard(ui, ImVec2(m, kb_top), w, key_h);
        search_column(ui, v, m, w, top, kb_top - gap);
        procedure_bottom_buttons(ui, m, w, true);
        return;
    }
    const float right_w = std::max(w * 0.5f, keyboard_min_width(ui));
    const float left_w = w - right_w - m;
    const float right_x = m + left_w + m;
    const float key_h =
        std::clamp((screen_h - m - top - 4 * key_gap(ui)) / 5, touch_height(ui), ui.u * 3.6f);
    draw_keyboard(ui, ImVec2(right_x, top), right_w, key_h);
    search_column(ui, v, m, left_w, top, bottom_top - gap);
    // The keyboard takes the room the language toggle would need; it is on the other stages.
    procedure_bottom_buttons(ui, m, left_w, true, false);
}

}  // namespace kiosk::ui
