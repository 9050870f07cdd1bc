#include "kiosk/ui/staff_strings.h"

#include <iterator>

namespace kiosk::ui {
namespace {

constexpr StaffString kStaffStrings[] = {
#define KIOSK_STAFF_STR_ROW(name, vi, en) {StaffStr::name, #name, vi, en},
    KIOSK_STAFF_STRINGS(KIOSK_STAFF_STR_ROW)
#undef KIOSK_STAFF_STR_ROW
};

}  // namespace

std::span<const StaffString> all_staff_strings() {
    return kStaffStrings;
}

const char* tr(Language lang, StaffStr id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= std::size(kStaffStrings)) return "";
    return lang == Language::En ? kStaffStrings[index].en : kStaffStrings[index].vi;
}

}  // namespace kiosk::ui
