// GstCamera against GStreamer's own test sources: videotestsrc (frames arrive, size and stride
// right, sequence increases, stop joins and restarts), multifilesrc over rendered receipts
// decoded through LiveScanner, and the typed errors (bad pipeline, no appsink, missing device,
// not-negotiated at run time).
#include <doctest/doctest.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "camera_test_frames.h"
#include "drivers/camera/gst_camera.h"
#include "kiosk/print/png_writer.h"
#include "kiosk/scan/live_scanner.h"
#include "support/temp_dir.h"

using namespace kiosk::camera;
using namespace std::chrono_literals;

namespace {

// True (and a visible skip message) when the pipeline failed only because a plugin is absent.
bool plugin_missing(const std::optional<CameraError>& error) {
    if (error && error->kind == CameraErrorKind::PipelineError &&
        error->message.find("no element") != std::string::npos) {
        MESSAGE("SKIPPED: GStreamer plugin missing (gstreamer1.0-plugins-base/-good?): "
                << error->message);
        return true;
    }
    return false;
}

}  // namespace

TEST_CASE("GstCamera: videotestsrc frames arrive with the right size, rows and sequence") {
    // 321 px wide: GStreamer pads GRAY8 rows to 324 bytes; a stride bug shears the bars.
    GstCamera camera(
        "videotestsrc is-live=true pattern=smpte ! "
        "video/x-raw,format=GRAY8,width=321,height=240,framerate=30/1 ! appsink");
    const auto error = camera.start();
    if (plugin_missing(error)) return;
    REQUIRE_MESSAGE(!error, (error ? error->message : ""));
    CHECK(camera.running());
    uint64_t last = 0;
    for (int i = 0; i < 5; ++i) {
        const FrameWait wait = camera.wait_frame(last, 5s);
        REQUIRE_MESSAGE(wait.frame, (wait.error ? wait.error->message : "no frame"));
        const CameraFrame& frame = *wait.frame;
        CHECK(frame.width == 321);
        CHECK(frame.height == 240);
        CHECK(frame.pixels.size() == 321u * 240u);
        CHECK(frame.sequence > last);
        last = frame.sequence;
        // SMPTE bars are vertical in the top two thirds: rows 0 and 100 must be identical.
        int differing = 0;
        for (int x = 0; x < frame.width; ++x)
            differing += frame.pixels[static_cast<size_t>(x)] !=
                         frame.pixels[static_cast<size_t>(100 * frame.width + x)];
        CHECK(differing == 0);
        // …and not uniform (there are bars at all).
        CHECK(frame.pixels[10] != frame.pixels[300]);
    }
    camera.stop();  // joins the capture thread, releases the pipeline
    CHECK_FALSE(camera.running());
    CHECK(camera.wait_frame(last, 1s).stopped);
    camera.stop();  // idempotent

    REQUIRE_FALSE(camera.start());  // and starts again
    const FrameWait again = camera.wait_frame(0, 5s);
    REQUIRE(again.frame);
    CHECK(again.frame->width == 321);
    camera.stop();
}

TEST_CASE("GstCamera: a broken pipeline string is a PipelineError with GStreamer's text") {
    GstCamera camera("videotestsrc ! nosuchelement_kiosk ! appsink");
    const auto error = camera.start();
    REQUIRE(error);
    CHECK(error->kind == CameraErrorKind::PipelineError);
    CHECK_MESSAGE(error->message.find("nosuchelement_kiosk") != std::string::npos, error->message);
    CHECK_FALSE(camera.running());

    GstCamera syntax("videotestsrc ! ! appsink");
    const auto syntax_error = syntax.open();
    REQUIRE(syntax_error);
    CHECK(syntax_error->kind == CameraErrorKind::PipelineError);
    CHECK(syntax_error->message.size() > std::string("camera pipeline \"\": ").size() + 24);
}

TEST_CASE("GstCamera: a pipeline without an appsink is refused") {
    GstCamera camera("videotestsrc ! fakesink");
    const auto error = camera.open();
    if (plugin_missing(error)) return;
    REQUIRE(error);
    CHECK(error->kind == CameraErrorKind::PipelineError);
    CHECK(error->message.find("appsink") != std::string::npos);
}

TEST_CASE("GstCamera: a missing v4l2 device is DeviceMissing") {
    GstCamera camera("v4l2src device=/dev/video-kiosk-missing ! videoconvert ! appsink");
    const auto error = camera.start();
    if (plugin_missing(error)) return;
    REQUIRE(error);
    CHECK(error->kind == CameraErrorKind::DeviceMissing);
    CHECK_MESSAGE(error->message.find("/dev/video-kiosk-missing") != std::string::npos,
                  error->message);
}

TEST_CASE("GstCamera: an error while running arrives through wait_frame") {
    // Audio cannot become GRAY8 video: negotiation fails on the streaming thread (bus error).
    GstCamera camera("audiotestsrc ! appsink");
    std::optional<CameraError> error = camera.start();
    if (plugin_missing(error)) return;
    for (int i = 0; i < 20 && !error; ++i)
        error = camera.wait_frame(0, 500ms).error;
    REQUIRE(error);
    CHECK(error->kind == CameraErrorKind::PipelineError);
    CHECK_MESSAGE(!error->message.empty(), "GStreamer's text is kept");
    CHECK_MESSAGE(error->message.find("not-negotiated") != std::string::npos, error->message);
    camera.stop();
}

TEST_CASE("GstCamera + LiveScanner: multifilesrc receipts decode to the printed payload") {
    kiosk::test::TempDir dir("gstcam");
    testing::write_frames(dir.path().string(),
                          {testing::empty_frame(),
                           testing::receipt_frame(testing::kReceiptUrl, testing::kReceiptCode),
                           testing::receipt_frame(testing::kReceiptUrl, testing::kReceiptCode)});
    GstCamera camera("multifilesrc location=" + dir.file("%03d.png") +
                     " index=1 loop=true caps=\"image/png,framerate=10/1\" ! pngdec ! "
                     "videoconvert ! video/x-raw,format=GRAY8 ! appsink");
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<kiosk::scanner::ScanInput> reads;
    std::vector<CameraError> errors;
    kiosk::scan::LiveScannerOptions options;
    options.rearm_after = 60s;  // the receipt stays in view: exactly one read
    kiosk::scan::LiveScanner scanner(
        camera,
        [&](const kiosk::scanner::ScanInput& input) {
            std::lock_guard lock(mutex);
            reads.push_back(input);
            arrived.notify_all();
        },
        [&](const CameraError& error) {
            std::lock_guard lock(mutex);
            errors.push_back(error);
            arrived.notify_all();
        },
        options);
    scanner.start();
    {
        std::unique_lock lock(mutex);
        arrived.wait_for(lock, 20s, [&] { return !reads.empty() || !errors.empty(); });
    }
    if (!errors.empty() && plugin_missing(errors.front())) return;
    REQUIRE_MESSAGE(errors.empty(), (errors.empty() ? std::string() : errors.front().message));
    REQUIRE(reads.size() == 1);
    CHECK(reads[0].payload == testing::kReceiptUrl);  // QR preferred over the Code 128
    CHECK(reads[0].symbology == kiosk::scanner::ScanSymbology::QrCode);
    CHECK(reads[0].source == kiosk::scanner::ScanSource::Camera);
    // Let the loop go round several times: the empty frame between presentations is shorter
    // than rearm_after, so no second read.
    for (int i = 0; i < 1500 && scanner.stats().frames_decoded < 10; ++i)
        std::this_thread::sleep_for(20ms);
    CHECK(scanner.stats().frames_decoded >= 10);
    {
        std::lock_guard lock(mutex);
        CHECK(reads.size() == 1);
    }
    auto preview = scanner.preview();
    // The loop shows the empty frame too: take a preview of a receipt frame.
    for (int i = 0; i < 500 && (!preview || preview->symbols.empty()); ++i) {
        std::this_thread::sleep_for(10ms);
        preview = scanner.preview();
    }
    REQUIRE(preview);
    CHECK_FALSE(preview->symbols.empty());
    CHECK(preview->width == 640);
    CHECK(preview->height == 360);
    if (const char* out = std::getenv("KIOSK_CAMERA_PREVIEW_PNG")) {
        // For a look at what the lookup screen gets: the preview with the symbols' corners.
        std::vector<uint8_t> pixels = preview->pixels;
        for (const auto& corners : preview->symbols)
            for (const auto& c : corners)
                for (int dy = -3; dy <= 3; ++dy)
                    for (int dx = -3; dx <= 3; ++dx) {
                        const int x = c.x + dx, y = c.y + dy;
                        if (x >= 0 && y >= 0 && x < preview->width && y < preview->height)
                            pixels[static_cast<size_t>(y * preview->width + x)] = 0;
                    }
        CHECK(kiosk::print::write_png_gray8(out, preview->width, preview->height, pixels.data())
                  .ok());
    }
    scanner.stop();
    CHECK_FALSE(camera.running());
}
