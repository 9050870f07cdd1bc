#include "drivers/scanner/scanner_thread.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::scanner {

const char* to_string(ScannerState state) {
    switch (state) {
        case ScannerState::Stopped:
            return "stopped";
        case ScannerState::Waiting:
            return "waiting for the scanner";
        case ScannerState::Connected:
            return "connected";
    }
    return "unknown";
}

ScannerThread::~ScannerThread() {
    stop();
}

void ScannerThread::start(std::function<void()> loop, std::string opening) {
    if (thread_.joinable()) return;
    if (pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
        const int error = errno;
        set_status(ScannerState::Waiting, std::string("pipe: ") + std::strerror(error) +
                                              " (errno " + std::to_string(error) + ")");
        return;
    }
    stop_requested_ = false;
    set_status(ScannerState::Waiting, std::move(opening));
    thread_ = std::thread(std::move(loop));
}

void ScannerThread::stop() {
    if (!thread_.joinable()) return;
    stop_requested_ = true;
    const char byte = 1;
    [[maybe_unused]] auto written = write(wake_pipe_[1], &byte, 1);
    thread_.join();
    close(wake_pipe_[0]);
    close(wake_pipe_[1]);
    wake_pipe_[0] = wake_pipe_[1] = -1;
    set_status(ScannerState::Stopped, "");
}

bool ScannerThread::wait(std::chrono::milliseconds timeout) const {
    pollfd p{wake_pipe_[0], POLLIN, 0};
    return poll(&p, 1, static_cast<int>(timeout.count())) > 0;
}

ScannerStatus ScannerThread::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void ScannerThread::set_status(ScannerState state, std::string detail) {
    std::lock_guard lock(mutex_);
    status_.state = state;
    status_.detail = std::move(detail);
}

void ScannerThread::count_read() {
    std::lock_guard lock(mutex_);
    status_.reads++;
}

}  // namespace kiosk::scanner
