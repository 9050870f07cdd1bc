#pragma once
// The real print path for a ticket: render the slip (FreeType + QR) → ESC/POS raster job →
// printer transport, plus an optional PNG preview of exactly the bitmap that was sent.
// Runs on the worker thread; one instance owns the printer connection.
#include <chrono>
#include <memory>
#include <string>

#include "drivers/printer/printer_transport.h"
#include "kiosk/core/config.h"
#include "kiosk/core/ticket_issuer.h"

namespace kiosk::app {

struct PrintTimings {
    std::chrono::microseconds render{0};
    std::chrono::microseconds encode{0};
    std::chrono::microseconds send{0};
    size_t bytes = 0;
};

class TicketPrinter {
public:
    // Throws std::invalid_argument with the URI parser's message when the URI is unusable.
    TicketPrinter(const KioskConfig& config, const std::string& printer_uri, std::string preview_dir);

    PrintAttempt print(const TicketSlip& slip);
    const PrintTimings& last_timings() const { return timings_; }
    std::string describe() const { return transport_->describe(); }

private:
    const KioskConfig& config_;
    std::unique_ptr<printer::PrinterTransport> transport_;
    std::string preview_dir_;
    PrintTimings timings_;
};

}  // namespace kiosk::app
