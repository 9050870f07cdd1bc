// SerialScanner on a pseudo-terminal standing in for /dev/ttyACM0: CR / LF / CRLF terminators,
// UTF-8 payloads, a read split over several writes, unplug (hang-up) and re-plug through a
// udev-style symlink.
#include <doctest/doctest.h>
#include <pty.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "drivers/scanner/scanner_inputs.h"
#include "drivers/scanner/serial_scanner.h"
#include "support/temp_dir.h"

using namespace kiosk::scanner;
using namespace std::chrono_literals;

namespace {

// One pty pair: the test writes to the master like a scanner would.
struct Pty {
    int master = -1, slave = -1;
    std::string slave_path;
    Pty() {
        char name[256] = {};
        REQUIRE(openpty(&master, &slave, name, nullptr, nullptr) == 0);
        slave_path = name;
    }
    ~Pty() { hang_up(); }
    void send(const std::string& bytes) const {
        REQUIRE(write(master, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    }
    void hang_up() {
        if (slave >= 0) close(slave);
        if (master >= 0) close(master);
        master = slave = -1;
    }
};

struct Reads {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<ScanInput> items;
    ScanInputCallback callback() {
        return [this](const ScanInput& input) {
            std::lock_guard lock(mutex);
            items.push_back(input);
            changed.notify_all();
        };
    }
    bool wait_for(size_t count) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 10s, [&] { return items.size() >= count; });
    }
};

bool wait_state(const SerialScanner& scanner, ScannerState state) {
    for (int i = 0; i < 1000; ++i) {
        if (scanner.status().state == state) return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

}  // namespace

TEST_CASE("LineAssembler: CR, LF, CRLF, split reads, empty lines, overlong lines") {
    LineAssembler lines(8);
    CHECK(lines.feed("AB").empty());
    CHECK(lines.feed("C\r\nD\rE\n\n") == std::vector<std::string>{"ABC", "D", "E"});
    CHECK(lines.feed("0123456789\rOK\n") == std::vector<std::string>{"OK"});  // 10 > 8: dropped
    CHECK(lines.feed("Đ\n") == std::vector<std::string>{"Đ"});
}

TEST_CASE("SerialScanner: reads from a pty, one callback per line") {
    Pty pty;
    Reads reads;
    SerialScanner scanner(pty.slave_path, 9600, reads.callback(), 50ms);
    scanner.start();
    scanner.start();  // idempotent
    REQUIRE(wait_state(scanner, ScannerState::Connected));
    pty.send("000.00.21.H41-250312-0007\r");
    pty.send("https://dvc.vn/?MHS=H41.22.10.01-251103-0012\r\n");
    pty.send("079095001234|123456789|Nguyễn Văn A");  // UTF-8 passes through untouched…
    std::this_thread::sleep_for(20ms);
    pty.send("|01011990|Nam|Hà Nội|01012021\n");  // …and a read may arrive in pieces
    REQUIRE(reads.wait_for(3));
    std::lock_guard lock(reads.mutex);
    CHECK(reads.items[0].payload == "000.00.21.H41-250312-0007");
    CHECK(reads.items[1].payload == "https://dvc.vn/?MHS=H41.22.10.01-251103-0012");
    CHECK(reads.items[2].payload ==
          "079095001234|123456789|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021");
    CHECK(reads.items[0].source == ScanSource::SerialScanner);
    CHECK(scanner.status().reads == 3);
}

TEST_CASE("SerialScanner: unplugged, it waits; plugged back in, it reads again") {
    kiosk::test::TempDir dir("serialscan");
    const std::string link = dir.file("kiosk-scanner");  // like udev's SYMLINK+="kiosk-scanner"
    auto first = std::make_unique<Pty>();
    std::filesystem::create_symlink(first->slave_path, link);
    Reads reads;
    SerialScanner scanner(link, 115200, reads.callback(), 20ms);
    scanner.start();
    REQUIRE(wait_state(scanner, ScannerState::Connected));
    first->send("ONE\n");
    REQUIRE(reads.wait_for(1));

    first->hang_up();  // the USB cable is pulled
    REQUIRE(wait_state(scanner, ScannerState::Waiting));
    CHECK_FALSE(scanner.status().detail.empty());

    Pty second;  // plugged back in (a new tty; the symlink follows it)
    std::filesystem::remove(link);
    std::filesystem::create_symlink(second.slave_path, link);
    REQUIRE(wait_state(scanner, ScannerState::Connected));
    second.send("TWO\r");
    REQUIRE(reads.wait_for(2));
    {
        std::lock_guard lock(reads.mutex);
        CHECK(reads.items[1].payload == "TWO");
    }
    scanner.stop();
    CHECK(scanner.status().state == ScannerState::Stopped);
}

TEST_CASE("SerialScanner: a missing device is reported, not fatal") {
    Reads reads;
    SerialScanner scanner("/dev/kiosk-no-such-scanner", 9600, reads.callback(), 20ms);
    scanner.start();
    REQUIRE(wait_state(scanner, ScannerState::Waiting));
    for (int i = 0; i < 100 && scanner.status().detail.find("errno") == std::string::npos; ++i)
        std::this_thread::sleep_for(10ms);
    const ScannerStatus status = scanner.status();
    CHECK(status.detail.find("/dev/kiosk-no-such-scanner") != std::string::npos);
    CHECK(status.detail.find("No such file") != std::string::npos);
    scanner.stop();
    CHECK(is_valid_scanner_baud(9600));
    CHECK_FALSE(is_valid_scanner_baud(12345));
}

TEST_CASE("ScannerInputs: built from [scanner], reads through one callback") {
    Pty pty;
    Reads reads;
    kiosk::ScannerConfig config;
    config.serial_device = pty.slave_path;
    config.serial_baud = 115200;
    config.evdev_device = "/dev/input/by-id/usb-kiosk-missing-event-kbd";
    config.burst_max_gap_ms = 40;
    config.burst_min_chars = 8;
    ScannerInputs inputs(config, reads.callback());
    CHECK(inputs.has_device());
    CHECK(inputs.burst_options().max_gap == 40ms);
    CHECK(inputs.burst_options().min_chars == 8);
    inputs.start();
    for (int i = 0; i < 1000; ++i) {
        const auto status = inputs.status();
        if (status.size() == 2 && status[1].second.state == ScannerState::Connected) break;
        std::this_thread::sleep_for(10ms);
    }
    const auto status = inputs.status();
    REQUIRE(status.size() == 2);
    CHECK(status[0].first == ScanSource::EvdevScanner);
    CHECK(status[0].second.state == ScannerState::Waiting);  // not plugged in: not fatal
    CHECK(status[1].first == ScanSource::SerialScanner);
    REQUIRE(status[1].second.state == ScannerState::Connected);
    pty.send("H41.22.10.01-251103-0012\r\n");
    REQUIRE(reads.wait_for(1));
    {
        std::lock_guard lock(reads.mutex);
        CHECK(reads.items[0].payload == "H41.22.10.01-251103-0012");
    }
    inputs.stop();

    ScannerInputs none(kiosk::ScannerConfig{}, reads.callback());
    CHECK_FALSE(none.has_device());  // the UI falls back to keyboard bursts
    CHECK(none.status().empty());
    CHECK(none.burst_options().max_gap == 30ms);
}
