// LiveScanner over FileCamera: one read per presentation, re-armed after the code has been out
// of view, QR preferred over the receipt's Code 128, preview frames, start/stop idempotent,
// camera errors reported.
#include <doctest/doctest.h>

#include <filesystem>
#include <thread>

#include "camera_test_frames.h"
#include "drivers/camera/file_camera.h"
#include "kiosk/scan/live_scanner.h"
#include "live_scan_recorder.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::camera;
using namespace kiosk::scan;
using namespace std::chrono_literals;
using Reads = std::vector<scanner::ScanInput>;
using Errors = std::vector<CameraError>;

namespace {

// Waits until the scanner has decoded `count` more frames (bounded).
void decode_frames(const LiveScanner& scanner, uint64_t count) {
    const uint64_t target = scanner.stats().frames_decoded + count;
    for (int i = 0; i < 2000 && scanner.stats().frames_decoded < target; ++i)
        std::this_thread::sleep_for(10ms);
    REQUIRE(scanner.stats().frames_decoded >= target);
}

}  // namespace

TEST_CASE("LiveScanner: a receipt held in view is read once, QR code first") {
    test::TempDir dir("livescan");
    testing::write_frames(dir.path().string(),
                          {testing::receipt_frame(testing::kReceiptUrl, testing::kReceiptCode)});
    FileCamera camera(dir.path(), 30);
    testing::LiveScanRecorder recorder;
    LiveScannerOptions options;
    options.rearm_after = 60s;
    LiveScanner scanner(camera, recorder.on_read(), recorder.on_error(), options);
    CHECK_FALSE(camera.running());  // nothing opened before start()
    scanner.start();
    REQUIRE(
        recorder.wait([](const Reads& r, const Errors& e) { return !r.empty() || !e.empty(); }));
    REQUIRE(recorder.errors().empty());
    decode_frames(scanner, 5);
    const Reads reads = recorder.reads();
    REQUIRE(reads.size() == 1);
    CHECK(reads[0].payload == testing::kReceiptUrl);
    CHECK(reads[0].symbology == scanner::ScanSymbology::QrCode);
    CHECK(reads[0].source == scanner::ScanSource::Camera);
    const LiveScannerStats stats = scanner.stats();
    CHECK(stats.reads_delivered == 1);
    CHECK(stats.frames_with_code >= 5);

    const auto preview = scanner.preview();
    REQUIRE(preview);
    CHECK(preview->width == 640);
    CHECK(preview->height == 360);
    CHECK(preview->sequence >= 1);
    REQUIRE_FALSE(preview->symbols.empty());
    for (const auto& corner : preview->symbols.front()) {
        CHECK(corner.x >= 0);
        CHECK(corner.x < 640);
        CHECK(corner.y >= 0);
        CHECK(corner.y < 360);
    }
    scanner.stop();
    CHECK_FALSE(camera.running());
}

TEST_CASE("LiveScanner: the same code shown again after it left the view is read again") {
    test::TempDir dir("livescan");
    std::vector<GrayImage> frames{testing::receipt_frame(testing::kReceiptCode, "")};
    for (int i = 0; i < 6; ++i)
        frames.push_back(testing::empty_frame());
    testing::write_frames(dir.path().string(), frames);
    FileCamera camera(dir.path(), 50);  // code for 20 ms, then 120 ms of nothing, looping
    testing::LiveScanRecorder recorder;
    LiveScannerOptions options;
    options.rearm_after = 50ms;
    LiveScanner scanner(camera, recorder.on_read(), recorder.on_error(), options);
    scanner.start();
    REQUIRE(recorder.wait([](const Reads& r, const Errors&) { return r.size() >= 2; }));
    for (const auto& read : recorder.reads())
        CHECK(read.payload == testing::kReceiptCode);
    scanner.stop();
}

TEST_CASE("LiveScanner: start and stop are idempotent; a new run reads again") {
    test::TempDir dir("livescan");
    testing::write_frames(dir.path().string(), {testing::receipt_frame(testing::kReceiptCode, "")});
    FileCamera camera(dir.path(), 30);
    testing::LiveScanRecorder recorder;
    LiveScannerOptions options;
    options.rearm_after = 60s;
    LiveScanner scanner(camera, recorder.on_read(), recorder.on_error(), options);
    scanner.stop();  // before any start: nothing happens
    scanner.start();
    scanner.start();
    CHECK(scanner.running());
    REQUIRE(recorder.wait([](const Reads& r, const Errors&) { return r.size() == 1; }));
    scanner.stop();
    scanner.stop();
    CHECK_FALSE(scanner.running());
    CHECK_FALSE(camera.running());
    scanner.start();  // the scan screen shown again: the receipt counts as a new presentation
    REQUIRE(recorder.wait([](const Reads& r, const Errors&) { return r.size() == 2; }));
    CHECK(recorder.errors().empty());
}

TEST_CASE("LiveScanner: a missing camera fails the run and reports DeviceMissing") {
    test::TempDir dir("livescan");
    FileCamera camera(dir.path() / "unplugged", 30);
    testing::LiveScanRecorder recorder;
    LiveScanner scanner(camera, recorder.on_read(), recorder.on_error());
    scanner.start();
    REQUIRE(recorder.wait([](const Reads&, const Errors& e) { return !e.empty(); }));
    CHECK(recorder.errors().front().kind == CameraErrorKind::DeviceMissing);
    for (int i = 0; i < 500 && scanner.running(); ++i)
        std::this_thread::sleep_for(10ms);
    CHECK_FALSE(scanner.running());
    REQUIRE(scanner.last_error());
    CHECK(scanner.last_error()->kind == CameraErrorKind::DeviceMissing);
    scanner.stop();
}

TEST_CASE("LiveScanner: a camera that sends nothing is reported once as NoFrames") {
    test::TempDir dir("livescan");
    FileCamera camera(dir.path(), 30);  // empty folder
    testing::LiveScanRecorder recorder;
    LiveScannerOptions options;
    options.no_frame_timeout = 30ms;
    LiveScanner scanner(camera, recorder.on_read(), recorder.on_error(), options);
    scanner.start();
    REQUIRE(recorder.wait([](const Reads&, const Errors& e) { return !e.empty(); }));
    std::this_thread::sleep_for(150ms);  // several more timeouts pass…
    const Errors errors = recorder.errors();
    CHECK(errors.size() == 1);  // …but the stall is reported once
    CHECK(errors.front().kind == CameraErrorKind::NoFrames);
    CHECK(scanner.running());  // keeps waiting: the camera may recover
    scanner.stop();
    CHECK_FALSE(camera.running());
}

TEST_CASE("LiveScanner: request_stop returns at once and the worker releases the camera") {
    test::TempDir dir("livescan");
    testing::write_frames(dir.path().string(), {testing::receipt_frame(testing::kReceiptCode, "")});
    FileCamera camera(dir.path(), 30);
    testing::LiveScanRecorder recorder;
    LiveScannerOptions options;
    options.rearm_after = 60s;
    LiveScanner scanner(camera, recorder.on_read(), recorder.on_error(), options);
    scanner.start();
    REQUIRE(recorder.wait([](const Reads& r, const Errors&) { return r.size() == 1; }));
    scanner.request_stop();
    scanner.request_stop();  // idempotent
    CHECK_FALSE(scanner.running());
    for (int i = 0; i < 1000 && camera.running(); ++i)
        std::this_thread::sleep_for(10ms);
    CHECK_FALSE(camera.running());  // released by the worker, nobody waited for it
    scanner.start();                // joins the finished run, starts a new one
    CHECK(scanner.running());
    REQUIRE(recorder.wait([](const Reads& r, const Errors&) { return r.size() == 2; }));
    scanner.request_stop();
    scanner.start();  // straight back: waits for the wind-down, then runs again
    REQUIRE(recorder.wait([](const Reads& r, const Errors&) { return r.size() == 3; }));
    CHECK(recorder.errors().empty());
}

TEST_CASE("LiveScanner: a camera plugged in later is picked up by the retries") {
    test::TempDir dir("livescan");
    const auto folder = dir.path() / "camera";
    FileCamera camera(folder, 30);
    testing::LiveScanRecorder recorder;
    LiveScannerOptions options;
    options.retry_after = 20ms;
    LiveScanner scanner(camera, recorder.on_read(), recorder.on_error(), options);
    scanner.start();
    REQUIRE(recorder.wait([](const Reads&, const Errors& e) { return !e.empty(); }));
    const uint64_t decoded_before = scanner.stats().frames_decoded;
    std::this_thread::sleep_for(200ms);    // ~10 retries fail the same way…
    CHECK(recorder.errors().size() == 1);  // …and are reported once
    CHECK_FALSE(scanner.running());
    CHECK(decoded_before == 0);

    const auto staging = dir.path() / "staging";  // the camera is plugged in (atomically)
    std::filesystem::create_directories(staging);
    testing::write_frames(staging.string(), {testing::receipt_frame(testing::kReceiptCode, "")});
    std::filesystem::rename(staging, folder);
    REQUIRE(recorder.wait([](const Reads& r, const Errors&) { return !r.empty(); }));
    CHECK(recorder.reads().front().payload == testing::kReceiptCode);
    CHECK(scanner.running());
    scanner.stop();
}
