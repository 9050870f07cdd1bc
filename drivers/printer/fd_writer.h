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

std::string errno_text(int error_number);  // "Connection refused (errno 111)"

}  // namespace kiosk::printer
