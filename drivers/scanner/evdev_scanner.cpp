#include "drivers/scanner/evdev_scanner.h"

#include <fcntl.h>
#include <libevdev/libevdev.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "drivers/scanner/us_keymap.h"

namespace kiosk::scanner {

namespace {

// Waits up to `timeout` for the wake pipe; true when stop was requested.
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
    reader_.start([this] { run(); }, "opening " + path_);
}

void EvdevScanner::stop() {
    reader_.stop();
}

ScannerStatus EvdevScanner::status() const {
    return reader_.status();
}

void EvdevScanner::run() {
    KeySequenceDecoder decoder;
    while (!reader_.stop_requested()) {
        const int fd = open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            reader_.set_status(ScannerState::Waiting, errno_text("open " + path_, errno));
            if (reader_.wait(reopen_interval_)) break;
            continue;
        }
        libevdev* dev = nullptr;
        int rc = libevdev_new_from_fd(fd, &dev);
        if (rc < 0) {
            reader_.set_status(ScannerState::Waiting,
                               errno_text(path_ + " is not an input device", -rc));
            close(fd);
            if (reader_.wait(reopen_interval_)) break;
            continue;
        }
        // Exclusive: the scanner's keys no longer reach the desktop, ImGui or an input method.
        rc = libevdev_grab(dev, LIBEVDEV_GRAB);
        if (rc < 0) {
            reader_.set_status(
                ScannerState::Waiting,
                errno_text("exclusive grab of " + path_ + " (another program holds it?)", -rc));
            libevdev_free(dev);
            close(fd);
            if (reader_.wait(reopen_interval_)) break;
            continue;
        }
        const char* name = libevdev_get_name(dev);
        reader_.set_status(ScannerState::Connected,
                           std::string(name ? name : "?") + " on " + path_);
        decoder.reset();

        bool unplugged = false;
        while (!reader_.stop_requested() && !unplugged) {
            pollfd fds[2] = {{fd, POLLIN, 0}, {reader_.wake_fd(), POLLIN, 0}};
            if (poll(fds, 2, -1) < 0) {
                if (errno == EINTR) continue;
                reader_.set_status(ScannerState::Waiting, errno_text("poll " + path_, errno));
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
                    reader_.count_read();
                    if (on_read_) {
                        on_read_(ScanInput{std::move(*line), ScanSource::EvdevScanner,
                                           ScanSymbology::Unknown});
                    }
                }
            }
            if (rc != -EAGAIN) {  // ENODEV: unplugged; anything else: reopen as well
                reader_.set_status(ScannerState::Waiting, errno_text(path_ + " went away", -rc));
                unplugged = true;
            }
        }
        libevdev_grab(dev, LIBEVDEV_UNGRAB);
        libevdev_free(dev);
        close(fd);
        if (unplugged && reader_.wait(reopen_interval_)) break;
    }
}

}  // namespace kiosk::scanner
