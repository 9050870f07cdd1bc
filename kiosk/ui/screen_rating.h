#pragma once
// Internal to kiosk_ui: the satisfaction rating screens (screen_rating*.cpp) and their parts.
#include <string>

#include "kiosk/ui/screens.h"

namespace kiosk::ui {

// Entry point for Screen::Rating: picks the stage.
void draw_rating(Ui& ui, const ViewModel& vm);

// Stages (screen_rating.cpp: entry, checking/saving, refused/failed; screen_rating_levels.cpp:
// the five levels, the reason, the thanks).
void draw_rating_entry(Ui& ui, const ViewModel& vm, float top);
void draw_rating_busy(Ui& ui, const ViewModel& vm, float top);
void draw_rating_message(Ui& ui, const ViewModel& vm, float top);
void draw_rating_choose(Ui& ui, const ViewModel& vm, float top);
void draw_rating_reason(Ui& ui, const ViewModel& vm, float top);
void draw_rating_thanks(Ui& ui, const ViewModel& vm, float top);

// "Số 1001 · Hộ tịch · Quầy 2" (parts left out when unknown).
std::string rating_ticket_line(Language lang, const RatingView& v);
// A simple face for a level 1–5 drawn with ImGui primitives (no emoji font): a coloured disc,
// two eyes and a mouth from a wide smile (5) to a deep frown (1). The words always go with it.
void rating_face(ImDrawList* dl, ImVec2 centre, float diameter, int level);

}  // namespace kiosk::ui
