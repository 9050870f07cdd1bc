#pragma once
// The USB scanners the config names ([scanner] evdev_device / serial_device), started and
// stopped together, all reporting through one ScanInputCallback. When neither device is
// configured, has_device() is false and the UI watches its own keyboard events with
// KeyboardBurstDetector(burst_options()) instead (notes/qr-scanning.md §6, input path 4).
// Uses only the ScannerConfig struct from kiosk/core/config.h (header, no link).
#include <memory>
#include <utility>
#include <vector>

#include "drivers/scanner/evdev_scanner.h"
#include "drivers/scanner/keyboard_burst_detector.h"
#include "drivers/scanner/serial_scanner.h"
#include "kiosk/core/config.h"

namespace kiosk::scanner {

class ScannerInputs {
  public:
    ScannerInputs(const ScannerConfig& config, ScanInputCallback on_read);
    ~ScannerInputs();
    ScannerInputs(const ScannerInputs&) = delete;
    ScannerInputs& operator=(const ScannerInputs&) = delete;

    void start();  // idempotent; devices are opened on their reader threads
    void stop();   // idempotent; joins
    bool has_device() const { return evdev_ || serial_; }
    BurstOptions burst_options() const { return burst_; }
    // For the staff screen / logs: each configured source and its state.
    std::vector<std::pair<ScanSource, ScannerStatus>> status() const;

  private:
    std::unique_ptr<EvdevScanner> evdev_;
    std::unique_ptr<SerialScanner> serial_;
    BurstOptions burst_;
};

}  // namespace kiosk::scanner
