#include "drivers/printer/char_device_transport.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace kiosk::printer {
namespace {

// LPGETSTATUS from <linux/lp.h> (_IOR('P', 0x0B, int) in usblp, 0x060b in lp): usblp accepts
// the plain number; the header is not needed for one constant.
constexpr unsigned long kLpGetStatus = 0x060b;

bool device_gone(int error_number) {
    return error_number == ENODEV || error_number == ENXIO || error_number == EIO ||
           error_number == ENOENT;
}

}  // namespace

CharDeviceTransport::CharDeviceTransport(Kind kind, std::string path, serial::SerialSettings serial)
    : kind_(kind), path_(std::move(path)), serial_(serial) {}

CharDeviceTransport::~CharDeviceTransport() {
    close();
}

void CharDeviceTransport::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::string CharDeviceTransport::describe() const {
    if (kind_ == Kind::Usb) return "usb:" + path_;
    return "serial:" + path_ + "?baud=" + std::to_string(serial_.baud) +
           "&flow=" + std::string(to_string(serial_.flow));
}

TransportResult CharDeviceTransport::open_device() {
    const int fd = ::open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        std::string why = errno_text(e);
        if (e == EBUSY)
            why += " — another program holds the printer (CUPS bound to it? a second kiosk?)";
        if (e == EACCES)
            why += kind_ == Kind::Usb ? " — add the kiosk user to group 'lp' (udev rule)"
                                      : " — add the kiosk user to group 'dialout'";
        const bool gone = e == ENOENT || e == ENODEV || e == ENXIO;
        return TransportResult::failure(
            gone ? TransportError::DeviceGone : TransportError::OpenFailed,
            describe() + ": cannot open " + path_ + (gone ? " (printer unplugged or off?)" : "") +
                ": " + why);
    }
    if (kind_ == Kind::Serial) {
        if (std::string error = serial::configure_serial_port(fd, serial_); !error.empty()) {
            ::close(fd);
            return TransportResult::failure(TransportError::OpenFailed,
                                            describe() + ": " + path_ + ": " + error);
        }
    }
    fd_ = fd;
    return TransportResult::success(0);
}

TransportResult CharDeviceTransport::write_failure(const WriteOutcome& outcome, size_t written,
                                                   size_t total, std::chrono::milliseconds budget) {
    close();  // the next job reopens the node (re-plug) and starts on a clean write queue
    const std::string progress =
        " after " + std::to_string(written) + " of " + std::to_string(total) + " bytes";
    if (outcome.status == WriteStatus::Timeout)
        return TransportResult::failure(
            TransportError::WriteTimeout,
            describe() + ": printer stopped accepting data (paper out, cover open, offline or " +
                "flow control holding us); job deadline of " + std::to_string(budget.count()) +
                " ms passed" + progress,
            written);
    const int e = outcome.error_number;
    if (device_gone(e))
        return TransportResult::failure(
            TransportError::DeviceGone,
            describe() + ": device gone (unplugged?)" + progress + ": " + errno_text(e), written);
    std::string why = errno_text(e);
    if (e == ENOSPC) why += " — usblp reports the paper is out";
    return TransportResult::failure(TransportError::WriteFailed,
                                    describe() + ": write failed" + progress + ": " + why, written);
}

TransportResult CharDeviceTransport::send(std::span<const uint8_t> job,
                                          std::span<const size_t> chunk_ends,
                                          std::chrono::milliseconds deadline) {
    const SteadyTime until = std::chrono::steady_clock::now() + deadline;
    if (fd_ < 0) {
        TransportResult opened = open_device();
        if (!opened.ok) return opened;
    }
    size_t begin = 0;
    size_t chunk = 0;
    while (begin < job.size()) {
        size_t end = job.size();
        while (chunk < chunk_ends.size() && chunk_ends[chunk] <= begin)
            ++chunk;
        if (chunk < chunk_ends.size()) end = std::min(chunk_ends[chunk], job.size());
        const WriteOutcome outcome =
            write_all(fd_, job.subspan(begin, end - begin), until, FdKind::File);
        if (outcome.status != WriteStatus::Complete)
            return write_failure(outcome, begin + outcome.written, job.size(), deadline);
        begin = end;
    }
    return TransportResult::success(job.size());
}

ReceiveResult CharDeviceTransport::receive(std::span<uint8_t> into,
                                           std::chrono::milliseconds timeout) {
    ReceiveResult r;
    if (fd_ < 0) {
        r.error = TransportError::Disconnected;
        r.detail = describe() + ": device not open";
        return r;
    }
    const ReadOutcome outcome =
        read_some(fd_, into, std::chrono::steady_clock::now() + timeout, FdKind::File);
    if (outcome.status == ReadStatus::Data || outcome.status == ReadStatus::Timeout) {
        r.ok = true;
        r.bytes = outcome.bytes;
        return r;
    }
    if (outcome.status == ReadStatus::Closed) {  // readable yet 0 bytes: the line hung up
        close();
        r.error = TransportError::DeviceGone;
        r.detail = describe() + ": the device hung up (unplugged?)";
        return r;
    }
    const int e = outcome.error_number;
    if (e == EINVAL) {
        r.error = TransportError::ReadFailed;
        r.detail = describe() +
                   ": the printer's USB interface is write-only (read: " + errno_text(e) +
                   "); set printer.status = \"none\"";
        return r;
    }
    close();
    r.error = device_gone(e) ? TransportError::DeviceGone : TransportError::ReadFailed;
    r.detail = describe() + ": read failed: " + errno_text(e);
    return r;
}

size_t CharDeviceTransport::discard_input() {
    return fd_ >= 0 ? discard_pending(fd_, FdKind::File) : 0;
}

std::optional<int> CharDeviceTransport::usb_port_status() const {
    if (fd_ < 0 || kind_ != Kind::Usb) return std::nullopt;
    int status = 0;
    if (::ioctl(fd_, kLpGetStatus, &status) != 0) return std::nullopt;
    return status;
}

}  // namespace kiosk::printer
