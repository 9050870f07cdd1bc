#include "kiosk/ui/strings.h"

#include <array>
#include <cstdio>

namespace kiosk::ui {
namespace {

constexpr UiString kStrings[] = {
#define KIOSK_UI_STR_ROW(name, vi, en) {Str::name, #name, vi, en},
    KIOSK_UI_STRINGS(KIOSK_UI_STR_ROW)
#undef KIOSK_UI_STR_ROW
};

}  // namespace

std::span<const UiString> all_ui_strings() {
    return kStrings;
}

const char* tr(Language lang, Str id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kStrings)) return "";
    return lang == Language::En ? kStrings[index].en : kStrings[index].vi;
}

std::string fill(const char* pattern, const std::string& value) {
    std::string out = pattern;
    const auto at = out.find("{}");
    if (at != std::string::npos) out.replace(at, 2, value);
    return out;
}

std::string format_date(Language lang, int year, int month, int day, int weekday) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%02d/%02d/%04d", day, month, year);
    if (weekday < 0 || weekday > 6) return digits;
    const Str day_name = static_cast<Str>(static_cast<int>(Str::Sunday) + weekday);
    return std::string(tr(lang, day_name)) + ", " + digits;
}

std::string format_clock(int hour, int minute) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", hour, minute);
    return text;
}

std::string format_waiting(Language lang, int waiting) {
    if (waiting <= 0) return tr(lang, Str::WaitingNone);
    if (waiting == 1) return tr(lang, Str::WaitingOne);
    return fill(tr(lang, Str::WaitingPeople), std::to_string(waiting));
}

std::string format_counters(Language lang, const std::vector<int>& counters) {
    if (counters.empty()) return {};
    std::string list;
    for (std::size_t i = 0; i < counters.size(); ++i) {
        if (i > 0) list += ", ";
        list += std::to_string(counters[i]);
    }
    return fill(tr(lang, counters.size() == 1 ? Str::Counters : Str::CountersMany), list);
}

std::string format_wait_estimate(Language lang, int people_ahead, int wait_minutes) {
    if (people_ahead <= 0) return tr(lang, Str::YouAreNext);
    if (wait_minutes <= 0) return tr(lang, Str::WaitUnderMinute);
    return fill(tr(lang, Str::WaitAbout), std::to_string(wait_minutes));
}

}  // namespace kiosk::ui
