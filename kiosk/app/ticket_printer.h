#pragma once
// The real print path for a ticket: render the slip (FreeType + QR) → ESC/POS raster job →
// PrinterDevice (resync, status check, banded send, confirmation; see
// drivers/printer/printer_device.h), plus an optional PNG preview of exactly the bitmap that
// was sent. Runs on the worker thread; one instance owns the printer.
#include <chrono>
#include <memory>
#include <string>

#include "drivers/printer/printer_device.h"
#include "kiosk/core/config.h"
#include "kiosk/core/ticket_issuer.h"

namespace kiosk::app {

struct PrintTimings {
    std::chrono::microseconds render{0};
    std::chrono::microseconds encode{0};
    std::chrono::microseconds send{0};  // the device's whole job: resync, status, send, confirm
    size_t bytes = 0;
};

// The device's outcome as the issuer's PrintAttempt: error_code is printer::error_code(fault)
// ("paper_out", "cover_open", …), detail the precise cause.
PrintAttempt to_print_attempt(const printer::PrintOutcome& outcome);

class TicketPrinter {
  public:
    // Throws std::invalid_argument with the URI parser's message when the URI is unusable.
    // paper_state_path: where the software paper counter is kept (empty: memory only).
    TicketPrinter(const KioskConfig& config, const std::string& printer_uri,
                  std::string preview_dir, std::string paper_state_path = {});

    PrintAttempt print(const TicketSlip& slip);
    const PrintTimings& last_timings() const { return timings_; }
    std::string describe() const { return device_->transport().describe(); }

    // The staff screen (next issue) reaches status, paper counter and reprint through the
    // device: PrinterDevice::status_line(), query_status(), paper_counter().
    printer::PrinterDevice& device() { return *device_; }

  private:
    const KioskConfig& config_;
    std::unique_ptr<printer::PrinterDevice> device_;
    std::string preview_dir_;
    PrintTimings timings_;
};

}  // namespace kiosk::app
