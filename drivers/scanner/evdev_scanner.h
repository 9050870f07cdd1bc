#pragma once
// A keyboard-wedge USB scanner read from its own evdev node
// (/dev/input/by-id/usb-<vendor>_<product>-event-kbd) with libevdev: EVIOCGRAB takes the device
// exclusively (its keys never reach X/Wayland, ImGui or an input method), key codes are
// translated with a fixed US keymap (us_keymap.h), Enter ends a read. A reader thread polls the
// node; when the scanner is unplugged (ENODEV) it closes it and retries every reopen_interval,
// so plugging it back in just works.
// The device needs read access for the kiosk user (udev rule: GROUP="input" or TAG+="uaccess").
#include <chrono>
#include <string>

#include "drivers/scanner/scan_input.h"
#include "drivers/scanner/scanner_thread.h"

namespace kiosk::scanner {

class EvdevScanner {
  public:
    EvdevScanner(std::string device_path, ScanInputCallback on_read,
                 std::chrono::milliseconds reopen_interval = std::chrono::seconds(1));
    ~EvdevScanner();  // stops
    EvdevScanner(const EvdevScanner&) = delete;
    EvdevScanner& operator=(const EvdevScanner&) = delete;

    // start()/stop() from one thread (the app's); never stop() from inside the callback.
    void start();  // idempotent; returns at once (the device is opened on the reader thread)
    void stop();   // idempotent; releases the grab and joins the thread
    ScannerStatus status() const;
    const std::string& device_path() const { return path_; }

  private:
    void run();

    std::string path_;
    ScanInputCallback on_read_;
    std::chrono::milliseconds reopen_interval_;
    ScannerThread reader_;  // last: stopped (joined) first
};

}  // namespace kiosk::scanner
