// The device model behind both fake printers: real-time replies, held data while stopped,
// replay on recovery, DLE ENQ 2 clearing, GS r 1 only when reached.
#include <doctest/doctest.h>

#include "fake_printer_model.h"

using kiosk::printer::testing::FakePrinterModel;
using Bytes = std::vector<uint8_t>;

namespace {
void feed(FakePrinterModel& m, const Bytes& bytes) {
    m.feed(bytes.data(), bytes.size());
}
// ESC @, one 1-byte-wide band of `rows` rows, GS V 66 0.
Bytes ticket(int rows) {
    Bytes b = {0x1B, 0x40, 0x1D, 0x76, 0x30, 0, 1, 0, static_cast<uint8_t>(rows), 0};
    b.insert(b.end(), static_cast<size_t>(rows), 0xAA);
    b.insert(b.end(), {0x1D, 0x56, 66, 0});
    return b;
}
}  // namespace

TEST_CASE("status replies follow the scripted state") {
    FakePrinterModel m;
    feed(m, {0x10, 0x04, 1, 0x10, 0x04, 4});
    CHECK(m.take_replies() == Bytes{0x12, 0x12});
    m.set_paper_rows(0);
    feed(m, {0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4});
    CHECK(m.take_replies() == Bytes{0x1A, 0x32, 0x72});
    m.set_silent(true);
    feed(m, {0x10, 0x04, 1});
    CHECK(m.take_replies().empty());
}

TEST_CASE("paper end mid-ticket holds the rest; reload replays it unless DLE ENQ 2 cleared it") {
    FakePrinterModel replayed;
    replayed.set_paper_rows(3);
    feed(replayed, ticket(10));
    CHECK(replayed.rows_printed() == 3);
    CHECK(replayed.tickets_cut() == 0);
    CHECK(replayed.held_bytes() > 0);
    feed(replayed, {0x1D, 0x72, 1});
    CHECK(replayed.take_replies().empty());  // GS r 1 waits behind the held rows
    replayed.load_paper();
    CHECK(replayed.rows_printed() == 10);
    CHECK(replayed.tickets_cut() == 1);
    CHECK(replayed.take_replies() == Bytes{0x00});

    FakePrinterModel cleared;
    cleared.set_paper_rows(3);
    feed(cleared, ticket(10));
    feed(cleared, {0x10, 0x05, 2});
    CHECK(cleared.held_bytes() == 0);
    cleared.load_paper();
    CHECK(cleared.rows_printed() == 3);
    CHECK(cleared.tickets_cut() == 0);
}
