#include "kiosk/app/terminal_cli.h"

#include <cstdio>

namespace kiosk::app {

bool parse_window_size(const std::string& text, int& width, int& height) {
    char x = 0;
    int w = 0, h = 0;
    if (std::sscanf(text.c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X'))
        return false;
    if (w < 320 || h < 320 || w > 8192 || h > 8192) return false;
    width = w;
    height = h;
    return true;
}

}  // namespace kiosk::app
