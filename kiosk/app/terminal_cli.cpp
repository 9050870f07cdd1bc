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

bool check_screen_options(const std::string& size, const char* size_example, int& width,
                          int& height, const std::string& script, bool headless,
                          std::ostream& err) {
    if (!size.empty() && !parse_window_size(size, width, height)) {
        err << "--size must be WxH between 320 and 8192, e.g. " << size_example << "; got '" << size
            << "'\n";
        return false;
    }
    if (!script.empty() && !headless) {
        err << "--script needs --headless\n";
        return false;
    }
    return true;
}

}  // namespace kiosk::app
