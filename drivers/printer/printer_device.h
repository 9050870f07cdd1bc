#pragma once
// One printer: a transport plus its profile. Runs every job as
//   [resync: NUL burst + ESC @] → [status check, fail fast] → banded send → [confirm]
// and reports one typed PrintOutcome (notes §5, §9). Resync runs before the first job and after
// every failed one, so a printer left waiting inside a half-received GS v 0 swallows NULs
// instead of the next ticket. Printers that answer nothing get a software paper counter.
// Not thread-safe: one owner thread per printer (the kiosk's worker).
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "drivers/printer/escpos_encoder.h"
#include "drivers/printer/paper_counter.h"
#include "drivers/printer/print_outcome.h"
#include "drivers/printer/printer_status.h"
#include "drivers/printer/printer_transport.h"
#include "kiosk/core/config.h"

namespace kiosk::printer {

struct PrinterProfile {
    int dots = 576;
    int dpi = 203;
    int band_rows = 256;
    PrinterStatusSupport status = PrinterStatusSupport::None;
    int paper_roll_mm = 0;
    int paper_low_mm = 3000;
    std::chrono::milliseconds job_timeout{5000};
    std::chrono::milliseconds status_timeout{1000};
    std::chrono::milliseconds confirm_timeout{15000};
    static PrinterProfile from_config(const PrinterConfig& config);
};

struct PrintOutcome {
    PrintFault fault = PrintFault::None;
    bool bytes_sent = false;  // some of the ticket may be on paper
    bool confirmed = false;   // the printer said it finished (GS r 1 / status after the job)
    std::string detail;       // precise cause for the log and staff
    std::optional<PrinterStatus> status;  // the last status read, if any
    bool paper_low = false;               // sensor near end or the software counter is low
    bool ok() const { return fault == PrintFault::None; }
};

struct StatusReport {
    bool supported = false;               // the profile and the transport allow queries
    PrintFault fault = PrintFault::None;  // None = ready (or unsupported)
    PrinterStatus status;
    std::string detail;
};

class PrinterDevice {
  public:
    PrinterDevice(std::unique_ptr<PrinterTransport> transport, PrinterProfile profile,
                  std::string paper_state_path = {});

    // Sends one encoded job. `paper_mm`: paper the job uses (for the software counter).
    PrintOutcome print(const EncodedJob& job, double paper_mm);
    // Drains stale replies and asks DLE EOT 1..4 (when the profile says the printer answers).
    // Also the heartbeat for the staff status line; resyncs first if a job failed.
    StatusReport query_status();

    // "Máy in: hết giấy — thay cuộn mới | Printer tcp://…: paper out — load a new roll — <detail>"
    // from the latest job or status query, plus the software paper counter when enabled.
    std::string status_line() const;
    // The fault from the latest job or status query (None = ready as far as we know) and its
    // precise cause.
    PrintFault current_fault() const { return current_fault_; }
    const std::string& current_detail() const { return current_detail_; }
    const PrintOutcome& last_outcome() const { return last_; }
    bool status_supported() const;
    bool resync_pending() const { return resync_pending_; }
    PaperCounter& paper_counter() { return paper_; }
    PrinterTransport& transport() { return *transport_; }
    const PrinterProfile& profile() const { return profile_; }

    // NULs that complete the longest raster band we could have left half-sent, then ESC @.
    std::vector<uint8_t> resync_bytes() const;

  private:
    bool resync(std::string& detail, PrintFault& fault);
    StatusReport read_status(std::chrono::milliseconds timeout);
    PrintOutcome finish(PrintOutcome outcome);

    std::unique_ptr<PrinterTransport> transport_;
    PrinterProfile profile_;
    PaperCounter paper_;
    bool resync_pending_ = true;
    PrintOutcome last_;
    std::optional<PrinterStatus> last_status_;
    PrintFault current_fault_ = PrintFault::None;  // from the last job or status query
    std::string current_detail_;
};

// Paper a raster job uses: rows at the profile's dpi plus the feed lines and the cutter margin.
double job_paper_mm(int raster_rows, int feed_lines, int dpi);

}  // namespace kiosk::printer
