#include "drivers/camera/file_camera.h"

#include <algorithm>
#include <cmath>

namespace kiosk::camera {

namespace fs = std::filesystem;

FileCamera::FileCamera(fs::path folder, double fps, bool loop)
    : folder_(std::move(folder)),
      period_(std::chrono::nanoseconds(
          static_cast<int64_t>(std::llround(1e9 / std::clamp(fps, 0.1, 1000.0))))),
      loop_(loop) {}

FileCamera::~FileCamera() {
    stop();
}

std::optional<CameraError> FileCamera::open() {
    std::lock_guard lock(control_mutex_);
    if (opened_) return std::nullopt;
    std::error_code ec;
    if (!fs::is_directory(folder_, ec)) {
        return CameraError{CameraErrorKind::DeviceMissing,
                           "camera folder " + folder_.string() + " does not exist"};
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder_, ec)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    if (ec) {
        return CameraError{CameraErrorKind::DeviceMissing,
                           "camera folder " + folder_.string() + ": " + ec.message()};
    }
    std::sort(files.begin(), files.end());
    std::vector<scan::GrayImage> images;
    for (const auto& file : files) {
        auto loaded = scan::load_gray_image(file.string());
        if (!loaded.ok()) return CameraError{CameraErrorKind::PipelineError, loaded.error};
        images.push_back(std::move(*loaded.image));
    }
    images_ = std::move(images);
    opened_ = true;
    return std::nullopt;
}

std::optional<CameraError> FileCamera::start() {
    if (auto error = open()) return error;
    std::lock_guard lock(control_mutex_);
    if (thread_.joinable()) return std::nullopt;
    {
        std::lock_guard wake_lock(wake_mutex_);
        stop_requested_ = false;
    }
    slot_.begin_run();
    thread_ = std::thread([this] { play_loop(); });
    return std::nullopt;
}

void FileCamera::stop() {
    std::lock_guard lock(control_mutex_);
    if (!thread_.joinable()) return;
    {
        std::lock_guard wake_lock(wake_mutex_);
        stop_requested_ = true;
    }
    wake_.notify_all();
    thread_.join();
    slot_.end_run();
    opened_ = false;  // like a device: the next start() looks at the folder again
}

bool FileCamera::running() const {
    return slot_.running();
}

FrameWait FileCamera::wait_frame(uint64_t after_sequence, std::chrono::milliseconds timeout) {
    return slot_.wait(after_sequence, timeout, "camera folder " + folder_.string());
}

std::shared_ptr<const CameraFrame> FileCamera::latest_frame() const {
    return slot_.latest();
}

std::string FileCamera::describe() const {
    return "image folder " + folder_.string();
}

size_t FileCamera::image_count() const {
    return images_.size();
}

void FileCamera::play_loop() {
    auto next = std::chrono::steady_clock::now();
    size_t index = 0;
    std::unique_lock lock(wake_mutex_);
    while (!stop_requested_) {
        if (images_.empty()) {  // an empty folder: a device that never sends a picture
            wake_.wait(lock, [&] { return stop_requested_; });
            break;
        }
        if (index == images_.size()) {
            if (!loop_) {
                slot_.publish_error({CameraErrorKind::StreamEnded,
                                     "camera folder " + folder_.string() + ": last image played"});
                wake_.wait(lock, [&] { return stop_requested_; });
                break;
            }
            index = 0;
        }
        const scan::GrayImage& image = images_[index++];
        CameraFrame frame;
        frame.width = image.width;
        frame.height = image.height;
        frame.pixels = image.pixels;
        frame.captured_at = std::chrono::steady_clock::now();
        slot_.publish(std::move(frame));
        next += period_;
        if (wake_.wait_until(lock, next, [&] { return stop_requested_; })) break;
    }
}

}  // namespace kiosk::camera
