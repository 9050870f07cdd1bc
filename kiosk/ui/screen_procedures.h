#pragma once
// Internal to kiosk_ui: the procedure guide screens (screen_procedures*.cpp) and their shared
// parts. One decision per screen: a field or the search; a procedure; take a number or print.
#include <vector>

#include "kiosk/ui/screens.h"

namespace kiosk::ui {

// Entry point for Screen::Procedures: picks the stage.
void draw_procedures(Ui& ui, const ViewModel& vm);

// Stages (screen_procedures.cpp: fields and a field's list; screen_procedures_search.cpp;
// screen_procedures_detail.cpp).
void draw_procedure_fields(Ui& ui, const ViewModel& vm, float top);
void draw_procedure_list(Ui& ui, const ViewModel& vm, float top);
void draw_procedure_search(Ui& ui, const ViewModel& vm, float top);
void draw_procedure_detail(Ui& ui, const ViewModel& vm, float top);

// The page every stage lays out in: left margin, content width across the screen, the gap
// between blocks.
struct ProcedurePage {
    float margin;
    float width;
    float gap;
};
ProcedurePage procedure_page(const Ui& ui);

// Emits ActionType::Procedures with `arg`.
void procedure_action(Ui& ui, std::string arg);
// "Quay lại" (when `with_back`), "Về trang chủ" and the language toggle (when
// `with_language`) in one row at the bottom of [x, x + width).
void procedure_bottom_buttons(Ui& ui, float x, float width, bool with_back,
                              bool with_language = true);

// A drag-to-scroll list of buttons, one per entry of `items` (each entry's first line is the
// label), in `columns` columns inside [pos, pos + size). Returns the index tapped or -1.
int procedure_button_list(Ui& ui, const char* id, const std::vector<std::vector<Line>>& items,
                          ImVec2 pos, ImVec2 size, int columns);
// The buttons of a procedure list: name, then field and code (muted).
std::vector<Line> procedure_item_lines(Ui& ui, const ProcedureItem& item, bool with_field);

}  // namespace kiosk::ui
