#include <doctest/doctest.h>

#include "kiosk/print/ticket_text.h"

using namespace kiosk::print;

TEST_CASE("ticket wording: counters, people ahead, wait") {
    CHECK(ticket_text::counters_vi({1, 2}) == "Quầy: 1, 2");
    CHECK(ticket_text::counters_vi({7}) == "Quầy: 7");
    CHECK(ticket_text::counters_vi({}) == "");
    CHECK(ticket_text::people_ahead_vi(5).line() == "Số người chờ trước bạn: 5");
    CHECK(ticket_text::people_ahead_vi(0).line() == "Bạn là người tiếp theo");
    CHECK(ticket_text::people_ahead_vi(-3).line() == "Bạn là người tiếp theo");
    CHECK(ticket_text::wait_vi(5, 40).line() == "Thời gian chờ dự kiến: khoảng 40 phút");
    CHECK(ticket_text::wait_vi(9, 80).line() == "Thời gian chờ dự kiến: khoảng 1 giờ 20 phút");
    CHECK(ticket_text::wait_vi(9, 120).line() == "Thời gian chờ dự kiến: khoảng 2 giờ");
    CHECK(ticket_text::wait_vi(1, 0).line() == "Thời gian chờ dự kiến: khoảng 1 phút");
    CHECK(ticket_text::wait_vi(0, 40).empty());
    CHECK(ticket_text::wait_vi(5, 40).value == "khoảng 40 phút");
    CHECK(ticket_text::issued_at_vi("27/11/2026 14:05:09").line() ==
          "Thời gian in vé: 27/11/2026 14:05:09");
    CHECK(ticket_text::issued_at_vi("").empty());
}

TEST_CASE("ticket wording: English summary segments") {
    using V = std::vector<std::string>;
    CHECK(ticket_text::summary_en({1, 2}, 5, 40) ==
          V{"Counters 1, 2", "5 people ahead", "about 40 min"});
    CHECK(ticket_text::summary_en({3}, 1, 8) == V{"Counter 3", "1 person ahead", "about 8 min"});
    CHECK(ticket_text::summary_en({3}, 0, 0) == V{"Counter 3", "You are next"});
    CHECK(ticket_text::summary_en({}, 4, 95) == V{"4 people ahead", "about 1 h 35 min"});
}
