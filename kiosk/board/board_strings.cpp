#include "kiosk/board/board_strings.h"

#include <iterator>

namespace kiosk::board {
namespace {

constexpr BoardString kStrings[] = {
#define KIOSK_BOARD_STR_ROW(name, v, e) {BStr::name, #name, v, e},
    KIOSK_BOARD_STRINGS(KIOSK_BOARD_STR_ROW)
#undef KIOSK_BOARD_STR_ROW
};

const BoardString& row(BStr id) {
    const auto index = static_cast<std::size_t>(id);
    return kStrings[index < std::size(kStrings) ? index : 0];
}

std::string fill(const char* pattern, const std::string& a, const std::string& b) {
    std::string out = pattern;
    for (const std::string* v : {&a, &b}) {
        const auto at = out.find("{}");
        if (at == std::string::npos) break;
        out.replace(at, 2, *v);
    }
    return out;
}

}  // namespace

std::span<const BoardString> all_board_strings() {
    return kStrings;
}
const char* vi(BStr id) {
    return row(id).vi;
}
const char* en(BStr id) {
    return row(id).en;
}
std::string vi(BStr id, const std::string& a, const std::string& b) {
    return fill(row(id).vi, a, b);
}
std::string en(BStr id, const std::string& a, const std::string& b) {
    return fill(row(id).en, a, b);
}

}  // namespace kiosk::board
