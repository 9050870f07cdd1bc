#pragma once
// What one UI frame produced: the citizen's requests (actions) and the automation registry —
// every text and button drawn, with its on-screen rectangle. ImGui text cannot be read back from
// draw lists, so the drawing helpers record it here; the headless script runner resolves
// `tap <label>` and `expect <text>` against this list.
#include <string>
#include <vector>

#include "kiosk/ui/view_model.h"

namespace kiosk::ui {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

struct DrawnWidget {
    std::string text;        // label of a button, or a block of text as drawn (NFC UTF-8)
    Rect rect;               // visible part on screen (clipped by scrolling regions), pixels
    bool clickable = false;  // a button / toggle
    bool enabled = true;     // false: drawn disabled, a tap does nothing
    bool clipped = false;    // partly hidden by a scrolling region (rect is the visible part)
};

struct FrameOutput {
    std::vector<Action> actions;
    std::vector<DrawnWidget> widgets;
    // > 0: the screen animates (e.g. the printing indicator) and wants another frame within
    // this many seconds even without input; the runner takes the minimum with the client's.
    float redraw_after_s = 0.0f;

    void emit(ActionType type, std::string arg = {}) { actions.push_back({type, std::move(arg)}); }
    void clear() {
        actions.clear();
        widgets.clear();
        redraw_after_s = 0.0f;
    }
};

}  // namespace kiosk::ui
