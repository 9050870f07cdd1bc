#pragma once
// The lookup screen's camera ([camera] enabled): a GstCamera with a LiveScanner, running only
// while the scan stage is on screen. Reads go to the one scan entry (KioskController::on_scan);
// the newest preview is handed to the runner for display. UI thread: set_wanted() and
// preview() never block on the camera (request_stop returns at once).
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "drivers/camera/gst_camera.h"
#include "kiosk/core/config.h"
#include "kiosk/platform/gray_preview.h"
#include "kiosk/scan/live_scanner.h"

namespace kiosk::app {

class CameraLink {
  public:
    // `on_read` runs on the camera's decode thread with the payload (never logged).
    CameraLink(const CameraConfig& config, std::function<void(const std::string&)> on_read);
    ~CameraLink();  // releases the camera (waits for the worker)
    CameraLink(const CameraLink&) = delete;
    CameraLink& operator=(const CameraLink&) = delete;

    // Starts the camera when `wanted` turns true, asks it to stop when it turns false.
    void set_wanted(bool wanted);
    bool wanted() const { return wanted_; }
    // The newest picture while wanted and [camera] preview is on; nullopt otherwise.
    std::optional<platform::GrayPreview> preview() const;

  private:
    const CameraConfig& config_;
    camera::GstCamera camera_;
    std::unique_ptr<scan::LiveScanner> scanner_;
    bool wanted_ = false;
    // The picture left from the previous run (not shown again) and the run count (frame
    // sequences restart at 1 per camera start; the runner's upload key must not repeat).
    std::shared_ptr<const scan::PreviewFrame> stale_;
    std::uint64_t run_ = 0;
};

}  // namespace kiosk::app
