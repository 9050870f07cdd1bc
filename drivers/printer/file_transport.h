#pragma once
// `file:PATH` printer: appends each job to a file (tests, demos, spooling to disk). The file is
// opened per job (O_APPEND|O_CREAT) so it may be rotated or deleted between jobs. Each job goes
// out in one write() where the OS allows it, so a concurrent reader or another appender never
// sees two jobs interleaved. Non-regular files (FIFOs, character devices) are written
// non-blocking and bounded by the job deadline.
#include <string>

#include "drivers/printer/printer_transport.h"

namespace kiosk::printer {

class FileTransport final : public PrinterTransport {
  public:
    explicit FileTransport(std::string path) : path_(std::move(path)) {}

    // chunk_ends is ignored: splitting would only create interleaving points.
    TransportResult send(std::span<const uint8_t> job, std::span<const size_t> chunk_ends,
                         std::chrono::milliseconds deadline) override;
    std::string describe() const override { return "file:" + path_; }
    bool needs_resync() const override { return false; }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace kiosk::printer
