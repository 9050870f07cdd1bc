#pragma once
// Resolving script labels against the UI's automation registry. Both sides are NFC-normalised so
// a script typed with decomposed Vietnamese (NFD from macOS or some editors) still matches.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/frame_output.h"

namespace kiosk::platform {

// NFC form of `text`; invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view text);

// The first visible, enabled, clickable widget whose label equals `label`; nullptr if none.
const ui::DrawnWidget* find_tap_target(const std::vector<ui::DrawnWidget>& widgets,
                                       std::string_view label);
// True when some visible text or label contains `text`.
bool screen_contains(const std::vector<ui::DrawnWidget>& widgets, std::string_view text);
// "“Lấy số thứ tự” [button], “Sắp có”, “Tra cứu hồ sơ” [disabled button]" for failure messages.
std::string describe_screen(const std::vector<ui::DrawnWidget>& widgets);

}  // namespace kiosk::platform
