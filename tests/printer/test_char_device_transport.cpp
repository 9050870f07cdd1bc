// usb: and serial: transports with a pseudo-terminal standing in for /dev/usb/lp0 and
// /dev/ttyUSB0: termios set-up, delivery, status replies through the PrinterDevice, a stalled
// device against the deadline, XON/XOFF flow control, unplug (hang-up) and re-plug behind the
// same path (a symlink, as udev makes).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "drivers/printer/char_device_transport.h"
#include "drivers/printer/escpos_encoder.h"
#include "drivers/printer/printer_device.h"
#include "fake_pty_printer.h"
#include "test_bitmaps.h"

using namespace kiosk;
using namespace kiosk::printer;
using kiosk::printer::testing::FakePrinterModel;
using kiosk::printer::testing::FakePtyPrinter;
using namespace std::chrono_literals;

namespace {

EncodedJob small_job(int seed, int rows = 200) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    MonoBitmap bitmap = testing::random_bitmap(576, rows, rng);
    for (uint8_t& b : bitmap.bytes())
        if (b == 0x10 || b == 0x11 || b == 0x13) b = 0x12;  // no DLE, and no XON/XOFF bytes
    return encode_raster_job(bitmap, RasterJobOptions{});
}

PrinterProfile pty_profile(PrinterStatusSupport status) {
    PrinterProfile p;
    p.status = status;
    p.job_timeout = 1500ms;
    p.status_timeout = 400ms;
    p.confirm_timeout = 800ms;
    return p;
}

std::string temp_link(const std::string& tag) {
    return (std::filesystem::temp_directory_path() /
            ("kiosk-" + tag + "-" + std::to_string(::getpid())))
        .string();
}

}  // namespace

TEST_CASE("serial: the line is raw, at the configured speed and flow control") {
    FakePtyPrinter printer;
    CharDeviceTransport transport(
        CharDeviceTransport::Kind::Serial, printer.device_path(),
        kiosk::serial::SerialSettings{9600, kiosk::serial::FlowControl::XonXoff});
    CHECK(transport.describe() == "serial:" + printer.device_path() + "?baud=9600&flow=xonxoff");
    const EncodedJob job = small_job(1);
    const TransportResult r = transport.send(job.bytes, job.chunk_ends, 3000ms);
    REQUIRE_MESSAGE(r.ok, r.detail);
    REQUIRE(printer.wait_for_bytes(job.bytes.size(), 3000ms));
    CHECK(printer.received() == job.bytes);

    termios tio{};
    const int fd = ::open(printer.device_path().c_str(), O_RDWR | O_NOCTTY);
    REQUIRE(fd >= 0);
    REQUIRE(::tcgetattr(fd, &tio) == 0);
    ::close(fd);
    CHECK(::cfgetospeed(&tio) == B9600);
    CHECK((tio.c_iflag & IXON) != 0);
    CHECK((tio.c_lflag & (ICANON | ECHO)) == 0);
    CHECK((tio.c_oflag & OPOST) == 0);
}

TEST_CASE("serial: status and GS r 1 confirmation through the pty, paper out fails fast") {
    FakePtyPrinter printer;
    PrinterDevice device(
        std::make_unique<CharDeviceTransport>(
            CharDeviceTransport::Kind::Serial, printer.device_path(),
            kiosk::serial::SerialSettings{115200, kiosk::serial::FlowControl::None}),
        pty_profile(PrinterStatusSupport::Full));
    const PrintOutcome ok = device.print(small_job(2), 50);
    REQUIRE_MESSAGE(ok.ok(), ok.detail);
    CHECK(ok.confirmed);

    printer.script([](FakePrinterModel& m) { m.set_paper_rows(0); });
    const PrintOutcome out = device.print(small_job(3), 50);
    CHECK(out.fault == PrintFault::PaperOut);
    CHECK_FALSE(out.bytes_sent);

    printer.script([](FakePrinterModel& m) { m.load_paper(); });
    CHECK(device.print(small_job(4), 50).ok());
    CHECK(printer.model().tickets_cut() == 2);
}

TEST_CASE("serial: XOFF holds our writes until the deadline, XON lets them through") {
    FakePtyPrinter printer;
    CharDeviceTransport transport(
        CharDeviceTransport::Kind::Serial, printer.device_path(),
        kiosk::serial::SerialSettings{115200, kiosk::serial::FlowControl::XonXoff});
    const EncodedJob warmup = small_job(5, 8);
    REQUIRE(transport.send(warmup.bytes, warmup.chunk_ends, 2000ms).ok);  // opens + configures
    printer.send_raw({0x13});                                             // XOFF
    // Let the tty see the XOFF before the next write (it arrives through the line discipline).
    uint8_t none[4];
    CHECK(transport.receive(none, 200ms).bytes == 0);  // XON/XOFF never reach the reader
    const EncodedJob job = small_job(6);
    const TransportResult held = transport.send(job.bytes, job.chunk_ends, 500ms);
    CHECK_FALSE(held.ok);
    CHECK(held.error == TransportError::WriteTimeout);
    CHECK(held.detail.find("flow control") != std::string::npos);
    CHECK_FALSE(transport.is_open());  // closed after the failure; the next send reopens

    printer.send_raw({0x11});  // XON
    const TransportResult r = transport.send(job.bytes, job.chunk_ends, 3000ms);
    REQUIRE_MESSAGE(r.ok, r.detail);
}

TEST_CASE("usb: a stalled device node ends at the deadline (never blocks forever)") {
    FakePtyPrinter printer;
    printer.set_stalled(true);
    CharDeviceTransport transport(CharDeviceTransport::Kind::Usb, printer.device_path());
    CHECK(transport.describe() == "usb:" + printer.device_path());
    std::vector<uint8_t> big(256 * 1024, 0x00);
    const TransportResult r = transport.send(big, {}, 400ms);
    CHECK_FALSE(r.ok);
    CHECK(r.error == TransportError::WriteTimeout);
    CHECK(r.bytes_written < big.size());
    CHECK(r.bytes_written > 0);
    printer.set_stalled(false);
    const EncodedJob job = small_job(7);
    CHECK(transport.send(job.bytes, job.chunk_ends, 3000ms).ok);
}

TEST_CASE("usb: unplug gives DeviceGone; re-plug behind the same symlink is picked up") {
    const std::string link = temp_link("lp0");
    std::filesystem::remove(link);
    auto first = std::make_unique<FakePtyPrinter>();
    std::filesystem::create_symlink(first->device_path(), link);
    PrinterDevice device(
        std::make_unique<CharDeviceTransport>(CharDeviceTransport::Kind::Usb, link),
        pty_profile(PrinterStatusSupport::Realtime));
    REQUIRE(device.print(small_job(8), 50).ok());

    first->hang_up();
    const PrintOutcome gone = device.print(small_job(9), 50);
    CHECK_FALSE(gone.ok());
    CHECK_FALSE(gone.bytes_sent);
    CHECK(gone.fault == PrintFault::Unreachable);

    FakePtyPrinter second;  // plugged in again: a new node, the same udev symlink
    std::filesystem::remove(link);
    std::filesystem::create_symlink(second.device_path(), link);
    const PrintOutcome back = device.print(small_job(10), 50);
    REQUIRE_MESSAGE(back.ok(), back.detail);
    CHECK(second.model().tickets_cut() == 1);
    std::filesystem::remove(link);
}

TEST_CASE("usb: a missing node is reported with the path") {
    CharDeviceTransport transport(CharDeviceTransport::Kind::Usb, "/dev/usb/lp-does-not-exist");
    const uint8_t byte[1] = {0};
    const TransportResult r = transport.send(byte, {}, 200ms);
    CHECK(r.error == TransportError::DeviceGone);
    CHECK(r.detail.find("/dev/usb/lp-does-not-exist") != std::string::npos);
}
