// The screens' string table: every text NFC (ImGui does no shaping, so decomposed Vietnamese
// would draw loose tone marks), both languages present, and the value formatters.
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "kiosk/ui/staff_strings.h"
#include "kiosk/ui/strings.h"
#include "screen_test_support.h"

using namespace kiosk::ui;
using kiosk::test::check_bilingual;
using kiosk::test::to_nfc;

TEST_CASE("every UI string is valid NFC UTF-8 in both languages") {
    const auto strings = all_ui_strings();
    REQUIRE(strings.size() > 30);
    std::set<std::string> keys;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const UiString& s = strings[i];
        INFO("string ", s.key);
        CHECK(static_cast<std::size_t>(s.id) == i);  // the table is indexed by the enum
        CHECK(keys.insert(s.key).second);
        REQUIRE(s.vi != nullptr);
        REQUIRE(s.en != nullptr);
        check_bilingual(s.vi, s.en);
    }
}

TEST_CASE("every staff screen string is valid NFC UTF-8 in both languages") {
    const auto strings = all_staff_strings();
    REQUIRE(strings.size() > 20);
    std::set<std::string> keys;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const StaffString& s = strings[i];
        INFO("string ", s.key);
        CHECK(static_cast<std::size_t>(s.id) == i);
        CHECK(keys.insert(s.key).second);
        check_bilingual(s.vi, s.en);
    }
    CHECK(std::string(tr(Language::Vi, StaffStr::PinTitle)) == "Nhập mã PIN cán bộ");
}

TEST_CASE("the NFC check catches decomposed text") {
    // "Lấy" with a + combining circumflex + combining acute: what the check above must reject.
    const std::string nfd = "La\xCC\x82\xCC\x81y";
    CHECK(to_nfc(nfd) != nfd);
    CHECK(to_nfc(nfd) == "Lấy");
}

TEST_CASE("Vietnamese first, English on request") {
    CHECK(std::string(tr(Language::Vi, Str::TakeNumber)) == "Lấy số thứ tự");
    CHECK(std::string(tr(Language::En, Str::TakeNumber)) == "Take a queue number");
    CHECK(std::string(tr(Language::Vi, Str::LanguageToggle)) == "English");
    CHECK(std::string(tr(Language::En, Str::LanguageToggle)) == "Tiếng Việt");
}

TEST_CASE("date with the Vietnamese weekday, clock with two digits") {
    CHECK(format_date(Language::Vi, 2026, 11, 27, 5) == "Thứ Sáu, 27/11/2026");
    CHECK(format_date(Language::Vi, 2026, 11, 29, 0) == "Chủ Nhật, 29/11/2026");
    CHECK(format_date(Language::En, 2026, 11, 27, 5) == "Friday, 27/11/2026");
    CHECK(format_date(Language::Vi, 2026, 1, 2, 9) == "02/01/2026");  // bad weekday: date only
    CHECK(format_clock(7, 5) == "07:05");
    CHECK(format_clock(23, 59) == "23:59");
}

TEST_CASE("waiting, counters and wait estimate texts") {
    CHECK(format_waiting(Language::Vi, 5) == "Đang chờ: 5 người");
    CHECK(format_waiting(Language::Vi, 0) == "Không có người chờ");
    CHECK(format_waiting(Language::En, 1) == "Waiting: 1 person");
    CHECK(format_counters(Language::Vi, {1, 2}) == "Quầy 1, 2");
    CHECK(format_counters(Language::En, {3}) == "Counter 3");
    CHECK(format_counters(Language::En, {1, 2}) == "Counters 1, 2");
    CHECK(format_counters(Language::Vi, {}).empty());
    CHECK(format_wait_estimate(Language::Vi, 5, 40) == "Thời gian chờ: khoảng 40 phút");
    CHECK(format_wait_estimate(Language::Vi, 0, 0) == "Bạn là người tiếp theo");
    CHECK(format_wait_estimate(Language::En, 2, 0) == "Estimated wait: under a minute");
    CHECK(fill("Số {} đã bị huỷ.", "1006") == "Số 1006 đã bị huỷ.");
    CHECK(fill("no placeholder", "x") == "no placeholder");
}
