#pragma once
// Internal to kiosk_ui: one function per screen plus the parts they share.
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

// Outer margin of every screen.
inline float margin(const Ui& ui) {
    return ui.u * (ui.portrait ? 1.2f : 1.6f);
}
// Minimum height of any touch target: 3.2 × 40 px = 128 px at 1080 wide (≥ 120 px rule).
inline float touch_height(const Ui& ui) {
    return ui.u * 3.2f;
}

// Top of the row of buttons at the bottom of a screen (home, back, language).
float bottom_row_top(const Ui& ui);
// A column at most `max_width_u` units wide, centred across the screen inside the margins.
struct CentredColumn {
    float x;
    float width;
};
CentredColumn centred_column(const Ui& ui, float max_width_u);

// The navy band with the office name, the date and the clock; returns its height.
float draw_header(Ui& ui, const ViewModel& vm, float width);
// The calm notice banner (printer trouble etc.) when vm has one; returns the height used.
float draw_notice(Ui& ui, const ViewModel& vm, ImVec2 pos, float width);
// Secondary buttons shared by the screens; return true when tapped.
bool home_button(Ui& ui, ImVec2 size);
bool language_button(Ui& ui, ImVec2 size);
// "Back to the home screen in 12 s" in `width` at the cursor (nothing when seconds ≤ 0).
void countdown_text(Ui& ui, int seconds, float width, Align align);
// The lines under a "print" button: none before, then printing, printed, or failed with the
// reason in the citizen's language (Vietnamese when no English one was given).
struct SlipWords {
    const char* printing;
    const char* printed;
    const char* failed;
};
std::vector<Line> slip_phase_lines(Ui& ui, SlipPhase phase, const SlipWords& words,
                                   const std::string& error_vi, const std::string& error_en);

void draw_home(Ui& ui, const ViewModel& vm);
void draw_service_picker(Ui& ui, const ViewModel& vm);
void draw_ticket(Ui& ui, const ViewModel& vm);
void draw_staff_pin(Ui& ui, const ViewModel& vm);
void draw_staff(Ui& ui, const ViewModel& vm);

// A grid of keypad keys at `origin` (empty labels leave a hole); returns the index tapped or -1.
int key_grid(Ui& ui, const char* id_prefix, const std::vector<std::string>& labels, int columns,
             ImVec2 origin, float width, float key_h, bool enabled);
float key_grid_height(const Ui& ui, size_t keys, int columns, float key_h);

}  // namespace kiosk::ui
