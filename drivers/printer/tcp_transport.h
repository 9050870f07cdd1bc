#pragma once
// `tcp://HOST:PORT` printer (raw "port 9100" / AppSocket / JetDirect). The connection is opened
// on the first job and kept between jobs; before each job it is checked for a peer that closed
// it while idle (printers drop idle clients) and reopened once if so. Connect and writes are
// non-blocking and bounded by the connect timeout and the job deadline; SIGPIPE is never raised.
// Host names resolve with getaddrinfo (blocking, no timeout of its own: prefer IP addresses).
#include <cstdint>
#include <string>

#include "drivers/printer/fd_writer.h"
#include "drivers/printer/printer_transport.h"

namespace kiosk::printer {

class TcpTransport final : public PrinterTransport {
  public:
    // `host` without brackets ("10.0.0.9", "::1", "printer.local").
    TcpTransport(std::string host, uint16_t port, TransportTimeouts timeouts);
    ~TcpTransport() override;
    TcpTransport(const TcpTransport&) = delete;
    TcpTransport& operator=(const TcpTransport&) = delete;

    // One write per chunk; any failure closes the connection (the printer may be mid-raster, so
    // the next job starts on a fresh one). A job is retried on a new connection only if the old
    // one failed before a single byte of it was accepted.
    TransportResult send(std::span<const uint8_t> job, std::span<const size_t> chunk_ends,
                         std::chrono::milliseconds deadline) override;
    std::string describe() const override;  // "tcp://10.0.0.9:9100", "tcp://[::1]:9100"
    void close() override;
    bool can_receive() const override { return true; }
    // A closed or reset connection is closed here too (Disconnected), so the next send reconnects.
    ReceiveResult receive(std::span<uint8_t> into, std::chrono::milliseconds timeout) override;
    size_t discard_input() override;
    bool connected() const { return fd_ >= 0; }

  private:
    TransportResult connect_until(SteadyTime deadline);
    bool idle_connection_usable();
    TransportResult write_chunks(std::span<const uint8_t> job, std::span<const size_t> chunk_ends,
                                 SteadyTime deadline, std::chrono::milliseconds budget);

    std::string host_;
    uint16_t port_;
    TransportTimeouts timeouts_;
    int fd_ = -1;
};

}  // namespace kiosk::printer
