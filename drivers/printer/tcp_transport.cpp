#include "drivers/printer/tcp_transport.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace kiosk::printer {
namespace {

std::string numeric_address(const sockaddr* address, socklen_t length) {
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    if (::getnameinfo(address, length, host, sizeof host, service, sizeof service,
                      NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return "?";
    const bool v6 = address->sa_family == AF_INET6;
    return (v6 ? "[" : "") + std::string(host) + (v6 ? "]:" : ":") + service;
}

void set_socket_options(int fd) {
    const int on = 1;
    // Bands are written whole; Nagle would only delay the last partial segment of each.
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    // Notice a printer that vanished (power cut) on a connection we keep open between jobs.
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    const int idle_s = 30, interval_s = 10, probes = 3;
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle_s, sizeof idle_s);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval_s, sizeof interval_s);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
}

bool is_disconnect(int error_number) {
    return error_number == EPIPE || error_number == ECONNRESET || error_number == ENOTCONN ||
           error_number == ETIMEDOUT || error_number == ECONNABORTED;
}

struct AddrInfoDeleter {
    void operator()(addrinfo* list) const { ::freeaddrinfo(list); }
};

}  // namespace

TcpTransport::TcpTransport(std::string host, uint16_t port, TransportTimeouts timeouts)
    : host_(std::move(host)), port_(port), timeouts_(timeouts) {}

TcpTransport::~TcpTransport() {
    close();
}

void TcpTransport::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::string TcpTransport::describe() const {
    const bool v6 = host_.find(':') != std::string::npos;
    return "tcp://" + (v6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

TransportResult TcpTransport::connect_until(SteadyTime deadline) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* raw = nullptr;
    const std::string service = std::to_string(port_);
    const int gai = ::getaddrinfo(host_.c_str(), service.c_str(), &hints, &raw);
    if (gai != 0) {
        const std::string why = gai == EAI_SYSTEM ? errno_text(errno) : ::gai_strerror(gai);
        return TransportResult::failure(
            TransportError::ResolveFailed,
            describe() + ": cannot resolve host '" + host_ + "': " + why);
    }
    std::unique_ptr<addrinfo, AddrInfoDeleter> list(raw);

    const SteadyTime connect_deadline =
        std::min(deadline, std::chrono::steady_clock::now() + timeouts_.connect);
    std::string failures;
    for (const addrinfo* ai = list.get(); ai != nullptr; ai = ai->ai_next) {
        const std::string address = numeric_address(ai->ai_addr, ai->ai_addrlen);
        const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                                ai->ai_protocol);
        if (fd < 0) {
            failures += (failures.empty() ? "" : "; ") + address + ": socket: " + errno_text(errno);
            continue;
        }
        int error_number = 0;
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            error_number = errno;
            if (error_number == EINPROGRESS || error_number == EINTR) {
                int ready = 0;
                do {
                    pollfd p{fd, POLLOUT, 0};
                    ready = ::poll(&p, 1, poll_timeout_ms(connect_deadline));
                } while (ready < 0 && errno == EINTR);
                if (ready == 0) {
                    ::close(fd);
                    return TransportResult::failure(
                        TransportError::ConnectTimeout,
                        describe() + ": connect to " + address + " got no answer within the " +
                            std::to_string(timeouts_.connect.count()) +
                            " ms connect timeout (or the job deadline)");
                }
                socklen_t length = sizeof error_number;
                if (ready < 0)
                    error_number = errno;
                else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error_number, &length) != 0)
                    error_number = errno;
            }
        }
        if (error_number == 0) {
            set_socket_options(fd);
            fd_ = fd;
            return TransportResult::success(0);
        }
        ::close(fd);
        failures += (failures.empty() ? "" : "; ") + address + ": " + errno_text(error_number);
    }
    return TransportResult::failure(TransportError::ConnectFailed,
                                    describe() + ": connect failed: " + failures);
}

// True if the kept-open connection can take a job. Stale input (replies nobody waited for) is
// drained on the way; a FIN (recv == 0), RST or socket error means the printer dropped us.
bool TcpTransport::idle_connection_usable() {
    for (int round = 0; round < 64; ++round) {
        pollfd p{fd_, POLLIN | POLLRDHUP, 0};
        const int ready = ::poll(&p, 1, 0);
        if (ready < 0) return errno == EINTR;
        if (ready == 0) return true;
        if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return false;
        uint8_t discard[512];
        const ssize_t n = ::recv(fd_, discard, sizeof discard, MSG_DONTWAIT);
        if (n == 0) return false;
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    }
    return true;  // a chatty printer, but alive
}

TransportResult TcpTransport::write_chunks(std::span<const uint8_t> job,
                                           std::span<const size_t> chunk_ends, SteadyTime deadline,
                                           std::chrono::milliseconds budget) {
    size_t begin = 0;
    size_t chunk = 0;
    while (begin < job.size()) {
        // Chunk ends outside (begin, size] are ignored: the rest goes as one write.
        size_t end = job.size();
        while (chunk < chunk_ends.size() && chunk_ends[chunk] <= begin)
            ++chunk;
        if (chunk < chunk_ends.size()) end = std::min(chunk_ends[chunk], job.size());
        const WriteOutcome outcome =
            write_all(fd_, job.subspan(begin, end - begin), deadline, FdKind::Socket);
        const size_t written = begin + outcome.written;
        if (outcome.status == WriteStatus::Timeout) {
            close();
            return TransportResult::failure(
                TransportError::WriteTimeout,
                describe() + ": printer stopped accepting data; job deadline of " +
                    std::to_string(budget.count()) + " ms passed after " + std::to_string(written) +
                    " of " + std::to_string(job.size()) + " bytes",
                written);
        }
        if (outcome.status == WriteStatus::Error) {
            close();
            const bool gone = is_disconnect(outcome.error_number);
            return TransportResult::failure(
                gone ? TransportError::Disconnected : TransportError::WriteFailed,
                describe() + (gone ? ": connection lost" : ": write failed") + " after " +
                    std::to_string(written) + " of " + std::to_string(job.size()) +
                    " bytes: " + errno_text(outcome.error_number),
                written);
        }
        begin = end;
    }
    return TransportResult::success(job.size());
}

TransportResult TcpTransport::send(std::span<const uint8_t> job, std::span<const size_t> chunk_ends,
                                   std::chrono::milliseconds deadline) {
    const SteadyTime until = std::chrono::steady_clock::now() + deadline;
    bool reconnected = false;
    bool reused = false;
    if (fd_ >= 0) {
        if (idle_connection_usable()) {
            reused = true;
        } else {
            close();
            reconnected = true;
        }
    }
    if (fd_ < 0) {
        TransportResult connected = connect_until(until);
        if (!connected.ok) {
            connected.reconnected = reconnected;
            return connected;
        }
    }
    TransportResult result = write_chunks(job, chunk_ends, until, deadline);
    if (!result.ok && reused && result.bytes_written == 0 &&
        result.error == TransportError::Disconnected) {
        // The printer dropped the idle connection just as we checked it: one fresh attempt.
        reconnected = true;
        TransportResult connected = connect_until(until);
        if (!connected.ok) {
            connected.reconnected = true;
            return connected;
        }
        result = write_chunks(job, chunk_ends, until, deadline);
    }
    result.reconnected = reconnected;
    return result;
}

ReceiveResult TcpTransport::receive(std::span<uint8_t> into, std::chrono::milliseconds timeout) {
    ReceiveResult r;
    if (fd_ < 0) {
        r.error = TransportError::Disconnected;
        r.detail = describe() + ": not connected (the printer closed the connection)";
        return r;
    }
    const ReadOutcome outcome =
        read_some(fd_, into, std::chrono::steady_clock::now() + timeout, FdKind::Socket);
    if (outcome.status == ReadStatus::Data || outcome.status == ReadStatus::Timeout) {
        r.ok = true;
        r.bytes = outcome.bytes;
        return r;
    }
    const bool gone = outcome.status == ReadStatus::Closed || is_disconnect(outcome.error_number);
    close();
    r.error = gone ? TransportError::Disconnected : TransportError::ReadFailed;
    r.detail = describe() + (outcome.status == ReadStatus::Closed
                                 ? ": the printer closed the connection"
                                 : ": read failed: " + errno_text(outcome.error_number));
    return r;
}

size_t TcpTransport::discard_input() {
    return fd_ >= 0 ? discard_pending(fd_, FdKind::Socket) : 0;
}

}  // namespace kiosk::printer
