#pragma once
// A camera test double that behaves like a device: frames come from the image files (PNG, JPEG,
// PGM, … via kiosk/scan's load_gray_image) in a folder, sorted by name, played at a fixed rate
// and looped. start()/stop()/sequence numbers/NoFrames behave as with GstCamera; an empty folder
// starts but never delivers a frame, a missing folder is DeviceMissing, an unreadable image is a
// PipelineError naming the file. The folder is read at open(); stop() closes it, so the next
// start() sees files added meanwhile.
#include <atomic>
#include <filesystem>
#include <thread>

#include "drivers/camera/camera.h"
#include "drivers/camera/frame_slot.h"

namespace kiosk::camera {

class FileCamera final : public Camera {
  public:
    // `loop` false: after the last image the camera reports StreamEnded.
    FileCamera(std::filesystem::path folder, double fps, bool loop = true);
    ~FileCamera() override;
    FileCamera(const FileCamera&) = delete;
    FileCamera& operator=(const FileCamera&) = delete;

    std::optional<CameraError> open() override;
    std::optional<CameraError> start() override;
    void stop() override;
    bool running() const override;
    FrameWait wait_frame(uint64_t after_sequence, std::chrono::milliseconds timeout) override;
    std::shared_ptr<const CameraFrame> latest_frame() const override;
    std::string describe() const override;

    size_t image_count() const;  // after open()

  private:
    void play_loop();

    std::filesystem::path folder_;
    std::chrono::nanoseconds period_;
    bool loop_;
    std::mutex control_mutex_;
    std::vector<scan::GrayImage> images_;
    bool opened_ = false;
    FrameSlot slot_;
    std::mutex wake_mutex_;
    std::condition_variable wake_;
    bool stop_requested_ = false;
    std::thread thread_;
};

}  // namespace kiosk::camera
