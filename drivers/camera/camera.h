#pragma once
// A camera as the scan screen sees it: opened only while that screen is shown, delivering the
// newest frame as 8-bit grey. Implementations run their own capture thread and keep ONE frame
// slot that each new frame overwrites (newest frame wins, nothing queues up behind a slow
// decoder). Errors are typed so the UI can say something specific ("no camera connected" vs
// "the camera stopped sending pictures").
// Thread safety: every method may be called from any thread; start()/stop() are serialised.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/scan/gray_image.h"

namespace kiosk::camera {

enum class CameraErrorKind {
    DeviceMissing,  // no such device / folder, or it cannot be opened (unplugged, permissions)
    PipelineError,  // the pipeline string is invalid or GStreamer reported an error while running
    NoFrames,       // started, but no new frame arrived within the wait's timeout
    StreamEnded,    // the source ran out (end of stream); a camera never does this
};
const char* to_string(CameraErrorKind kind);  // "device missing", "pipeline error", …

struct CameraError {
    CameraErrorKind kind = CameraErrorKind::PipelineError;
    std::string message;  // what, where, why — GStreamer's own text for pipeline errors
};

// One captured picture, immutable once published (shared between capture thread, decoder and UI).
struct CameraFrame {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;  // width × height luminance bytes, no row padding
    uint64_t sequence = 0;        // 1, 2, 3, … per start(); never repeats within one run
    std::chrono::steady_clock::time_point captured_at{};
    scan::GrayView view() const { return {pixels.data(), width, height, width}; }
};

// What wait_frame() returns: a frame newer than the one asked about, or why there is none.
struct FrameWait {
    std::shared_ptr<const CameraFrame> frame;  // null when error is set or the camera stopped
    std::optional<CameraError> error;
    bool stopped = false;  // the camera is not running (stop() was called, or never started)
};

class Camera {
  public:
    virtual ~Camera() = default;

    // Checks that the source exists and builds the pipeline, without streaming. Idempotent.
    // start() opens implicitly; open() lets a settings screen validate early.
    virtual std::optional<CameraError> open() = 0;
    // Opens (if needed) and starts streaming on the capture thread. Idempotent: starting a
    // running camera returns nullopt at once. The frame sequence restarts at 1.
    virtual std::optional<CameraError> start() = 0;
    // Stops streaming, joins the capture thread and releases the device. Idempotent. Wakes
    // any wait_frame() caller (it returns with `stopped`).
    virtual void stop() = 0;
    virtual bool running() const = 0;

    // Blocks until a frame with sequence > after_sequence is available (returns the newest
    // one, skipping any in between), the camera reports an error, it is stopped, or `timeout`
    // passes (error NoFrames).
    virtual FrameWait wait_frame(uint64_t after_sequence, std::chrono::milliseconds timeout) = 0;
    // The newest frame without waiting (null before the first one).
    virtual std::shared_ptr<const CameraFrame> latest_frame() const = 0;

    virtual std::string describe() const = 0;  // for logs: the pipeline or folder
};

}  // namespace kiosk::camera
