#include "drivers/scanner/evdev_scanner.h"

#include <fcntl.h>
#include <libevdev/libevdev.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "drivers/scanner/us_keymap.h"

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

namespace {

// Waits up to `timeout` for the wake pipe; true when stop was requested.
bool wait_for_wake(int wake_fd, std::chrono::milliseconds timeout) {
    pollfd p{wake_fd, POLLIN, 0};
    return poll(&p, 1, static_cast<int>(timeout.count())) > 0;
}

std::string errno_text(const std::string& what, int error) {
    return what + ": " + std::strerror(error) + " (errno " + std::to_string(error) + ")";
}

}  // namespace

EvdevScanner::EvdevScanner(std::string device_path, ScanInputCallback on_read,
                           std::chrono::milliseconds reopen_interval)
    : path_(std::move(device_path)),
      on_read_(std::move(on_read)),
      reopen_interval_(reopen_interval) {}

EvdevScanner::~EvdevScanner() {
    stop();
}

void EvdevScanner::start() {
    if (thread_.joinable()) return;
    if (pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
        set_status(ScannerState::Waiting, errno_text("pipe", errno));
        return;
    }
    stop_requested_ = false;
    set_status(ScannerState::Waiting, "opening " + path_);
    thread_ = std::thread([this] { run(); });
}

void EvdevScanner::stop() {
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

ScannerStatus EvdevScanner::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void EvdevScanner::set_status(ScannerState state, std::string detail) {
    std::lock_guard lock(mutex_);
    status_.state = state;
    status_.detail = std::move(detail);
}

void EvdevScanner::run() {
    KeySequenceDecoder decoder;
    while (!stop_requested_) {
        const int fd = open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            set_status(ScannerState::Waiting, errno_text("open " + path_, errno));
            if (wait_for_wake(wake_pipe_[0], reopen_interval_)) break;
            continue;
        }
        libevdev* dev = nullptr;
        int rc = libevdev_new_from_fd(fd, &dev);
        if (rc < 0) {
            set_status(ScannerState::Waiting, errno_text(path_ + " is not an input device", -rc));
            close(fd);
            if (wait_for_wake(wake_pipe_[0], reopen_interval_)) break;
            continue;
        }
        // Exclusive: the scanner's keys no longer reach the desktop, ImGui or an input method.
        rc = libevdev_grab(dev, LIBEVDEV_GRAB);
        if (rc < 0) {
            set_status(
                ScannerState::Waiting,
                errno_text("exclusive grab of " + path_ + " (another program holds it?)", -rc));
            libevdev_free(dev);
            close(fd);
            if (wait_for_wake(wake_pipe_[0], reopen_interval_)) break;
            continue;
        }
        const char* name = libevdev_get_name(dev);
        set_status(ScannerState::Connected, std::string(name ? name : "?") + " on " + path_);
        decoder.reset();

        bool unplugged = false;
        while (!stop_requested_ && !unplugged) {
            pollfd fds[2] = {{fd, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
            if (poll(fds, 2, -1) < 0) {
                if (errno == EINTR) continue;
                set_status(ScannerState::Waiting, errno_text("poll " + path_, errno));
                unplugged = true;
                break;
            }
            if (fds[1].revents) break;  // stop
            input_event event{};
            for (;;) {
                rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &event);
                if (rc == LIBEVDEV_READ_STATUS_SYNC) {
                    // The kernel dropped events (SYN_DROPPED): the read in progress is corrupt.
                    while (rc == LIBEVDEV_READ_STATUS_SYNC) {
                        rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_SYNC, &event);
                    }
                    decoder.reset();
                    continue;
                }
                if (rc != LIBEVDEV_READ_STATUS_SUCCESS) break;
                if (event.type != EV_KEY) continue;
                if (auto line = decoder.on_key(event.code, event.value)) {
                    {
                        std::lock_guard lock(mutex_);
                        status_.reads++;
                    }
                    if (on_read_) {
                        on_read_(ScanInput{std::move(*line), ScanSource::EvdevScanner,
                                           ScanSymbology::Unknown});
                    }
                }
            }
            if (rc != -EAGAIN) {  // ENODEV: unplugged; anything else: reopen as well
                set_status(ScannerState::Waiting, errno_text(path_ + " went away", -rc));
                unplugged = true;
            }
        }
        libevdev_grab(dev, LIBEVDEV_UNGRAB);
        libevdev_free(dev);
        close(fd);
        if (unplugged && wait_for_wake(wake_pipe_[0], reopen_interval_)) break;
    }
}

}  // namespace kiosk::scanner
