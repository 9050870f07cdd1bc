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
    reader_.start([this] { run(); }, "opening " + path_);
}

void SerialScanner::stop() {
    reader_.stop();
}

ScannerStatus SerialScanner::status() const {
    return reader_.status();
}

void SerialScanner::run() {
    LineAssembler lines;
    while (!reader_.stop_requested()) {
        const int fd = open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            reader_.set_status(ScannerState::Waiting, errno_text("open " + path_, errno));
            if (reader_.wait(reopen_interval_)) break;
            continue;
        }
        if (std::string error = configure_raw(fd, baud_); !error.empty()) {
            reader_.set_status(ScannerState::Waiting, path_ + ": " + error);
            close(fd);
            if (reader_.wait(reopen_interval_)) break;
            continue;
        }
        reader_.set_status(ScannerState::Connected,
                           path_ + " at " + std::to_string(baud_) + " baud");
        lines.reset();
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
            char buffer[512];
            const ssize_t n = read(fd, buffer, sizeof buffer);
            if (n > 0) {
                for (auto& line : lines.feed(std::string_view(buffer, static_cast<size_t>(n)))) {
                    reader_.count_read();
                    if (on_read_) {
                        on_read_(ScanInput{std::move(line), ScanSource::SerialScanner,
                                           ScanSymbology::Unknown});
                    }
                }
            } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
                continue;
            } else {  // EIO / hang-up (n == 0 with POLLHUP): the adapter was unplugged
                reader_.set_status(
                    ScannerState::Waiting,
                    n < 0 ? errno_text(path_ + " went away", errno) : path_ + " hung up");
                unplugged = true;
            }
        }
        close(fd);
        if (unplugged && reader_.wait(reopen_interval_)) break;
    }
}

}  // namespace kiosk::scanner
