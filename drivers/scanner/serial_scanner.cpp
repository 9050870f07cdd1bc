#include "drivers/scanner/serial_scanner.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "drivers/serial/serial_port.h"

namespace kiosk::scanner {

namespace {

std::string errno_text(const std::string& what, int error) {
    return what + ": " + std::strerror(error) + " (errno " + std::to_string(error) + ")";
}

bool wait_for_wake(int wake_fd, std::chrono::milliseconds timeout) {
    pollfd p{wake_fd, POLLIN, 0};
    return poll(&p, 1, static_cast<int>(timeout.count())) > 0;
}

// Raw 8N1 at `baud`, no flow control; half a code left from before we opened is noise.
std::string configure_raw(int fd, int baud) {
    if (std::string error = serial::configure_serial_port(fd, {baud, serial::FlowControl::None});
        !error.empty())
        return error;
    tcflush(fd, TCIFLUSH);
    return {};
}

}  // namespace

bool is_valid_scanner_baud(int baud) {
    return serial::is_supported_baud(baud);
}

std::vector<std::string> LineAssembler::feed(std::string_view bytes) {
    std::vector<std::string> lines;
    for (char c : bytes) {
        if (c == '\r' || c == '\n') {  // CRLF: the LF ends an empty line, which is skipped
            if (!line_.empty() && !overflowing_) lines.push_back(line_);
            line_.clear();
            overflowing_ = false;
            continue;
        }
        if (overflowing_) continue;
        if (line_.size() >= max_length_) {
            overflowing_ = true;
            line_.clear();
            continue;
        }
        line_.push_back(c);
    }
    return lines;
}

void LineAssembler::reset() {
    line_.clear();
    overflowing_ = false;
}

SerialScanner::SerialScanner(std::string device_path, int baud, ScanInputCallback on_read,
                             std::chrono::milliseconds reopen_interval)
    : path_(std::move(device_path)),
      baud_(baud),
      on_read_(std::move(on_read)),
      reopen_interval_(reopen_interval) {}

SerialScanner::~SerialScanner() {
    stop();
}

void SerialScanner::start() {
    if (thread_.joinable()) return;
    if (pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
        set_status(ScannerState::Waiting, errno_text("pipe", errno));
        return;
    }
    stop_requested_ = false;
    set_status(ScannerState::Waiting, "opening " + path_);
    thread_ = std::thread([this] { run(); });
}

void SerialScanner::stop() {
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

ScannerStatus SerialScanner::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void SerialScanner::set_status(ScannerState state, std::string detail) {
    std::lock_guard lock(mutex_);
    status_.state = state;
    status_.detail = std::move(detail);
}

void SerialScanner::run() {
    LineAssembler lines;
    while (!stop_requested_) {
        const int fd = open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            set_status(ScannerState::Waiting, errno_text("open " + path_, errno));
            if (wait_for_wake(wake_pipe_[0], reopen_interval_)) break;
            continue;
        }
        if (std::string error = configure_raw(fd, baud_); !error.empty()) {
            set_status(ScannerState::Waiting, path_ + ": " + error);
            close(fd);
            if (wait_for_wake(wake_pipe_[0], reopen_interval_)) break;
            continue;
        }
        set_status(ScannerState::Connected, path_ + " at " + std::to_string(baud_) + " baud");
        lines.reset();
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
            char buffer[512];
            const ssize_t n = read(fd, buffer, sizeof buffer);
            if (n > 0) {
                for (auto& line : lines.feed(std::string_view(buffer, static_cast<size_t>(n)))) {
                    {
                        std::lock_guard lock(mutex_);
                        status_.reads++;
                    }
                    if (on_read_) {
                        on_read_(ScanInput{std::move(line), ScanSource::SerialScanner,
                                           ScanSymbology::Unknown});
                    }
                }
            } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
                continue;
            } else {  // EIO / hang-up (n == 0 with POLLHUP): the adapter was unplugged
                set_status(ScannerState::Waiting,
                           n < 0 ? errno_text(path_ + " went away", errno) : path_ + " hung up");
                unplugged = true;
            }
        }
        close(fd);
        if (unplugged && wait_for_wake(wake_pipe_[0], reopen_interval_)) break;
    }
}

}  // namespace kiosk::scanner
