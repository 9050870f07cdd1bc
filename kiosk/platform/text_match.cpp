#include "kiosk/platform/text_match.h"

#include <cstdlib>

#include <utf8proc.h>

namespace kiosk::platform {

std::string nfc(std::string_view text) {
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                static_cast<utf8proc_ssize_t>(text.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0 || out == nullptr) return std::string(text);
    std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    return result;
}

const ui::DrawnWidget* find_tap_target(const std::vector<ui::DrawnWidget>& widgets,
                                       std::string_view label) {
    const std::string wanted = nfc(label);
    for (const ui::DrawnWidget& w : widgets) {
        if (w.clickable && w.enabled && !w.rect.empty() && nfc(w.text) == wanted) return &w;
    }
    return nullptr;
}

bool screen_contains(const std::vector<ui::DrawnWidget>& widgets, std::string_view text) {
    const std::string wanted = nfc(text);
    for (const ui::DrawnWidget& w : widgets) {
        if (!w.rect.empty() && nfc(w.text).find(wanted) != std::string::npos) return true;
    }
    return false;
}

std::string describe_screen(const std::vector<ui::DrawnWidget>& widgets) {
    if (widgets.empty()) return "(nothing drawn)";
    std::string out;
    for (const ui::DrawnWidget& w : widgets) {
        if (!out.empty()) out += ", ";
        out += "\"" + w.text + "\"";
        if (w.clickable) out += w.enabled ? " [button]" : " [disabled button]";
    }
    return out;
}

}  // namespace kiosk::platform
