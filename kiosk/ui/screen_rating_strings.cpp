#include "kiosk/ui/screen_rating_strings.h"

#include <iterator>

namespace kiosk::ui {
namespace {

constexpr RatingString kRatingStrings[] = {
#define KIOSK_RT_STR_ROW(name, vi, en) {RtStr::name, #name, vi, en},
    KIOSK_RATING_STRINGS(KIOSK_RT_STR_ROW)
#undef KIOSK_RT_STR_ROW
};

}  // namespace

std::span<const RatingString> all_rating_strings() {
    return kRatingStrings;
}

const char* tr(Language lang, RtStr id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kRatingStrings)) return "";
    return lang == Language::En ? kRatingStrings[index].en : kRatingStrings[index].vi;
}

const char* rating_level_words(Language lang, int level) {
    switch (level) {
        case 1:
            return tr(lang, RtStr::Level1);
        case 2:
            return tr(lang, RtStr::Level2);
        case 3:
            return tr(lang, RtStr::Level3);
        case 4:
            return tr(lang, RtStr::Level4);
        case 5:
            return tr(lang, RtStr::Level5);
        default:
            return "";
    }
}

const char* rating_reason_words(Language lang, const std::string& code) {
    if (code == "long_wait") return tr(lang, RtStr::ReasonLongWait);
    if (code == "staff_attitude") return tr(lang, RtStr::ReasonAttitude);
    if (code == "unclear_guidance") return tr(lang, RtStr::ReasonGuidance);
    if (code == "complex_procedure") return tr(lang, RtStr::ReasonProcedure);
    return "";
}

}  // namespace kiosk::ui
