#pragma once
// The calling board's screen (ImGui only, no I/O), for a TV (1920 × 1080 or larger): the latest
// call very large, the calls before it, waiting counts per field, date and clock, a scrolling
// notice, and a calm "reconnecting" veil when the hub is gone. Everything drawn is recorded in
// `out.widgets` for headless scripts.
#include "kiosk/board/board_view_model.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_output.h"

namespace kiosk::board {

// `time_s`: a running clock in seconds (ImGui::GetTime()) for the blink and the notice scroll.
void draw_board(const BoardViewModel& vm, const ui::UiFonts& fonts, ui::FrameOutput& out,
                double time_s);

// Notice scroll speed in pixels per second at scale 1 and its frame rate while scrolling.
inline constexpr float kNoticeSpeedPx = 80.0f;
inline constexpr float kNoticeFps = 20.0f;

}  // namespace kiosk::board
