#pragma once
// The kiosk's font atlas: Noto Sans Regular + Bold at the pixel sizes the screens use, scaled
// from the window (base = min(w, h) / 1080). The runner builds it once and again when the scale
// changes; the glyph-range vectors live in FontSet because ImGui reads them at atlas build time.
#include <string>

#include <imgui.h>

#include "kiosk/core/config.h"

namespace kiosk::ui {

struct UiFonts {
    ImFont* body = nullptr;    // Regular, running text and captions
    ImFont* strong = nullptr;  // Bold, button labels and the header
    ImFont* title = nullptr;   // Bold, screen titles
    ImFont* huge = nullptr;    // Bold, the ticket number (ASCII only)
    float scale = 1.0f;        // the scale they were built for
};

// Pixel sizes at scale 1.0 (a 1080-pixel short side).
inline constexpr float kBodyPx = 40.0f;
inline constexpr float kStrongPx = 50.0f;
inline constexpr float kTitlePx = 64.0f;
inline constexpr float kHugePx = 250.0f;

// min(w, h) / 1080, clamped to [0.3, 4] so a tiny development window stays usable.
float ui_scale_for(float width, float height);

class FontSet {
  public:
    // Clears `atlas` and adds the four fonts. On failure returns false, sets `error` (which file,
    // why) and leaves the atlas with ImGui's default font so the runner can still show a frame.
    bool build(ImFontAtlas& atlas, const DisplayConfig& display, float scale, std::string& error);
    const UiFonts& fonts() const { return fonts_; }

  private:
    ImVector<ImWchar> text_ranges_;  // Vietnamese + ₫ “ ” ‘ ’ – — … (read at atlas build)
    ImVector<ImWchar> huge_ranges_;  // ASCII
    UiFonts fonts_;
};

}  // namespace kiosk::ui
