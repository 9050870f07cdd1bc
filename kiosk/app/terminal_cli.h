#pragma once
// Command-line pieces shared by `kiosk counter` and `kiosk board`.
#include <string>

namespace kiosk::app {

// "1280x800" → 1280, 800 (each 320–8192); false otherwise.
bool parse_window_size(const std::string& text, int& width, int& height);

}  // namespace kiosk::app
