#include "drivers/camera/frame_slot.h"

namespace kiosk::camera {

const char* to_string(CameraErrorKind kind) {
    switch (kind) {
        case CameraErrorKind::DeviceMissing:
            return "device missing";
        case CameraErrorKind::PipelineError:
            return "pipeline error";
        case CameraErrorKind::NoFrames:
            return "no frames";
        case CameraErrorKind::StreamEnded:
            return "stream ended";
    }
    return "unknown";
}

void FrameSlot::begin_run() {
    std::lock_guard lock(mutex_);
    latest_.reset();
    error_.reset();
    next_sequence_ = 1;
    running_ = true;
}

void FrameSlot::end_run() {
    {
        std::lock_guard lock(mutex_);
        running_ = false;
    }
    changed_.notify_all();
}

bool FrameSlot::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

uint64_t FrameSlot::publish(CameraFrame frame) {
    uint64_t sequence = 0;
    {
        std::lock_guard lock(mutex_);
        sequence = next_sequence_++;
        frame.sequence = sequence;
        latest_ = std::make_shared<const CameraFrame>(std::move(frame));
    }
    changed_.notify_all();
    return sequence;
}

void FrameSlot::publish_error(CameraError error) {
    {
        std::lock_guard lock(mutex_);
        error_ = std::move(error);
    }
    changed_.notify_all();
}

FrameWait FrameSlot::wait(uint64_t after_sequence, std::chrono::milliseconds timeout,
                          const std::string& source_name) {
    std::unique_lock lock(mutex_);
    const bool ready = changed_.wait_for(lock, timeout, [&] {
        return !running_ || error_.has_value() || (latest_ && latest_->sequence > after_sequence);
    });
    FrameWait result;
    if (!running_) {
        result.stopped = true;
        return result;
    }
    if (latest_ && latest_->sequence > after_sequence) {
        result.frame = latest_;  // a frame that arrived before an error is still worth decoding
        return result;
    }
    if (error_) {
        result.error = std::move(error_);
        error_.reset();
        return result;
    }
    if (!ready) {
        result.error =
            CameraError{CameraErrorKind::NoFrames, "no frame from " + source_name + " within " +
                                                       std::to_string(timeout.count()) + " ms"};
    }
    return result;
}

std::shared_ptr<const CameraFrame> FrameSlot::latest() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

}  // namespace kiosk::camera
