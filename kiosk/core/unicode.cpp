#include "unicode.h"

#include <utf8proc.h>

#include <cstdlib>

namespace kiosk {

bool is_valid_utf8(const std::string& s) {
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0 || cp < 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

bool to_nfc(const std::string& s, std::string& out) {
    if (!is_valid_utf8(s)) return false;
    utf8proc_uint8_t* result = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &result,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return false;
    out.assign(reinterpret_cast<const char*>(result), static_cast<size_t>(n));
    std::free(result);
    return true;
}

bool is_nfc(const std::string& s) {
    std::string nfc;
    return to_nfc(s, nfc) && nfc == s;
}

}  // namespace kiosk
