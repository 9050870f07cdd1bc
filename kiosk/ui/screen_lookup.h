#pragma once
// Internal to kiosk_ui: the dossier lookup screens (screen_lookup*.cpp) and their shared parts.
#include "kiosk/ui/screens.h"

namespace kiosk::ui {

// Entry point for Screen::Lookup: picks the stage.
void draw_lookup(Ui& ui, const ViewModel& vm);

// Stages (screen_lookup.cpp: scan, factor, looking; screen_lookup_result.cpp: the rest).
void draw_lookup_scan(Ui& ui, const ViewModel& vm, float top);
void draw_lookup_factor(Ui& ui, const ViewModel& vm, float top);
void draw_lookup_looking(Ui& ui, const ViewModel& vm, float top);
void draw_lookup_result(Ui& ui, const ViewModel& vm, float top);
void draw_lookup_message(Ui& ui, const ViewModel& vm, float top);
void draw_lookup_ticket(Ui& ui, const ViewModel& vm, float top);

// Text drawn with `font` at `size` pixels (e.g. the ASCII-only huge font at half size for the
// due date), recorded in the registry; returns the height used.
float sized_text(Ui& ui, const std::string& text, ImFont* font, float size, ImU32 color, ImVec2 pos,
                 float width, Align align);
// A red disc with a white "!" (problem, not by colour alone).
void lookup_warning_icon(ImVec2 centre, float size);
// Indeterminate progress bar (asks for a redraw ~10 times a second).
void lookup_progress(Ui& ui, ImVec2 pos, float width);
// "Về trang chủ" (+ the language toggle when `with_language`) at the bottom of [x, x + width).
void lookup_bottom_buttons(Ui& ui, float x, float width, bool with_language);

}  // namespace kiosk::ui
