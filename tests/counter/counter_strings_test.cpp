// The counter's and the board's string tables: NFC, both languages present, placeholders kept.
#include <doctest/doctest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "kiosk/board/board_strings.h"
#include "kiosk/counter/counter_strings.h"

namespace {

bool is_nfc(const std::string& s) {
    utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    const bool same = out && s == reinterpret_cast<const char*>(out);
    std::free(out);
    return same;
}

int placeholders(const std::string& s) {
    int n = 0;
    for (auto at = s.find("{}"); at != std::string::npos; at = s.find("{}", at + 2))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("counter strings: NFC, Vietnamese and English, same placeholders") {
    for (const auto& s : kiosk::counter::all_counter_strings()) {
        INFO(s.key);
        CHECK(is_nfc(s.vi));
        CHECK(is_nfc(s.en));
        CHECK(std::string(s.vi).size() > 0);
        CHECK(std::string(s.en).size() > 0);
        CHECK(placeholders(s.vi) == placeholders(s.en));
    }
    CHECK(kiosk::counter::vi(kiosk::counter::CStr::CounterTitle, "3") == "Quầy 3");
    CHECK(kiosk::counter::format_elapsed(135) == "02:15");
    CHECK(kiosk::counter::format_elapsed(3725) == "1:02:05");
    CHECK(kiosk::counter::format_elapsed(-4) == "00:00");
}

TEST_CASE("board strings: NFC, Vietnamese and English, same placeholders") {
    for (const auto& s : kiosk::board::all_board_strings()) {
        INFO(s.key);
        CHECK(is_nfc(s.vi));
        CHECK(is_nfc(s.en));
        CHECK(placeholders(s.vi) == placeholders(s.en));
    }
    CHECK(kiosk::board::vi(kiosk::board::BStr::CallLine, "1005", "3") == "1005 → Quầy 3");
}
