#pragma once
// Writing a buffer to a non-blocking file descriptor completely, or until a deadline.
// Shared by the file and TCP transports; handles partial writes, EINTR and EAGAIN (poll).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace kiosk::printer {

using SteadyTime = std::chrono::steady_clock::time_point;

enum class WriteStatus { Complete, Timeout, Error };

struct WriteOutcome {
    WriteStatus status = WriteStatus::Complete;
    size_t written = 0;
    int error_number = 0;  // errno when status == Error
};

// Sockets use send(MSG_NOSIGNAL) so a closed peer gives EPIPE instead of SIGPIPE.
enum class FdKind { File, Socket };

WriteOutcome write_all(int fd, std::span<const uint8_t> data, SteadyTime deadline, FdKind kind);

// Milliseconds left until `deadline` for poll(): rounded up, 0 when passed, capped at INT_MAX.
int poll_timeout_ms(SteadyTime deadline);

std::string errno_text(int error_number);

enum class ReadStatus { Data, Timeout, Closed, Error };
struct ReadOutcome {
    ReadStatus status = ReadStatus::Timeout;
    size_t bytes = 0;
    int error_number = 0;
};
// Waits until `deadline` for input, then reads what is there (one read; EINTR retried).
// Closed = end of file / peer closed (recv 0; for a tty, EIO after the other side hung up is
// reported as Error with that errno).
ReadOutcome read_some(int fd, std::span<uint8_t> into, SteadyTime deadline, FdKind kind);
// Reads and discards everything already waiting; returns the count (stops at 64 KB).
size_t discard_pending(int fd, FdKind kind);  // "Connection refused (errno 111)"

}  // namespace kiosk::printer
