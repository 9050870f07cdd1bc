#include "drivers/scanner/scanner_inputs.h"

namespace kiosk::scanner {

ScannerInputs::ScannerInputs(const ScannerConfig& config, ScanInputCallback on_read) {
    if (!config.evdev_device.empty())
        evdev_ = std::make_unique<EvdevScanner>(config.evdev_device, on_read);
    if (!config.serial_device.empty())
        serial_ =
            std::make_unique<SerialScanner>(config.serial_device, config.serial_baud, on_read);
    burst_.max_gap = std::chrono::milliseconds(config.burst_max_gap_ms);
    burst_.min_chars = static_cast<size_t>(config.burst_min_chars);
}

ScannerInputs::~ScannerInputs() {
    stop();
}

void ScannerInputs::start() {
    if (evdev_) evdev_->start();
    if (serial_) serial_->start();
}

void ScannerInputs::stop() {
    if (evdev_) evdev_->stop();
    if (serial_) serial_->stop();
}

std::vector<std::pair<ScanSource, ScannerStatus>> ScannerInputs::status() const {
    std::vector<std::pair<ScanSource, ScannerStatus>> out;
    if (evdev_) out.emplace_back(ScanSource::EvdevScanner, evdev_->status());
    if (serial_) out.emplace_back(ScanSource::SerialScanner, serial_->status());
    return out;
}

}  // namespace kiosk::scanner
