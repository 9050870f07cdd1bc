#pragma once
// The kiosk's screens. ImGui only: the UI reads a ViewModel snapshot and reports what the
// citizen asked for; it never touches the queue, the printer or the network.
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_output.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::ui {

// Call between ImGui::NewFrame() and ImGui::Render(). Draws one full-screen window for
// vm.screen, appends the citizen's actions and the automation registry to `out` (the caller
// clears it each frame), and emits UserActivity on every touch.
void draw_kiosk(const ViewModel& vm, const UiFonts& fonts, FrameOutput& out);

}  // namespace kiosk::ui
