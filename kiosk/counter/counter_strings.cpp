#include "kiosk/counter/counter_strings.h"

#include <cstdio>
#include <iterator>

namespace kiosk::counter {
namespace {

constexpr CounterString kStrings[] = {
#define KIOSK_COUNTER_STR_ROW(name, v, e) {CStr::name, #name, v, e},
    KIOSK_COUNTER_STRINGS(KIOSK_COUNTER_STR_ROW)
#undef KIOSK_COUNTER_STR_ROW
};

constexpr CStr kPauseReasons[] = {CStr::ReasonBreak,     CStr::ReasonLunch,
                                  CStr::ReasonMeeting,   CStr::ReasonHelping,
                                  CStr::ReasonTechnical, CStr::ReasonEndOfShift};

const CounterString& row(CStr id) {
    const auto index = static_cast<std::size_t>(id);
    return kStrings[index < std::size(kStrings) ? index : 0];
}

std::string fill(const char* pattern, const std::string& value) {
    std::string out = pattern;
    if (const auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, value);
    return out;
}

}  // namespace

std::span<const CounterString> all_counter_strings() {
    return kStrings;
}

const char* vi(CStr id) {
    return row(id).vi;
}
const char* en(CStr id) {
    return row(id).en;
}
std::string vi(CStr id, const std::string& value) {
    return fill(row(id).vi, value);
}
std::string en(CStr id, const std::string& value) {
    return fill(row(id).en, value);
}

std::span<const CStr> pause_reasons() {
    return kPauseReasons;
}

std::string format_elapsed(int seconds) {
    if (seconds < 0) seconds = 0;
    char text[32];
    if (seconds >= 3600) {
        std::snprintf(text, sizeof text, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                      seconds % 60);
    } else {
        std::snprintf(text, sizeof text, "%02d:%02d", seconds / 60, seconds % 60);
    }
    return text;
}

}  // namespace kiosk::counter
