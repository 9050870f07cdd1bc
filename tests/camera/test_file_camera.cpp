// FileCamera behaves like a device: missing folder, empty folder (no frames), frame sequence,
// looping, end of stream, stop/start.
#include <doctest/doctest.h>

#include <fstream>

#include "camera_test_frames.h"
#include "drivers/camera/file_camera.h"
#include "drivers/camera/frame_slot.h"
#include "support/temp_dir.h"

using namespace kiosk::camera;
using namespace std::chrono_literals;

TEST_CASE("FileCamera: a missing folder is DeviceMissing") {
    kiosk::test::TempDir dir("filecam");
    FileCamera camera(dir.path() / "nope", 30);
    const auto error = camera.start();
    REQUIRE(error);
    CHECK(error->kind == CameraErrorKind::DeviceMissing);
    CHECK(error->message.find("nope") != std::string::npos);
    CHECK_FALSE(camera.running());
}

TEST_CASE("FileCamera: an empty folder starts but sends no frames") {
    kiosk::test::TempDir dir("filecam");
    FileCamera camera(dir.path(), 30);
    REQUIRE_FALSE(camera.start());
    CHECK(camera.running());
    const FrameWait wait = camera.wait_frame(0, 150ms);
    CHECK_FALSE(wait.frame);
    REQUIRE(wait.error);
    CHECK(wait.error->kind == CameraErrorKind::NoFrames);
    camera.stop();
    CHECK_FALSE(camera.running());
}

TEST_CASE("FileCamera: frames in name order, sequence increases, loops, restarts at 1") {
    kiosk::test::TempDir dir("filecam");
    testing::write_frames(dir.path().string(),
                          {testing::empty_frame(64, 48), testing::empty_frame(32, 24)});
    FileCamera camera(dir.path(), 100);
    REQUIRE_FALSE(camera.start());
    CHECK(camera.image_count() == 2);
    uint64_t last = 0;
    for (int i = 0; i < 5; ++i) {  // more frames than files: it loops
        const FrameWait wait = camera.wait_frame(last, 2s);
        REQUIRE(wait.frame);
        CHECK(wait.frame->sequence > last);
        // Sequence n shows file (n − 1) mod 2: the sizes tell which one.
        CHECK(wait.frame->width == (wait.frame->sequence % 2 == 1 ? 64 : 32));
        CHECK(wait.frame->pixels.size() ==
              static_cast<size_t>(wait.frame->width) * wait.frame->height);
        last = wait.frame->sequence;
    }
    CHECK(last >= 5);
    camera.start();  // idempotent: still the same run
    CHECK(camera.wait_frame(last, 2s).frame->sequence > last);
    camera.stop();
    camera.stop();
    const FrameWait after_stop = camera.wait_frame(last, 2s);
    CHECK(after_stop.stopped);
    CHECK_FALSE(after_stop.frame);

    REQUIRE_FALSE(camera.start());
    const FrameWait first = camera.wait_frame(0, 2s);
    REQUIRE(first.frame);
    CHECK(first.frame->width == (first.frame->sequence % 2 == 1 ? 64 : 32));
}

TEST_CASE("FrameSlot: newest frame wins, a new run restarts the sequence, stop wakes waiters") {
    FrameSlot slot;
    slot.begin_run();
    CameraFrame a;
    a.width = 1;
    CameraFrame b;
    b.width = 2;
    CHECK(slot.publish(a) == 1);
    CHECK(slot.publish(b) == 2);
    FrameWait wait = slot.wait(0, 1s, "test");
    REQUIRE(wait.frame);
    CHECK(wait.frame->sequence == 2);  // frame 1 was overwritten, never queued
    CHECK(wait.frame->width == 2);
    CHECK(slot.wait(2, 10ms, "test").error->kind == CameraErrorKind::NoFrames);

    slot.publish_error({CameraErrorKind::PipelineError, "boom"});
    wait = slot.wait(2, 1s, "test");
    REQUIRE(wait.error);
    CHECK(wait.error->message == "boom");
    CHECK(slot.wait(2, 10ms, "test").error->kind == CameraErrorKind::NoFrames);  // seen once

    slot.end_run();
    CHECK(slot.wait(2, 1s, "test").stopped);
    slot.begin_run();
    CHECK(slot.latest() == nullptr);
    CHECK(slot.publish(a) == 1);
}

TEST_CASE("FileCamera: without looping the stream ends") {
    kiosk::test::TempDir dir("filecam");
    testing::write_frames(dir.path().string(), {testing::empty_frame(16, 16)});
    FileCamera camera(dir.path(), 200, /*loop=*/false);
    REQUIRE_FALSE(camera.start());
    uint64_t last = 0;
    std::optional<CameraError> error;
    for (int i = 0; i < 10 && !error; ++i) {
        FrameWait wait = camera.wait_frame(last, 2s);
        if (wait.frame) last = wait.frame->sequence;
        error = wait.error;
    }
    REQUIRE(error);
    CHECK(error->kind == CameraErrorKind::StreamEnded);
    CHECK(last == 1);
}

TEST_CASE("FileCamera: a file that is not an image is a pipeline error naming it") {
    kiosk::test::TempDir dir("filecam");
    std::ofstream(dir.file("001.png")) << "not a png";
    FileCamera camera(dir.path(), 30);
    const auto error = camera.start();
    REQUIRE(error);
    CHECK(error->kind == CameraErrorKind::PipelineError);
    CHECK(error->message.find("001.png") != std::string::npos);
}
