#pragma once
// How job bytes reach a printer. A transport only moves bytes: "written" means the OS (or the
// printer's socket) accepted them, not that paper came out (status/confirm comes later).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk::printer {

enum class TransportError {
    None,
    InvalidUri,      // the printer URI could not be parsed
    OpenFailed,      // file: the path could not be opened for appending
    ResolveFailed,   // tcp: the host name did not resolve
    ConnectFailed,   // tcp: refused / unreachable
    ConnectTimeout,  // tcp: no answer within the connect timeout (or the job deadline)
    WriteTimeout,    // the job deadline passed with bytes still unsent (printer not reading)
    WriteFailed,     // the OS rejected a write (ENOSPC, EIO, …)
    Disconnected,    // the peer closed or reset the connection during the job
    ReadFailed,      // reading a reply failed (EIO, …) or the transport cannot read at all
    DeviceGone,      // usb/serial: the device node vanished (ENODEV/ENXIO: unplugged)
};

std::string_view to_string(TransportError error);

struct TransportResult {
    bool ok = false;
    TransportError error = TransportError::None;
    std::string detail;  // what, where and why: "tcp://10.0.0.9:9100: connect: Connection refused"
    size_t bytes_written = 0;  // of this job, accepted by the OS before the result
    bool reconnected = false;  // tcp: a stale idle connection was replaced before sending

    static TransportResult success(size_t written) {
        TransportResult r;
        r.ok = true;
        r.bytes_written = written;
        return r;
    }
    static TransportResult failure(TransportError error, std::string detail, size_t written = 0) {
        TransportResult r;
        r.error = error;
        r.detail = std::move(detail);
        r.bytes_written = written;
        return r;
    }
};

struct ReceiveResult {
    bool ok = false;  // false: the link failed (error/detail set); ok with bytes == 0: timeout
    TransportError error = TransportError::None;
    std::string detail;
    size_t bytes = 0;
};

struct TransportTimeouts {
    std::chrono::milliseconds connect{3000};  // tcp connect (also bounded by the job deadline)
};

class PrinterTransport {
  public:
    virtual ~PrinterTransport() = default;

    // Sends one whole job. `chunk_ends` are cumulative end offsets (EncodedJob::chunk_ends): the
    // transport issues one write per chunk where the medium benefits from it; empty = one chunk.
    // `deadline` bounds the whole call (connect + all writes), measured from the call.
    // Not thread-safe: one owner thread per printer.
    virtual TransportResult send(std::span<const uint8_t> job, std::span<const size_t> chunk_ends,
                                 std::chrono::milliseconds deadline) = 0;

    // "file:/var/lib/motcua-kiosk/printer.bin", "tcp://10.0.0.9:9100" — for logs and errors.
    virtual std::string describe() const = 0;

    // Drops any open connection (the next send opens a new one).
    virtual void close() {}

    // --- the way back (status replies) ---------------------------------------------------------
    // True when the medium can carry replies (tcp, serial, usb). file: cannot.
    virtual bool can_receive() const { return false; }
    // Waits up to `timeout` for the first byte, then returns what is already there (at most
    // into.size()). Needs an open link (a send opens it); otherwise fails with Disconnected.
    virtual ReceiveResult receive(std::span<uint8_t> into, std::chrono::milliseconds timeout);
    // Throws away replies nobody waited for (stale answers make the next query lie).
    virtual size_t discard_input() { return 0; }
    // False when a half-sent command cannot linger at the other end (a plain file), so the
    // NUL-burst resynchronisation after errors is pointless.
    virtual bool needs_resync() const { return true; }
};

}  // namespace kiosk::printer
