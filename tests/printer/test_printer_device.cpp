// PrinterDevice against the fake network printer, through the real TCP transport: every fault
// of the "Must show" list yields the right fault, bytes_sent and message, nothing of a
// failed ticket is printed later, and the next job succeeds once the printer recovers.
#include <doctest/doctest.h>

#include <random>

#include "drivers/printer/printer_device.h"
#include "drivers/printer/tcp_transport.h"
#include "fake_tcp_printer.h"
#include "test_bitmaps.h"

using namespace kiosk;
using namespace kiosk::printer;
using kiosk::printer::testing::FakePrinterModel;
using kiosk::printer::testing::FakeTcpPrinter;
using namespace std::chrono_literals;

namespace {

constexpr int kRows = 600;

PrinterProfile test_profile(PrinterStatusSupport status) {
    PrinterProfile p;
    p.status = status;
    p.job_timeout = 1500ms;
    p.status_timeout = 400ms;
    p.confirm_timeout = 800ms;
    return p;
}

PrinterDevice device_for(const FakeTcpPrinter& printer,
                         PrinterStatusSupport status = PrinterStatusSupport::Full) {
    return PrinterDevice(
        std::make_unique<TcpTransport>("127.0.0.1", printer.port(), TransportTimeouts{1000ms}),
        test_profile(status));
}

// Ticket-like rows that never contain DLE (0x10), so the fake answers no stray "query" inside
// the raster and every reply the device sees is one it asked for.
MonoBitmap ticket(int seed, int rows = kRows) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    MonoBitmap bitmap = testing::random_bitmap(576, rows, rng);
    for (uint8_t& b : bitmap.bytes())
        if (b == 0x10) b = 0x11;
    return bitmap;
}

EncodedJob job_of(const MonoBitmap& bitmap) {
    return encode_raster_job(bitmap, RasterJobOptions{});
}

// Printed tickets: jobs with a raster and a cut (resync jobs are empty).
std::vector<DecodedJob> printed_tickets(const FakeTcpPrinter& printer) {
    std::vector<DecodedJob> out;
    for (DecodedJob& job : printer.printed_jobs())
        if (job.cuts > 0) out.push_back(std::move(job));
    return out;
}

// The fake reads asynchronously: give it a moment to see what the device sent last.
template <typename Predicate>
bool eventually(Predicate predicate) {
    for (int i = 0; i < 200 && !predicate(); ++i)
        std::this_thread::sleep_for(10ms);
    return predicate();
}

bool received_raster(const FakeTcpPrinter& printer) {
    for (const DecodedJob& job : printer.jobs())
        if (job.band_count() > 0) return true;
    return false;
}

}  // namespace

TEST_CASE("a ready printer prints, confirms with GS r 1, and the paper shows the ticket") {
    FakeTcpPrinter printer;
    PrinterDevice device = device_for(printer);
    CHECK(device.resync_pending());
    const MonoBitmap bitmap = ticket(1);
    const PrintOutcome out = device.print(job_of(bitmap), 100);
    REQUIRE_MESSAGE(out.ok(), out.detail);
    CHECK(out.bytes_sent);
    CHECK(out.confirmed);
    CHECK_FALSE(device.resync_pending());
    const auto tickets = printed_tickets(printer);
    REQUIRE(tickets.size() == 1);
    CHECK(testing::same_bitmap(tickets[0].raster, bitmap));
    // Start-up resync: a NUL burst and ESC @ went out before the ticket.
    const auto received = printer.received();
    REQUIRE(received.size() > 8192);
    CHECK(received[0] == 0x00);
    CHECK(printer.model().gs_r_replies() == 1);
    CHECK(device.status_line().find("ready") != std::string::npos);
}

TEST_CASE("paper out before a job: fail fast, nothing sent, then print again after reloading") {
    FakeTcpPrinter printer;
    printer.script([](FakePrinterModel& m) { m.set_paper_rows(0); });
    PrinterDevice device = device_for(printer);
    const PrintOutcome out = device.print(job_of(ticket(2)), 100);
    CHECK(out.fault == PrintFault::PaperOut);
    CHECK_FALSE(out.bytes_sent);
    CHECK(error_code(out.fault) == "paper_out");
    CHECK(citizen_message(out.fault).vi == "Máy in hết giấy — vui lòng báo cán bộ tiếp nhận.");
    CHECK(out.detail.find("paper end") != std::string::npos);
    CHECK_FALSE(received_raster(printer));
    CHECK(device.status_line().find("hết giấy") != std::string::npos);
    CHECK(device.query_status().fault == PrintFault::PaperOut);

    printer.script([](FakePrinterModel& m) { m.load_paper(); });
    CHECK(device.query_status().fault == PrintFault::None);
    const MonoBitmap next = ticket(3);
    const PrintOutcome again = device.print(job_of(next), 100);
    REQUIRE_MESSAGE(again.ok(), again.detail);
    const auto tickets = printed_tickets(printer);
    REQUIRE(tickets.size() == 1);
    CHECK(testing::same_bitmap(tickets[0].raster, next));
}

TEST_CASE("paper out after N tickets: the next one fails before sending") {
    FakeTcpPrinter printer;
    printer.script([](FakePrinterModel& m) { m.paper_out_after_tickets(1); });
    PrinterDevice device = device_for(printer);
    REQUIRE(device.print(job_of(ticket(4)), 100).ok());
    const PrintOutcome second = device.print(job_of(ticket(5)), 100);
    CHECK(second.fault == PrintFault::PaperOut);
    CHECK_FALSE(second.bytes_sent);
    CHECK(printed_tickets(printer).size() == 1);
}

TEST_CASE("paper out in the middle of a job: not confirmed, bytes sent, the rest never prints") {
    FakeTcpPrinter printer;
    printer.script([](FakePrinterModel& m) { m.set_paper_rows(kRows / 3); });
    PrinterDevice device = device_for(printer);
    const PrintOutcome out = device.print(job_of(ticket(6)), 100);
    CHECK(out.fault == PrintFault::PaperOut);
    CHECK(out.bytes_sent);
    CHECK_FALSE(out.confirmed);
    CHECK(printer.model().rows_printed() == kRows / 3);
    // The device cleared the printer's buffer (DLE ENQ 2) so the void ticket's rest is gone.
    CHECK(eventually([&] { return printer.model().buffers_cleared() >= 1; }));
    CHECK(printer.model().held_bytes() == 0);

    printer.script([](FakePrinterModel& m) { m.load_paper(); });
    const MonoBitmap next = ticket(7);
    const PrintOutcome again = device.print(job_of(next), 100);
    REQUIRE_MESSAGE(again.ok(), again.detail);
    // Exactly one cut ticket on paper: the new one, whole; no replayed half of the void one.
    const auto tickets = printed_tickets(printer);
    REQUIRE(tickets.size() == 1);
    CHECK(testing::same_bitmap(tickets[0].raster, next));
    CHECK(printer.model().tickets_cut() == 1);
}

TEST_CASE("cover open: fail fast with the cause; closing it resumes printing") {
    FakeTcpPrinter printer;
    printer.script([](FakePrinterModel& m) { m.set_cover_open(true); });
    PrinterDevice device = device_for(printer);
    const PrintOutcome out = device.print(job_of(ticket(8)), 100);
    CHECK(out.fault == PrintFault::CoverOpen);
    CHECK_FALSE(out.bytes_sent);
    CHECK(citizen_message(out.fault).vi == "Nắp máy in đang mở — vui lòng báo cán bộ tiếp nhận.");
    CHECK_FALSE(received_raster(printer));
    printer.script([](FakePrinterModel& m) { m.set_cover_open(false); });
    CHECK(device.print(job_of(ticket(9)), 100).ok());
    CHECK(printed_tickets(printer).size() == 1);
}

TEST_CASE("cutter error stops the printer and is named") {
    FakeTcpPrinter printer;
    printer.script([](FakePrinterModel& m) { m.set_cutter_error(true); });
    PrinterDevice device = device_for(printer);
    const PrintOutcome out = device.print(job_of(ticket(10)), 100);
    CHECK(out.fault == PrintFault::CutterError);
    CHECK_FALSE(out.bytes_sent);
}

TEST_CASE("a silent printer whose profile says it answers: status unknown, never OK") {
    FakeTcpPrinter printer;
    printer.set_silent(true);
    PrinterDevice device = device_for(printer, PrinterStatusSupport::Realtime);
    const PrintOutcome out = device.print(job_of(ticket(11)), 100);
    CHECK(out.fault == PrintFault::NoStatusReply);
    CHECK_FALSE(out.bytes_sent);
    CHECK(out.detail.find("status unknown") != std::string::npos);
    CHECK(citizen_message(out.fault).vi ==
          "Máy in không phản hồi — vui lòng báo cán bộ tiếp nhận.");
    CHECK_FALSE(received_raster(printer));
    printer.set_silent(false);
    CHECK(device.print(job_of(ticket(12)), 100).ok());
}

TEST_CASE("a printer that answers DLE EOT but not GS r: the job is reported unconfirmed") {
    FakeTcpPrinter printer;
    printer.script([](FakePrinterModel& m) { m.set_answers_gs_r(false); });
    PrinterDevice device = device_for(printer, PrinterStatusSupport::Full);
    const PrintOutcome out = device.print(job_of(ticket(13)), 100);
    CHECK(out.fault == PrintFault::Unconfirmed);
    CHECK(out.bytes_sent);
    // The same printer under the matching "realtime" profile prints fine.
    PrinterDevice realtime = device_for(printer, PrinterStatusSupport::Realtime);
    const PrintOutcome ok = realtime.print(job_of(ticket(14)), 100);
    CHECK(ok.ok());
    CHECK(ok.confirmed);
}

TEST_CASE("connection dropped mid-job: connection lost, bytes sent; reconnects for the next") {
    FakeTcpPrinter printer;
    PrinterDevice device = device_for(printer);
    const EncodedJob job = job_of(ticket(15));
    // Resync burst + status query (12) + a third of the ticket, then hang up.
    printer.close_after(device.resync_bytes().size() + 12 + job.bytes.size() / 3);
    const PrintOutcome out = device.print(job, 100);
    CHECK(out.fault == PrintFault::ConnectionLost);
    CHECK(out.bytes_sent);
    CHECK(citizen_message(out.fault).vi ==
          "Máy in chưa in xong vé của bạn — vui lòng báo cán bộ tiếp nhận.");
    printer.close_after(SIZE_MAX);
    const MonoBitmap next = ticket(16);
    const PrintOutcome again = device.print(job_of(next), 100);
    REQUIRE_MESSAGE(again.ok(), again.detail);
    const auto tickets = printed_tickets(printer);
    REQUIRE(!tickets.empty());
    CHECK(testing::same_bitmap(tickets.back().raster, next));
}

TEST_CASE("write stall: the job deadline ends it; the next job resyncs and prints whole") {
    FakeTcpPrinter printer;
    PrinterDevice device = device_for(printer);
    // Far more than every socket buffer on the way, so the writes themselves must wait.
    const EncodedJob job = job_of(ticket(17, 200000));
    printer.stall_after(device.resync_bytes().size() + 12 + 50000);
    const PrintOutcome out = device.print(job, 100);
    CHECK_MESSAGE(out.fault == PrintFault::WriteStall, out.detail);
    CHECK(out.bytes_sent);
    CHECK(device.resync_pending());
    printer.resume_reading();
    const MonoBitmap next = ticket(18);
    const PrintOutcome again = device.print(job_of(next), 100);
    REQUIRE_MESSAGE(again.ok(), again.detail);
    const auto tickets = printed_tickets(printer);
    REQUIRE(!tickets.empty());
    CHECK(testing::same_bitmap(tickets.back().raster, next));
}

TEST_CASE("a slow printer still gets the whole ticket") {
    FakeTcpPrinter printer;
    printer.set_bytes_per_second(400000);
    PrinterDevice device = device_for(printer);
    const MonoBitmap bitmap = ticket(19);
    REQUIRE(device.print(job_of(bitmap), 100).ok());
    REQUIRE(printed_tickets(printer).size() == 1);
}

TEST_CASE("paper near end is a warning, not a failure") {
    FakeTcpPrinter printer;
    printer.script([](FakePrinterModel& m) { m.set_near_end(true); });
    PrinterDevice device = device_for(printer);
    const PrintOutcome out = device.print(job_of(ticket(20)), 100);
    CHECK(out.ok());
    CHECK(out.paper_low);
    CHECK(device.status_line().find("paper near end") != std::string::npos);
}

TEST_CASE("a write-only printer is never queried; the software paper counter warns") {
    kiosk::printer::testing::FakeTcpPrinter printer;
    const std::string state = "/tmp/printer-device-test-paper-" + std::to_string(printer.port());
    std::remove(state.c_str());
    PrinterProfile profile = test_profile(PrinterStatusSupport::None);
    profile.paper_roll_mm = 1000;
    profile.paper_low_mm = 800;
    {
        PrinterDevice device(
            std::make_unique<TcpTransport>("127.0.0.1", printer.port(), TransportTimeouts{1000ms}),
            profile, state);
        const PrintOutcome first = device.print(job_of(ticket(21)), 150);
        CHECK(first.ok());
        CHECK_FALSE(first.confirmed);
        CHECK_FALSE(first.paper_low);
        const PrintOutcome second = device.print(job_of(ticket(22)), 150);
        CHECK(second.ok());
        CHECK(second.paper_low);
        CHECK(device.paper_counter().left_mm() == 700);
        CHECK(device.status_line().find("LOW") != std::string::npos);
    }
    CHECK(printer.model().status_replies() == 0);
    // The counter survives a restart, and staff reset it after loading a new roll.
    PaperCounter reloaded(1000, 800, state);
    CHECK(reloaded.left_mm() == 700);
    reloaded.reset();
    CHECK(PaperCounter(1000, 800, state).left_mm() == 1000);
    std::remove(state.c_str());
}

TEST_CASE("an unreachable printer is reported as such, with nothing sent") {
    FakeTcpPrinter printer;
    printer.refuse_connections();
    PrinterDevice device = device_for(printer);
    const PrintOutcome out = device.print(job_of(ticket(23)), 100);
    CHECK(out.fault == PrintFault::Unreachable);
    CHECK_FALSE(out.bytes_sent);
}

TEST_CASE("job paper length: rows at the dpi plus feed and the cutter margin") {
    CHECK(job_paper_mm(0, 0, 203) == doctest::Approx(15));
    CHECK(job_paper_mm(203, 0, 203) == doctest::Approx(25.4 + 15));
    CHECK(job_paper_mm(0, 6, 203) == doctest::Approx(25.4 + 15));
}
