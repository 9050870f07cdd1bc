#pragma once
// Live camera scanning for the lookup screen: a decode worker takes the newest frame from a
// Camera (whose own capture thread drops stale frames), decodes it with DecodeMode::Live (cheap
// hints, the centre guide region first, then the whole frame), delivers each NEW code once per
// presentation (ReadDebouncer: re-armed after ~1 s out of view) through the shared ScanInput
// callback, and keeps a downscaled preview of the newest frame for the screen.
//
// The camera is opened only while the scan screen is shown:
//   LiveScanner scanner(camera, on_read, on_error);   // nothing opened yet
//   scanner.start();   // screen shown: returns at once, the worker opens the camera
//   auto p = scanner.preview();   // each UI frame: upload p->pixels when p->sequence changed
//   scanner.request_stop();  // screen left: returns at once; the worker releases the camera
//                            // within ~100 ms (stop() does the same and waits for it)
// start()/request_stop()/stop() are idempotent and may be called from the UI thread at any
// time; start() right after request_stop() waits for the previous run to wind down.
// Callbacks run on the worker thread: hand results to the UI thread (SDL_PushEvent) and return;
// never call stop() from a callback (it joins that thread).
// The payload is never logged (CCCD QR codes carry personal data).
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "drivers/camera/camera.h"
#include "drivers/scanner/scan_input.h"
#include "kiosk/scan/barcode_decoder.h"
#include "kiosk/scan/read_debouncer.h"

namespace kiosk::scan {

struct LiveScannerOptions {
    DecodeOptions decode{};                            // mode Live unless a test says otherwise
    int preview_width = 640;                           // preview downscaled to at most this width
    std::chrono::milliseconds rearm_after{1000};       // ReadDebouncer
    std::chrono::milliseconds no_frame_timeout{3000};  // report NoFrames after this long
    // After DeviceMissing / PipelineError / StreamEnded: open the camera again this much later
    // while started (a camera plugged back in comes back by itself); 0 = give up until start().
    std::chrono::milliseconds retry_after{2000};
};

// The newest camera frame, downscaled for the screen (grey; upload as a texture).
struct PreviewFrame {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;  // width × height, no padding
    uint64_t sequence = 0;        // the camera frame it came from (changes ⇒ re-upload)
    double scale = 1.0;           // preview pixels per camera pixel
    // Corners of the symbols found on this frame, in preview coordinates (for a highlight).
    std::vector<std::array<PixelPoint, 4>> symbols;
};

struct LiveScannerStats {
    uint64_t frames_decoded = 0;
    uint64_t frames_with_code = 0;
    uint64_t reads_delivered = 0;
    uint64_t frames_skipped = 0;  // camera frames that arrived while decoding (newest won)
    double last_decode_ms = 0;
};

class LiveScanner {
  public:
    using ErrorCallback = std::function<void(const camera::CameraError&)>;

    // `camera` must outlive the scanner. `on_error` (optional) gets camera errors, each once per
    // streak: DeviceMissing / PipelineError / StreamEnded make running() false and the worker
    // retries every retry_after (running() is true again once frames flow); NoFrames is
    // reported once per stall while the worker keeps waiting.
    LiveScanner(camera::Camera& camera, scanner::ScanInputCallback on_read,
                ErrorCallback on_error = {}, LiveScannerOptions options = {});
    ~LiveScanner();
    LiveScanner(const LiveScanner&) = delete;
    LiveScanner& operator=(const LiveScanner&) = delete;

    void start();
    void request_stop();   // non-blocking: for the UI thread leaving the scan screen
    void stop();           // blocking: the camera is released when it returns (shutdown, tests)
    bool running() const;  // started and not failed

    std::shared_ptr<const PreviewFrame> preview() const;  // null before the first frame
    std::optional<camera::CameraError> last_error() const;
    LiveScannerStats stats() const;

  private:
    void run();
    // Frames until stop (nullopt) or a fatal camera error.
    std::optional<camera::CameraError> stream(ReadDebouncer& debouncer);
    void process_frame(const camera::CameraFrame& frame, uint64_t skipped,
                       ReadDebouncer& debouncer);
    void report(const camera::CameraError& error);
    bool sleep_unless_stopped(std::chrono::milliseconds duration);  // false: stop requested
    void publish_preview(const camera::CameraFrame& frame, const DecodeOutcome& outcome);

    camera::Camera& camera_;
    scanner::ScanInputCallback on_read_;
    ErrorCallback on_error_;
    LiveScannerOptions options_;

    std::mutex control_mutex_;  // start/stop
    std::thread worker_;
    std::atomic<bool> stop_requested_{false};
    std::atomic<bool> failed_{false};
    std::atomic<bool> started_{false};
    std::atomic<bool> worker_done_{false};
    std::mutex wake_mutex_;  // with wake_: interrupts the retry pause on stop
    std::condition_variable wake_;

    mutable std::mutex state_mutex_;
    std::shared_ptr<const PreviewFrame> preview_;
    std::optional<camera::CameraError> last_error_;
    LiveScannerStats stats_;
};

// Box-filter downscale of a grey frame to at most max_width (no upscaling); exposed for tests.
PreviewFrame make_preview(const GrayView& frame, int max_width);

}  // namespace kiosk::scan
