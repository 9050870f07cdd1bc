#pragma once
// A scanner in USB CDC-ACM ("COM port emulation") mode, /dev/ttyACM0 or a udev symlink such as
// /dev/kiosk-scanner: raw termios (no echo, no line editing, 8N1), each read ends with CR, LF or
// CRLF. Layout-free and UTF-8 safe — the mode to prefer for codes with Vietnamese text. A reader
// thread polls the tty and reopens it after an unplug (EIO / hang-up).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/scanner/scan_input.h"
#include "drivers/scanner/scanner_thread.h"

namespace kiosk::scanner {

// Splits a byte stream into reads at CR, LF or CRLF; empty lines are skipped; a line longer
// than max_length is dropped whole (noise on the line, not a code).
class LineAssembler {
  public:
    explicit LineAssembler(size_t max_length = 4096) : max_length_(max_length) {}
    std::vector<std::string> feed(std::string_view bytes);
    void reset();

  private:
    size_t max_length_;
    std::string line_;
    bool overflowing_ = false;
};

// 1200 … 230400 (termios rates); the baud rate matters little for CDC-ACM but must be valid.
bool is_valid_scanner_baud(int baud);

class SerialScanner {
  public:
    SerialScanner(std::string device_path, int baud, ScanInputCallback on_read,
                  std::chrono::milliseconds reopen_interval = std::chrono::seconds(1));
    ~SerialScanner();
    SerialScanner(const SerialScanner&) = delete;
    SerialScanner& operator=(const SerialScanner&) = delete;

    // start()/stop() from one thread (the app's); never stop() from inside the callback.
    void start();  // idempotent; opens on the reader thread
    void stop();   // idempotent; joins
    ScannerStatus status() const;

  private:
    void run();

    std::string path_;
    int baud_;
    ScanInputCallback on_read_;
    std::chrono::milliseconds reopen_interval_;
    ScannerThread reader_;  // last: stopped (joined) first
};

}  // namespace kiosk::scanner
