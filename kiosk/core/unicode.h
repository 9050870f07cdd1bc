#pragma once
// Vietnamese text must be NFC at every boundary (ImGui and our ticket renderer do no shaping;
// NFD "ệ" would print as e + two loose marks). utf8proc does the normalisation.
#include <string>

namespace kiosk {

bool is_valid_utf8(const std::string& s);
bool is_nfc(const std::string& s);
// NFC form of s; returns false (and leaves out untouched) when s is not valid UTF-8.
bool to_nfc(const std::string& s, std::string& out);

}  // namespace kiosk
