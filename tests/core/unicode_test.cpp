#include <doctest/doctest.h>

#include "kiosk/core/unicode.h"

using namespace kiosk;

TEST_CASE("NFD Vietnamese is composed, dot below before circumflex") {
    // "Nghệ" in NFD: e + U+0323 (dot below) + U+0302 (circumflex)
    const std::string nfd =
        "Ngh"
        "e\xCC\xA3\xCC\x82";
    std::string out;
    REQUIRE(to_nfc(nfd, out));
    CHECK(out == "Nghệ");
    CHECK_FALSE(is_nfc(nfd));
    CHECK(is_nfc("Hộ tịch"));
}

TEST_CASE("invalid UTF-8 is refused") {
    std::string out = "unchanged";
    CHECK_FALSE(to_nfc("abc\xC3", out));
    CHECK(out == "unchanged");
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK(is_valid_utf8("Đất đai"));
}
