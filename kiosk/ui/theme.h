#pragma once
// Colours and ImGui style for a calm, high-contrast touch screen. Every state that matters is
// also shown by text or shape, never by colour alone.
#include <imgui.h>

namespace kiosk::ui::theme {

inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
    return IM_COL32(r, g, b, 255);
}

inline constexpr ImU32 kBackground = rgb(0xF4, 0xF1, 0xEA);  // warm paper white
inline constexpr ImU32 kText = rgb(0x1B, 0x1B, 0x1B);
inline constexpr ImU32 kTextMuted = rgb(0x4A, 0x4A, 0x4A);  // still ≥ 7:1 on the background
inline constexpr ImU32 kHeader = rgb(0x0E, 0x3A, 0x6B);     // deep navy band
inline constexpr ImU32 kHeaderText = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kPrimary = rgb(0x0B, 0x5C, 0xAD);  // main action
inline constexpr ImU32 kPrimaryPressed = rgb(0x08, 0x3F, 0x78);
inline constexpr ImU32 kPrimaryText = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kSecondary = rgb(0xFF, 0xFF, 0xFF);  // white card with a dark border
inline constexpr ImU32 kSecondaryPressed = rgb(0xD8, 0xE4, 0xF2);
inline constexpr ImU32 kBorder = rgb(0x1B, 0x1B, 0x1B);
inline constexpr ImU32 kDisabled = rgb(0xE2, 0xE0, 0xDB);
inline constexpr ImU32 kDisabledText = rgb(0x5A, 0x5A, 0x5A);
inline constexpr ImU32 kDisabledBorder = rgb(0x9A, 0x9A, 0x9A);
inline constexpr ImU32 kNotice = rgb(0xFF, 0xF1, 0xC7);
inline constexpr ImU32 kNoticeBorder = rgb(0xB7, 0x79, 0x1F);
inline constexpr ImU32 kNoticeText = rgb(0x4A, 0x30, 0x00);
inline constexpr ImU32 kError = rgb(0xFD, 0xE7, 0xE7);
inline constexpr ImU32 kErrorBorder = rgb(0xB0, 0x1C, 0x1C);
inline constexpr ImU32 kErrorText = rgb(0x7A, 0x0B, 0x0B);
inline constexpr ImU32 kSuccess = rgb(0x1E, 0x6B, 0x34);
inline constexpr ImU32 kSelected = rgb(0xE3, 0xF0, 0xE6);  // priority toggle when on
inline constexpr ImU32 kTrack = rgb(0xD5, 0xD0, 0xC4);     // progress track

// Sizes in pixels for a given scale (see fonts.h); also sets ImGui's colours.
void apply_style(ImGuiStyle& style, float scale);

}  // namespace kiosk::ui::theme
