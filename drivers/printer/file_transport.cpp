#include "drivers/printer/file_transport.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "drivers/printer/fd_writer.h"

namespace kiosk::printer {

TransportResult FileTransport::send(std::span<const uint8_t> job, std::span<const size_t>,
                                    std::chrono::milliseconds deadline) {
    const SteadyTime until = std::chrono::steady_clock::now() + deadline;
    // O_NONBLOCK: no effect on regular files; keeps FIFOs/devices from blocking past the deadline
    // (and makes opening a FIFO without a reader fail with ENXIO instead of hanging).
    const int fd =
        ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0644);
    if (fd < 0) {
        const int err = errno;
        return TransportResult::failure(
            TransportError::OpenFailed,
            describe() + ": cannot open for appending: " + errno_text(err));
    }
    const WriteOutcome outcome = write_all(fd, job, until, FdKind::File);
    // close() can report a deferred write error (e.g. NFS, ENOSPC): that job is not on disk.
    const int close_result = ::close(fd);
    const int close_errno = errno;
    switch (outcome.status) {
        case WriteStatus::Timeout:
            return TransportResult::failure(
                TransportError::WriteTimeout,
                describe() + ": deadline of " + std::to_string(deadline.count()) +
                    " ms passed after " + std::to_string(outcome.written) + " of " +
                    std::to_string(job.size()) + " bytes",
                outcome.written);
        case WriteStatus::Error:
            return TransportResult::failure(
                TransportError::WriteFailed,
                describe() + ": write failed after " + std::to_string(outcome.written) + " of " +
                    std::to_string(job.size()) + " bytes: " + errno_text(outcome.error_number),
                outcome.written);
        case WriteStatus::Complete:
            break;
    }
    if (close_result != 0 && close_errno != EINTR)
        return TransportResult::failure(
            TransportError::WriteFailed,
            describe() + ": close after writing failed: " + errno_text(close_errno),
            outcome.written);
    return TransportResult::success(outcome.written);
}

}  // namespace kiosk::printer
