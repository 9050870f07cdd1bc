// [camera] and [scanner]: the code inputs of the lookup screen (issue 5, "Inputs").
#include <array>

#include "config_reader.h"

namespace kiosk::config_detail {

namespace {

// Device paths must be absolute: a relative path would depend on the service's working dir.
void read_device(TableReader& t, const char* key, std::string& field) {
    if (auto v = t.string(key, false)) {
        if (!v->empty() && v->front() != '/')
            t.error(key, "must be an absolute device path such as /dev/ttyACM0, got '" + *v + "'");
        else
            field = *v;
    }
}

}  // namespace

void read_camera(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    CameraConfig& cam = c.camera;
    if (auto v = t.boolean("enabled", false)) cam.enabled = *v;
    if (auto v = t.string("pipeline", false)) {
        if (v->find("appsink") == std::string::npos)
            t.error("pipeline",
                    "must end in an appsink element (e.g. \"v4l2src device=/dev/video0 ! "
                    "videoconvert ! video/x-raw,format=GRAY8 ! appsink\"), got '" +
                        *v + "'");
        else
            cam.pipeline = *v;
    }
    if (auto v = t.boolean("preview", false)) cam.preview = *v;
    t.report_unknown_keys();
}

void read_scanner(TableReader t, KioskConfig& c) {
    if (!t.present()) return;
    ScannerConfig& s = c.scanner;
    read_device(t, "evdev_device", s.evdev_device);
    read_device(t, "serial_device", s.serial_device);
    if (auto v = t.integer("serial_baud", false, 1200, 230400)) {
        constexpr std::array<int64_t, 9> kRates{1200,  2400,  4800,   9600,  19200,
                                                38400, 57600, 115200, 230400};
        bool standard = false;
        for (int64_t rate : kRates)
            standard = standard || rate == *v;
        if (standard)
            s.serial_baud = static_cast<int>(*v);
        else
            t.error("serial_baud",
                    "must be a standard rate (1200, 2400, 4800, 9600, 19200, "
                    "38400, 57600, 115200 or 230400), got " +
                        std::to_string(*v));
    }
    if (auto v = t.integer("burst_max_gap_ms", false, 5, 200))
        s.burst_max_gap_ms = static_cast<int>(*v);
    if (auto v = t.integer("burst_min_chars", false, 3, 64))
        s.burst_min_chars = static_cast<int>(*v);
    t.report_unknown_keys();
}

}  // namespace kiosk::config_detail
