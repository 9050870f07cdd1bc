#pragma once
// Collects what a LiveScanner delivers (reads and errors) from its worker thread and lets a
// test wait for a condition without sleeping blindly.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "drivers/camera/camera.h"
#include "drivers/scanner/scan_input.h"

namespace kiosk::camera::testing {

class LiveScanRecorder {
  public:
    scanner::ScanInputCallback on_read() {
        return [this](const scanner::ScanInput& input) {
            std::lock_guard lock(mutex_);
            reads_.push_back(input);
            changed_.notify_all();
        };
    }
    std::function<void(const CameraError&)> on_error() {
        return [this](const CameraError& error) {
            std::lock_guard lock(mutex_);
            errors_.push_back(error);
            changed_.notify_all();
        };
    }
    // Waits until `done(reads, errors)` holds or `timeout` passes; returns whether it held.
    bool wait(const std::function<bool(const std::vector<scanner::ScanInput>&,
                                       const std::vector<CameraError>&)>& done,
              std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return done(reads_, errors_); });
    }
    std::vector<scanner::ScanInput> reads() const {
        std::lock_guard lock(mutex_);
        return reads_;
    }
    std::vector<CameraError> errors() const {
        std::lock_guard lock(mutex_);
        return errors_;
    }

  private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<scanner::ScanInput> reads_;
    std::vector<CameraError> errors_;
};

}  // namespace kiosk::camera::testing
