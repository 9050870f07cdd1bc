#pragma once
// The on-screen keypad for dossier codes and the second factor: digits, the letters agency
// codes use (H on the first page, A–Z on the second), '.', '-', delete, clear and OK. Keys are
// at least 3 × the body font tall (≥ 120 px at 1080 wide) and emit LookupKey / LookupSubmit.
// Internal to kiosk_ui.
#include "kiosk/ui/lookup_view.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

enum class KeypadMode {
    Code,    // dossier code: digits page (with H . -) and letters page
    Digits,  // second factor: digits only
};

// Rows the keypad has for this mode and page (for layout before drawing).
int keypad_rows(KeypadMode mode, KeypadPage page);
// Smallest key height allowed (the ≥ 120 px touch-target rule at 1080 wide).
inline float min_key_height(const Ui& ui) {
    return ui.u * 3.0f;
}
inline float keypad_gap(const Ui& ui) {
    return ui.u * 0.3f;
}
float keypad_height(const Ui& ui, KeypadMode mode, KeypadPage page, float key_h);

// Draws the keypad with its top-left at `pos`, `width` wide, each row key_h tall.
// `ok_label` names the OK key ("Tra cứu", "Xác nhận").
void draw_keypad(Ui& ui, KeypadMode mode, KeypadPage page, const char* ok_label, ImVec2 pos,
                 float width, float key_h);

}  // namespace kiosk::ui
