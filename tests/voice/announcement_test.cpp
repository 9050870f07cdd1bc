#include <doctest/doctest.h>

#include <set>

#include "kiosk/core/announcement.h"
#include "kiosk/core/unicode.h"

using namespace kiosk;

using Ids = std::vector<std::string>;

TEST_CASE("a call: chime, invitation, number, counter") {
    const auto r = build_announcement({"1005", 3}, {});
    REQUIRE(r.ok());
    CHECK(r.announcement->clip_ids == Ids{"chime", "invite", "digit-1", "nghin", "digit-0", "tram",
                                          "linh", "digit-5", "to-counter", "digit-3"});
    CHECK(r.announcement->sentence ==
          "Xin mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba");
    CHECK(is_nfc(r.announcement->sentence));
}

TEST_CASE("Southern and digit readings; the counter stays a number") {
    const auto south = build_announcement({"1005", 21}, {NumberReading::South, 1});
    REQUIRE(south.ok());
    CHECK(south.announcement->sentence ==
          "Xin mời công dân có số thứ tự một ngàn không trăm lẻ năm đến quầy số hai mươi mốt");

    const auto digits = build_announcement({"A012", 12}, {NumberReading::Digits, 1});
    REQUIRE(digits.ok());
    CHECK(digits.announcement->clip_ids == Ids{"chime", "invite", "letter-a", "digit-0", "digit-1",
                                               "digit-2", "to-counter", "muoi-ten", "digit-2"});
    CHECK(digits.announcement->sentence ==
          "Xin mời công dân có số thứ tự a không một hai đến quầy số mười hai");
}

TEST_CASE("repeated sentence: one chime, a pause between repetitions") {
    const auto r = build_announcement({"7", 2}, {NumberReading::North, 2});
    REQUIRE(r.ok());
    CHECK(r.announcement->clip_ids == Ids{"chime", "invite", "digit-7", "to-counter", "digit-2",
                                          "pause", "invite", "digit-7", "to-counter", "digit-2"});
    CHECK(r.announcement->sentence == "Xin mời công dân có số thứ tự bảy đến quầy số hai");
}

TEST_CASE("a recall is the same announcement again") {
    const auto first = build_announcement({"2021", 4}, {NumberReading::North, 1});
    const auto recall = build_announcement({"2021", 4}, {NumberReading::North, 1});
    REQUIRE(first.ok());
    REQUIRE(recall.ok());
    CHECK(first.announcement->clip_ids == recall.announcement->clip_ids);
}

TEST_CASE("calls that cannot be announced say why") {
    CHECK(build_announcement({"1005", 0}, {}).error == "counter 0: must be between 1 and 999");
    CHECK(build_announcement({"1005", 1000}, {}).error ==
          "counter 1000: must be between 1 and 999");
    CHECK(build_announcement({"1005", 1}, {NumberReading::North, 0}).error ==
          "repeat 0: must be between 1 and 3");
    CHECK(build_announcement({"1005", 1}, {NumberReading::North, 4}).error ==
          "repeat 4: must be between 1 and 3");
    const auto bad = build_announcement({"10/5", 1}, {});
    CHECK_FALSE(bad.ok());
    CHECK(bad.error.find("ticket number '10/5': byte 0x2F at position 2") == 0);
}

TEST_CASE("voice vocabulary covers every clip an announcement uses") {
    std::set<std::string> ids;
    for (const auto& w : voice_vocabulary()) {
        CHECK(ids.insert(std::string(w.id)).second);
        CHECK(is_nfc(std::string(w.text)));
    }
    CHECK(ids.count(std::string(kPauseClip)) == 0);  // silence, not a recording
    CHECK(voice_word_text("chime") == std::string_view(""));
    CHECK(voice_word_text("to-counter") == std::string_view("đến quầy số"));
    CHECK_FALSE(voice_word_text("nope").has_value());
    for (const char* ticket : {"A012", "HT-999", "Đ5", "1005", "9999"}) {
        for (int counter : {1, 15, 21, 105, 999}) {
            for (auto reading :
                 {NumberReading::North, NumberReading::South, NumberReading::Digits}) {
                const auto r = build_announcement({ticket, counter}, {reading, 3});
                REQUIRE(r.ok());
                for (const auto& id : r.announcement->clip_ids) {
                    if (id != kPauseClip) REQUIRE_MESSAGE(ids.count(id) == 1, id);
                }
            }
        }
    }
}
