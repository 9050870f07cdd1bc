#include "kiosk/ui/screen_procedures_strings.h"

#include <cstdio>
#include <iterator>

namespace kiosk::ui {
namespace {

constexpr ProcedureString kProcedureStrings[] = {
#define KIOSK_PR_STR_ROW(name, vi, en) {PrStr::name, #name, vi, en},
    KIOSK_PROCEDURE_STRINGS(KIOSK_PR_STR_ROW)
#undef KIOSK_PR_STR_ROW
};

// Vietnamese forms write counts with two digits ("02 bản sao"), as the catalogue's forms do.
std::string count(Language lang, int n) {
    if (lang == Language::En) return std::to_string(n);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

}  // namespace

std::span<const ProcedureString> all_procedure_strings() {
    return kProcedureStrings;
}

const char* tr(Language lang, PrStr id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kProcedureStrings)) return "";
    return lang == Language::En ? kProcedureStrings[index].en : kProcedureStrings[index].vi;
}

std::string format_document_counts(Language lang, int originals, int copies) {
    std::string out;
    if (originals > 0)
        out = originals == 1 ? tr(lang, PrStr::OneOriginal)
                             : fill(tr(lang, PrStr::Originals), count(lang, originals));
    if (copies > 0) {
        if (!out.empty()) out += ", ";
        out += copies == 1 ? tr(lang, PrStr::OneCopy)
                           : fill(tr(lang, PrStr::Copies), count(lang, copies));
    }
    return out;
}

const char* channel_name(Language lang, int channel) {
    switch (channel) {
        case 1:
            return tr(lang, PrStr::ChannelDirect);
        case 2:
            return tr(lang, PrStr::ChannelOnline);
        case 3:
            return tr(lang, PrStr::ChannelPost);
        default:
            return "";
    }
}

}  // namespace kiosk::ui
