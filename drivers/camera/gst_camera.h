#pragma once
// A GStreamer camera: any pipeline ending in an appsink that yields GRAY8 (see
// /work/shared/notes/qr-scanning.md §5). The appsink is forced to max-buffers=1 drop=true
// sync=false, so GStreamer itself drops stale frames; a capture thread pulls samples, copies
// the luminance rows (honouring the stride GStreamer pads to 4 bytes) into the frame slot and
// watches the bus for errors. The same code runs with v4l2src (a UVC camera), videotestsrc and
// multifilesrc (tests).
#include <atomic>
#include <memory>
#include <thread>

#include "drivers/camera/camera.h"
#include "drivers/camera/frame_slot.h"

namespace kiosk::camera {

inline constexpr const char* kDefaultCameraPipeline =
    "v4l2src device=/dev/video0 ! videoconvert ! video/x-raw,format=GRAY8 ! appsink";

class GstCamera final : public Camera {
  public:
    // `pipeline`: gst-launch syntax; its (first) appsink element is the frame source. A missing
    // `video/x-raw,format=GRAY8` caps filter before the appsink is added to the appsink's caps.
    explicit GstCamera(std::string pipeline = kDefaultCameraPipeline);
    ~GstCamera() override;
    GstCamera(const GstCamera&) = delete;
    GstCamera& operator=(const GstCamera&) = delete;

    std::optional<CameraError> open() override;
    std::optional<CameraError> start() override;
    void stop() override;
    bool running() const override;
    FrameWait wait_frame(uint64_t after_sequence, std::chrono::milliseconds timeout) override;
    std::shared_ptr<const CameraFrame> latest_frame() const override;
    std::string describe() const override { return pipeline_; }

  private:
    struct Pipeline;  // GStreamer objects (kept out of this header)
    void capture_loop();

    std::string pipeline_;
    std::mutex control_mutex_;  // serialises open/start/stop
    std::unique_ptr<Pipeline> gst_;
    FrameSlot slot_;
    std::atomic<bool> stop_requested_{false};
    std::atomic<bool> capture_finished_{false};
    std::thread capture_thread_;
};

// Initialises GStreamer once per process (thread-safe); returns false with the reason on failure.
bool ensure_gstreamer(std::string* error);

}  // namespace kiosk::camera
