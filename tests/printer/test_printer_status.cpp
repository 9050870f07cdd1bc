// DLE EOT reply parsing (fixed bits, every flag), GS r 1 replies, fault words and messages.
#include <doctest/doctest.h>

#include "drivers/printer/print_outcome.h"
#include "drivers/printer/printer_status.h"

using namespace kiosk::printer;

namespace {

PrinterStatus status_of(uint8_t n1, uint8_t n2, uint8_t n3, uint8_t n4) {
    PrinterStatus s;
    REQUIRE(s.apply(1, n1));
    REQUIRE(s.apply(2, n2));
    REQUIRE(s.apply(3, n3));
    REQUIRE(s.apply(4, n4));
    return s;
}

}  // namespace

TEST_CASE("replies without the fixed bits 0xx1xx10 are refused") {
    PrinterStatus s;
    for (uint8_t b : {0x00, 0x10, 0x13, 0x11, 0x92, 0x0C, 0x16 | 0x01, 0xFF})
        CHECK_FALSE(s.apply(1, static_cast<uint8_t>(b)));
    CHECK_FALSE(s.apply(0, 0x12));
    CHECK_FALSE(s.apply(5, 0x12));
    CHECK_FALSE(s.answered());
    CHECK_FALSE(s.ready());
    CHECK(describe(s) == "no reply to status query DLE EOT 1");
}

TEST_CASE("an online printer with paper is ready; the drawer bit does not matter") {
    const PrinterStatus s = status_of(0x16, 0x12, 0x12, 0x12);
    CHECK(s.answered());
    CHECK(s.ready());
    CHECK(describe(s) == "ready");
}

TEST_CASE("each cause is read from its query") {
    const PrinterStatus paper = status_of(0x1A, 0x32, 0x12, 0x72);
    CHECK(paper.offline);
    CHECK(paper.stopped_paper_end);
    CHECK(paper.paper_end);
    CHECK(paper.out_of_paper());
    CHECK_FALSE(paper.ready());
    CHECK(describe(paper) == "offline: paper end");

    const PrinterStatus cover = status_of(0x1A, 0x16, 0x12, 0x12);
    CHECK(cover.cover_open);
    CHECK(describe(cover) == "offline: cover open");

    const PrinterStatus cutter = status_of(0x1A, 0x52, 0x1A, 0x12);
    CHECK(cutter.cutter_error);
    CHECK(cutter.error);
    CHECK(describe(cutter) == "offline: autocutter error");

    const PrinterStatus broken = status_of(0x1A, 0x52, 0x32 | 0x40, 0x12);
    CHECK(broken.unrecoverable_error);
    CHECK(broken.auto_recoverable_error);

    const PrinterStatus near_end = status_of(0x12, 0x12, 0x12, 0x1E);
    CHECK(near_end.paper_near_end);
    CHECK_FALSE(near_end.paper_end);
    CHECK(near_end.ready());
    CHECK(describe(near_end) == "ready, paper near end");

    // One bit of a sensor pair alone is not a reading.
    const PrinterStatus half = status_of(0x12, 0x12, 0x12, 0x16);
    CHECK_FALSE(half.paper_near_end);
}

TEST_CASE("GS r 1 replies: 0xx0xxxx, near end 0x03, paper end 0x0C") {
    CHECK(parse_paper_sensor_reply(0x00).has_value());
    CHECK_FALSE(parse_paper_sensor_reply(0x00)->paper_end);
    CHECK(parse_paper_sensor_reply(0x03)->near_end);
    CHECK(parse_paper_sensor_reply(0x0C)->paper_end);
    CHECK_FALSE(parse_paper_sensor_reply(0x12).has_value());  // a DLE EOT reply
    CHECK_FALSE(parse_paper_sensor_reply(0x80).has_value());
    CHECK(is_realtime_status_byte(0x12));
    CHECK_FALSE(is_realtime_status_byte(0x13));  // XOFF
}

TEST_CASE("every fault has a code, a citizen message and staff words") {
    CHECK(error_code(PrintFault::PaperOut) == "paper_out");
    CHECK(citizen_message(PrintFault::PaperOut).vi ==
          "Máy in hết giấy — vui lòng báo cán bộ tiếp nhận.");
    CHECK(citizen_message(PrintFault::PaperOut).en ==
          "The printer is out of paper — please tell the reception staff.");
    for (int f = static_cast<int>(PrintFault::Offline);
         f <= static_cast<int>(PrintFault::EncodeFailed); ++f) {
        const auto fault = static_cast<PrintFault>(f);
        CHECK(!error_code(fault).empty());
        CHECK(!citizen_message(fault).vi.empty());
        CHECK(!citizen_message(fault).en.empty());
        CHECK(!staff_message(fault).en.empty());
    }
}
