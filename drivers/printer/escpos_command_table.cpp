#include "drivers/printer/escpos_command_table.h"

#include <string_view>

#include "drivers/printer/escpos_commands.h"

namespace kiosk::printer::escpos {
namespace {

using namespace std::string_view_literals;

struct Arity {
    std::string_view codes;
    int parameters;
};

// ESC: 2 3 (line spacing), < L S FF (modes), ! - E G M (print modes), t (code page), R (charset),
// T U V { r = ? % SP (misc 1-byte), $ \ (positions), c (panel/sensors), p (drawer), W (print area).
constexpr Arity kEsc[] = {
    {"2<LS\x0C"sv, 0}, {"! %-3=?EGMRTUVert{"sv, 1}, {"$\\c"sv, 2}, {"p"sv, 3}, {"W"sv, 8}};
// GS: c (counter), ! / B E H I T a b f h j r w (1 byte), $ L P W \ (2 bytes).
constexpr Arity kGs[] = {{"c"sv, 0}, {"!/BEHITabfhjrw"sv, 1}, {"$LPW\\"sv, 2}};
// FS: . & (leave/enter Kanji mode), ! - C W (1 byte), S p (2 bytes).
constexpr Arity kFs[] = {{".&"sv, 0}, {"!-CW"sv, 1}, {"Sp"sv, 2}};

template <size_t N>
int lookup(const Arity (&table)[N], uint8_t code) {
    for (const Arity& arity : table)
        if (arity.codes.find(static_cast<char>(code)) != std::string_view::npos)
            return arity.parameters;
    return -1;
}

}  // namespace

int fixed_parameter_count(uint8_t prefix, uint8_t code) {
    if (code == 0) return -1;
    if (prefix == ESC) return lookup(kEsc, code);
    if (prefix == GS) return lookup(kGs, code);
    if (prefix == FS) return lookup(kFs, code);
    return -1;
}

}  // namespace kiosk::printer::escpos
