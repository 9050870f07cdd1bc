#pragma once
// The single "newest frame" slot shared by the camera implementations: the capture thread
// publishes frames and errors, readers wait for something newer. No queue: a slow reader
// simply skips frames.
#include <condition_variable>
#include <mutex>

#include "drivers/camera/camera.h"

namespace kiosk::camera {

class FrameSlot {
  public:
    // Clears the slot for a new run (sequence restarts at 1) and marks it running.
    void begin_run();
    // Marks the slot stopped and wakes every waiter.
    void end_run();
    bool running() const;

    // Publishes a frame (the slot assigns the sequence number and returns it).
    uint64_t publish(CameraFrame frame);
    // Publishes an asynchronous error (bus error, end of stream); waiters see it once.
    void publish_error(CameraError error);

    FrameWait wait(uint64_t after_sequence, std::chrono::milliseconds timeout,
                   const std::string& source_name);
    std::shared_ptr<const CameraFrame> latest() const;

  private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::shared_ptr<const CameraFrame> latest_;
    std::optional<CameraError> error_;
    uint64_t next_sequence_ = 1;
    bool running_ = false;
};

}  // namespace kiosk::camera
