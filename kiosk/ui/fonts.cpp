#include "kiosk/ui/fonts.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace kiosk::ui {
namespace {

// Empty string if the file can be opened, otherwise why not.
std::string check_readable(const std::string& path) {
    if (path.empty()) return "no font file configured";
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot open " + path + ": " + std::strerror(errno);
    return {};
}

void build_text_ranges(ImVector<ImWchar>& out, ImFontAtlas& atlas) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesVietnamese());
    // Gaps in ImGui's Vietnamese ranges: the đồng sign and typographic punctuation.
    for (ImWchar c :
         {0x20AB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2022, 0x00B7}) {
        builder.AddChar(c);
    }
    out.clear();
    builder.BuildRanges(&out);
}

}  // namespace

float ui_scale_for(float width, float height) {
    const float s = std::min(width, height) / 1080.0f;
    return std::clamp(s, 0.3f, 4.0f);
}

bool FontSet::build(ImFontAtlas& atlas, const DisplayConfig& display, float scale,
                    std::string& error) {
    atlas.Clear();
    fonts_ = UiFonts{};
    fonts_.scale = scale;
    for (const std::string* path : {&display.font_regular, &display.font_bold}) {
        if (std::string why = check_readable(*path); !why.empty()) {
            error = "font: " + why;
            ImFont* fallback = atlas.AddFontDefault();
            fonts_ = UiFonts{fallback, fallback, fallback, fallback, scale};
            return false;
        }
    }
    build_text_ranges(text_ranges_, atlas);
    // The huge font only draws ticket numbers: digits, capital prefixes, space, '-' and '.'.
    // At 250 px every glyph costs ~50 K atlas pixels, so no more than that.
    huge_ranges_.clear();
    for (ImWchar r : {0x0020, 0x0020, 0x002D, 0x002F, 0x0030, 0x0039, 0x0041, 0x005A})
        huge_ranges_.push_back(r);
    huge_ranges_.push_back(0);

    // Large sizes need no horizontal oversampling; it only grows the atlas.
    ImFontConfig text_cfg;
    text_cfg.OversampleH = 1;  // at ≥ 40 px sub-pixel oversampling adds atlas, not clarity
    text_cfg.OversampleV = 1;
    ImFontConfig large_cfg;
    large_cfg.OversampleH = 1;
    large_cfg.OversampleV = 1;

    const ImWchar* text = text_ranges_.Data;
    fonts_.body =
        atlas.AddFontFromFileTTF(display.font_regular.c_str(), kBodyPx * scale, &text_cfg, text);
    fonts_.strong =
        atlas.AddFontFromFileTTF(display.font_bold.c_str(), kStrongPx * scale, &text_cfg, text);
    fonts_.title =
        atlas.AddFontFromFileTTF(display.font_bold.c_str(), kTitlePx * scale, &large_cfg, text);
    fonts_.huge = atlas.AddFontFromFileTTF(display.font_bold.c_str(), kHugePx * scale, &large_cfg,
                                           huge_ranges_.Data);
    if (!fonts_.body || !fonts_.strong || !fonts_.title || !fonts_.huge) {
        error = "font: ImGui could not load " + display.font_regular + " or " + display.font_bold;
        atlas.Clear();
        ImFont* fallback = atlas.AddFontDefault();
        fonts_ = UiFonts{fallback, fallback, fallback, fallback, scale};
        return false;
    }
    return true;
}

}  // namespace kiosk::ui
