#pragma once
// Drawing helpers used for everything the screens show. Each one also records what it drew in
// FrameOutput::widgets (the automation registry), so no text reaches the screen unrecorded.
// Internal to kiosk_ui; sizes are in pixels computed from font sizes by the caller.
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_output.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::ui {

// Per-frame drawing context shared by the screens.
struct Ui {
    const UiFonts& fonts;
    FrameOutput& out;
    Language lang;
    float u;        // body font size in pixels: the unit every size is a multiple of
    bool portrait;  // taller than wide
};

enum class Align { Left, Center, Right };

struct Line {
    std::string text;
    ImFont* font = nullptr;
    ImU32 color = 0;
};

// Vertical distance between wrapped rows: a little more than the font size so Vietnamese
// stacked capitals (Ẫ Ỗ Ữ Ậ) never touch the row above.
float row_height(const ImFont* font);
// Height of `lines` word-wrapped to `width`, with `gap` pixels between lines.
float lines_height(const std::vector<Line>& lines, float width, float gap);
// Draws `lines` into the current window's draw list from `top_left`; records each as text
// unless `record` is false. Returns the height used.
float draw_lines(Ui& ui, const std::vector<Line>& lines, ImVec2 top_left, float width, float gap,
                 Align align, bool record = true);

// Adds an entry to the registry, clipped to the current window's visible area (skipped when
// nothing of it is visible).
void record_widget(Ui& ui, const std::string& text, const ImRect& rect, bool clickable,
                   bool enabled);

// A touch target of `size` at the cursor, laid out and registered with ImGui under `id`; tested
// for a tap only when `enabled`. When `visible` is false ImGui clipped it: draw nothing.
struct TouchItem {
    ImRect bb;
    bool visible = false;
    bool pressed = false;
    bool held = false;
};
TouchItem touch_item(const char* id, ImVec2 size, bool enabled = true);

enum class ButtonKind { Primary, Secondary };

struct ButtonSpec {
    const char* id;           // ImGui id, stable across languages
    std::vector<Line> lines;  // lines[0] is the label (recorded as the clickable widget)
    ImVec2 size;
    ButtonKind kind = ButtonKind::Primary;
    bool enabled = true;
    Align align = Align::Center;
};

// A large touch button at the cursor; returns true on the frame it is tapped (never when
// disabled). Colours of the lines are chosen from kind/enabled when left 0.
bool big_button(Ui& ui, const ButtonSpec& spec);

// The priority toggle: a framed row with a big check box (tick drawn when on), a title, an
// explanation and a state line in words. Returns true when tapped.
bool check_toggle(Ui& ui, const char* id, bool on, const std::vector<Line>& lines, ImVec2 size);

// A framed message panel (notice or error) at the cursor, full `width`; returns its height.
float message_panel(Ui& ui, const std::vector<Line>& lines, float width, ImU32 fill, ImU32 border,
                    Align align);

// Inside a scrolling child: drag anywhere (also on buttons) scrolls it; a drag beyond the
// threshold cancels the pending button press so lifting the finger does not select a tile.
void drag_to_scroll(Ui& ui);

// The white field a citizen types into, `size` at `pos`: the framed box alone (entry_frame), or
// with `shown` in `font` at the left and a fixed caret after it — a long entry slides left so its
// end, where the citizen is typing, stays visible — or the muted `placeholder` when empty.
void entry_frame(Ui& ui, ImVec2 pos, ImVec2 size);
void entry_field(Ui& ui, const std::string& shown, const char* placeholder, ImFont* font,
                 ImVec2 pos, ImVec2 size);

// Text placed at the cursor in the layout, wrapped to `width`.
void text_item(Ui& ui, const std::string& text, ImFont* font, ImU32 color, float width,
               Align align);

}  // namespace kiosk::ui
