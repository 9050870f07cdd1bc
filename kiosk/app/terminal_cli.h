#pragma once
// Command-line pieces shared by the UI commands: the kiosk itself, `kiosk counter`, `kiosk board`.
#include <ostream>
#include <string>

namespace kiosk::app {

// "1280x800" → 1280, 800 (each 320–8192); false otherwise.
bool parse_window_size(const std::string& text, int& width, int& height);

// The screen options every UI command shares: `size` (if given) into width/height, and
// --script only with --headless. Prints the problem to `err` and returns false.
bool check_screen_options(const std::string& size, const char* size_example, int& width,
                          int& height, const std::string& script, bool headless, std::ostream& err);

}  // namespace kiosk::app
