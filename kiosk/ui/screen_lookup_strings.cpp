#include "kiosk/ui/screen_lookup_strings.h"

#include <iterator>

#include "kiosk/core/dossier_status.h"

namespace kiosk::ui {
namespace {

constexpr LookupString kLookupStrings[] = {
#define KIOSK_LK_STR_ROW(name, vi, en) {LkStr::name, #name, vi, en},
    KIOSK_LOOKUP_STRINGS(KIOSK_LK_STR_ROW)
#undef KIOSK_LK_STR_ROW
};

}  // namespace

std::span<const LookupString> all_lookup_strings() {
    return kLookupStrings;
}

const char* tr(Language lang, LkStr id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kLookupStrings)) return "";
    return lang == Language::En ? kLookupStrings[index].en : kLookupStrings[index].vi;
}

const char* status_words(Language lang, int status_code) {
    const StatusWords& w = dossier_status_words(status_code);
    return lang == Language::En ? w.en : w.vi;
}

const char* status_next_step(Language lang, int status_code) {
    const StatusWords& w = dossier_status_words(status_code);
    return lang == Language::En ? w.next_en : w.next_vi;
}

std::string format_age(Language lang, int minutes) {
    if (minutes < 1) return tr(lang, LkStr::AgeNow);
    if (minutes < 60) return fill(tr(lang, LkStr::AgeMinutes), std::to_string(minutes));
    if (minutes < 48 * 60) return fill(tr(lang, LkStr::AgeHours), std::to_string(minutes / 60));
    return fill(tr(lang, LkStr::AgeDays), std::to_string(minutes / (24 * 60)));
}

}  // namespace kiosk::ui
