#include "drivers/printer/fd_writer.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

namespace kiosk::printer {

int poll_timeout_ms(SteadyTime deadline) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) return 0;
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

std::string errno_text(int error_number) {
    return std::string(std::strerror(error_number)) + " (errno " + std::to_string(error_number) +
           ")";
}

WriteOutcome write_all(int fd, std::span<const uint8_t> data, SteadyTime deadline, FdKind kind) {
    WriteOutcome outcome;
    while (outcome.written < data.size()) {
        const uint8_t* next = data.data() + outcome.written;
        const size_t left = data.size() - outcome.written;
        const ssize_t n = kind == FdKind::Socket
                              ? ::send(fd, next, left, MSG_NOSIGNAL | MSG_DONTWAIT)
                              : ::write(fd, next, left);
        if (n > 0) {
            outcome.written += static_cast<size_t>(n);
            continue;
        }
        if (n == 0) {  // a regular file that accepts nothing: treat as an I/O error, never spin
            outcome.status = WriteStatus::Error;
            outcome.error_number = EIO;
            return outcome;
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            outcome.status = WriteStatus::Error;
            outcome.error_number = errno;
            return outcome;
        }
        // The receiver is not draining: wait for room, but never past the deadline.
        for (;;) {
            const int timeout = poll_timeout_ms(deadline);
            if (timeout == 0) {
                outcome.status = WriteStatus::Timeout;
                return outcome;
            }
            pollfd p{fd, POLLOUT, 0};
            const int ready = ::poll(&p, 1, timeout);
            if (ready > 0) break;  // writable, or an error the next write reports precisely
            if (ready < 0 && errno != EINTR) {
                outcome.status = WriteStatus::Error;
                outcome.error_number = errno;
                return outcome;
            }
        }
    }
    return outcome;
}

ReadOutcome read_some(int fd, std::span<uint8_t> into, SteadyTime deadline, FdKind kind) {
    ReadOutcome outcome;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, poll_timeout_ms(deadline));
        if (ready < 0) {
            if (errno == EINTR) continue;
            outcome.status = ReadStatus::Error;
            outcome.error_number = errno;
            return outcome;
        }
        if (ready == 0) return outcome;  // Timeout
        const ssize_t n = kind == FdKind::Socket
                              ? ::recv(fd, into.data(), into.size(), MSG_DONTWAIT)
                              : ::read(fd, into.data(), into.size());
        if (n > 0) {
            outcome.status = ReadStatus::Data;
            outcome.bytes = static_cast<size_t>(n);
            return outcome;
        }
        if (n == 0) {
            outcome.status = ReadStatus::Closed;
            return outcome;
        }
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) {
            if (poll_timeout_ms(deadline) == 0) return outcome;
            continue;
        }
        outcome.status = ReadStatus::Error;
        outcome.error_number = errno;
        return outcome;
    }
}

size_t discard_pending(int fd, FdKind kind) {
    size_t total = 0;
    uint8_t buffer[1024];
    while (total < 64 * 1024) {
        const ssize_t n = kind == FdKind::Socket ? ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT)
                                                 : ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            total += static_cast<size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        break;
    }
    return total;
}

}  // namespace kiosk::printer
