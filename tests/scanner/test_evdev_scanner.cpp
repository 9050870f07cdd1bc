// EvdevScanner against a uinput virtual keyboard (needs a writable /dev/uinput; skipped
// visibly otherwise): reads with the fixed US keymap, exclusive grab, unplug and re-plug.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <libevdev/libevdev-uinput.h>
#include <libevdev/libevdev.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "drivers/scanner/evdev_scanner.h"

using namespace kiosk::scanner;
using namespace std::chrono_literals;

namespace {

// A virtual USB scanner keyboard.
class VirtualKeyboard {
  public:
    VirtualKeyboard() {
        libevdev* dev = libevdev_new();
        libevdev_set_name(dev, "kiosk test scanner");
        libevdev_enable_event_type(dev, EV_KEY);
        for (int code = KEY_ESC; code <= KEY_KPDOT; ++code)
            libevdev_enable_event_code(dev, EV_KEY, static_cast<unsigned>(code), nullptr);
        libevdev_enable_event_code(dev, EV_KEY, KEY_KPENTER, nullptr);
        error_ = libevdev_uinput_create_from_device(dev, LIBEVDEV_UINPUT_OPEN_MANAGED, &uinput_);
        libevdev_free(dev);
    }
    ~VirtualKeyboard() { unplug(); }
    bool ok() const { return error_ == 0 && uinput_; }
    int error() const { return -error_; }
    std::string node() const {
        const char* path = libevdev_uinput_get_devnode(uinput_);
        return path ? path : "";
    }
    void key(int code, int value) {
        libevdev_uinput_write_event(uinput_, EV_KEY, static_cast<unsigned>(code), value);
        libevdev_uinput_write_event(uinput_, EV_SYN, SYN_REPORT, 0);
    }
    void tap(int code) {
        key(code, 1);
        key(code, 0);
    }
    void unplug() {
        if (uinput_) libevdev_uinput_destroy(uinput_);
        uinput_ = nullptr;
    }

  private:
    libevdev_uinput* uinput_ = nullptr;
    int error_ = -1;
};

bool uinput_usable() {
    const int fd = open("/dev/uinput", O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    close(fd);
    return true;
}

bool wait_state(const EvdevScanner& scanner, ScannerState state) {
    for (int i = 0; i < 1000; ++i) {
        if (scanner.status().state == state) return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

}  // namespace

TEST_CASE("EvdevScanner: a uinput keyboard's keys become one read per Enter") {
    if (!uinput_usable()) {
        MESSAGE(
            "SKIPPED: /dev/uinput is not writable here (no uinput module or no permission); "
            "the keymap is covered by the us_keymap tests");
        return;
    }
    VirtualKeyboard keyboard;
    REQUIRE_MESSAGE(keyboard.ok(), "uinput device creation failed, errno " << keyboard.error());
    std::this_thread::sleep_for(200ms);  // udev creates the node
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<ScanInput> reads;
    EvdevScanner scanner(
        keyboard.node(),
        [&](const ScanInput& input) {
            std::lock_guard lock(mutex);
            reads.push_back(input);
            changed.notify_all();
        },
        50ms);
    scanner.start();
    REQUIRE_MESSAGE(wait_state(scanner, ScannerState::Connected), scanner.status().detail);
    keyboard.key(KEY_LEFTSHIFT, 1);
    keyboard.tap(KEY_H);
    keyboard.key(KEY_LEFTSHIFT, 0);
    for (int code : {KEY_4, KEY_1, KEY_DOT, KEY_0, KEY_7, KEY_ENTER})
        keyboard.tap(code);
    {
        std::unique_lock lock(mutex);
        REQUIRE(changed.wait_for(lock, 10s, [&] { return !reads.empty(); }));
        CHECK(reads[0].payload == "H41.07");
        CHECK(reads[0].source == ScanSource::EvdevScanner);
    }
    keyboard.unplug();
    REQUIRE(wait_state(scanner, ScannerState::Waiting));
    scanner.stop();
    CHECK(scanner.status().state == ScannerState::Stopped);
}

TEST_CASE("EvdevScanner: a missing node is reported and retried, stop is prompt") {
    EvdevScanner scanner("/dev/input/by-id/usb-kiosk-missing-event-kbd", {}, 20ms);
    scanner.start();
    REQUIRE(wait_state(scanner, ScannerState::Waiting));
    for (int i = 0; i < 100 && scanner.status().detail.find("errno") == std::string::npos; ++i)
        std::this_thread::sleep_for(10ms);
    CHECK(scanner.status().detail.find("usb-kiosk-missing-event-kbd") != std::string::npos);
    scanner.stop();
    CHECK(scanner.status().state == ScannerState::Stopped);
    CHECK(std::string(to_string(ScannerState::Waiting)) == "waiting for the scanner");
}

TEST_CASE("EvdevScanner: a file that is not an input device is reported") {
    EvdevScanner scanner("/dev/null", {}, 20ms);
    scanner.start();
    std::string detail;
    for (int i = 0; i < 200; ++i) {
        detail = scanner.status().detail;
        if (detail.find("not an input device") != std::string::npos) break;
        std::this_thread::sleep_for(10ms);
    }
    CHECK_MESSAGE(detail.find("not an input device") != std::string::npos, detail);
    scanner.stop();
}
