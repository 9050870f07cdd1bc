// [camera] and [scanner] tables: defaults, accepted values, and `file: key: problem` errors.
#include <doctest/doctest.h>

#include "kiosk/core/config.h"
#include "support/minimal_config.h"

using namespace kiosk;

namespace {
const std::string& kBase = test::kMinimalConfig;

ConfigResult parse(const std::string& extra) {
    return parse_config(kBase + extra, "k.toml");
}

std::string only_error(const ConfigResult& r) {
    REQUIRE(r.errors.size() == 1);
    return r.errors[0].to_string();
}
}  // namespace

TEST_CASE("[camera] and [scanner]: defaults without the tables") {
    const ConfigResult r = parse("");
    REQUIRE(r.ok());
    CHECK_FALSE(r.config->camera.enabled);
    CHECK(r.config->camera.pipeline.find("v4l2src device=/dev/video0") == 0);
    CHECK(r.config->camera.pipeline.find("appsink") != std::string::npos);
    CHECK(r.config->camera.preview);
    CHECK(r.config->scanner.evdev_device.empty());
    CHECK(r.config->scanner.serial_device.empty());
    CHECK(r.config->scanner.serial_baud == 9600);
    CHECK(r.config->scanner.burst_max_gap_ms == 30);
    CHECK(r.config->scanner.burst_min_chars == 6);
}

TEST_CASE("[camera] and [scanner]: every key read") {
    const ConfigResult r = parse(R"(
[camera]
enabled = true
pipeline = "v4l2src device=/dev/video2 ! image/jpeg,width=1280,height=720 ! jpegdec ! videoconvert ! appsink"
preview = false
[scanner]
evdev_device = "/dev/input/by-id/usb-Newland_NLS-event-kbd"
serial_device = "/dev/kiosk-scanner"
serial_baud = 115200
burst_max_gap_ms = 40
burst_min_chars = 10
)");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].to_string()));
    CHECK(r.config->camera.enabled);
    CHECK(r.config->camera.pipeline.find("/dev/video2") != std::string::npos);
    CHECK_FALSE(r.config->camera.preview);
    CHECK(r.config->scanner.evdev_device == "/dev/input/by-id/usb-Newland_NLS-event-kbd");
    CHECK(r.config->scanner.serial_device == "/dev/kiosk-scanner");
    CHECK(r.config->scanner.serial_baud == 115200);
    CHECK(r.config->scanner.burst_max_gap_ms == 40);
    CHECK(r.config->scanner.burst_min_chars == 10);
}

TEST_CASE("[camera]: a pipeline without an appsink is refused") {
    CHECK(only_error(parse("[camera]\npipeline = \"v4l2src ! autovideosink\"\n"))
              .find("k.toml: camera.pipeline: must end in an appsink") == 0);
    CHECK(only_error(parse("[camera]\nenabled = \"yes\"\n")) ==
          "k.toml: camera.enabled: expected true or false, got a string");
    CHECK(only_error(parse("[camera]\nfps = 30\n")) ==
          "k.toml: camera.fps: unknown key (misspelt?)");
}

TEST_CASE("[scanner]: devices, baud rate and burst limits validated") {
    CHECK(only_error(parse("[scanner]\nserial_device = \"ttyACM0\"\n")) ==
          "k.toml: scanner.serial_device: must be an absolute device path such as /dev/ttyACM0, "
          "got 'ttyACM0'");
    CHECK(only_error(parse("[scanner]\nevdev_device = \"input/event3\"\n"))
              .find("k.toml: scanner.evdev_device: must be an absolute device path") == 0);
    CHECK(only_error(parse("[scanner]\nserial_baud = 10000\n"))
              .find("k.toml: scanner.serial_baud: must be a standard rate") == 0);
    CHECK(only_error(parse("[scanner]\nserial_baud = 300\n")) ==
          "k.toml: scanner.serial_baud: must be between 1200 and 230400, got 300");
    CHECK(only_error(parse("[scanner]\nburst_max_gap_ms = 500\n")) ==
          "k.toml: scanner.burst_max_gap_ms: must be between 5 and 200, got 500");
    CHECK(only_error(parse("[scanner]\nburst_min_chars = 1\n")) ==
          "k.toml: scanner.burst_min_chars: must be between 3 and 64, got 1");
    CHECK(only_error(parse("[scanner]\nevdev = \"/dev/x\"\n")) ==
          "k.toml: scanner.evdev: unknown key (misspelt?)");
    // Empty devices are fine: no scanner of that kind.
    CHECK(parse("[scanner]\nevdev_device = \"\"\nserial_device = \"\"\n").ok());
}
