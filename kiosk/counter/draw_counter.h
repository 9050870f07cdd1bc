#pragma once
// The counter terminal's one screen (ImGui only, no I/O): current ticket, waiting counts, the
// eight action buttons with their F-keys, and the transfer / keypad / pause dialogs. Everything
// drawn is recorded in `out.widgets` for headless scripts; requests go to `actions`.
#include <vector>

#include "kiosk/counter/counter_view_model.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_output.h"

namespace kiosk::counter {

void draw_counter(const CounterViewModel& vm, const ui::UiFonts& fonts, ui::FrameOutput& out,
                  std::vector<CounterAction>& actions);

// Keyboard shortcuts, as ImGui 1.86 key indices: the SDL backend stores keys by SDL scancode,
// which is the USB HID usage id (F1 = 58 … F8 = 65).
inline constexpr int kKeyF1 = 58;
inline constexpr int kKeyReturn = 40;
inline constexpr int kKeyEscape = 41;
inline constexpr int kKeyBackspace = 42;
inline constexpr int kKeyKeypadEnter = 88;

}  // namespace kiosk::counter
