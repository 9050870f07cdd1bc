#include "ticket_printer.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "drivers/printer/escpos_encoder.h"
#include "drivers/printer/printer_uri.h"
#include "kiosk/print/png_writer.h"
#include "kiosk/print/ticket_renderer.h"

namespace kiosk::app {

using Clock = std::chrono::steady_clock;
using std::chrono::duration_cast;
using std::chrono::microseconds;

TicketPrinter::TicketPrinter(const KioskConfig& config, const std::string& printer_uri, std::string preview_dir)
    : config_(config), preview_dir_(std::move(preview_dir)) {
    std::string error;
    transport_ = printer::open_printer_transport(printer_uri, {std::chrono::milliseconds(config.printer.timeout_ms)},
                                                 &error);
    if (!transport_) throw std::invalid_argument(error);
    // Loads the fonts now: a missing font stops start-up with its path instead of failing the
    // first citizen's ticket, and the first ticket is as fast as the rest.
    print::prepare_ticket_renderer(print::TicketRenderOptions::from_config(config.printer, config.display));
}

PrintAttempt TicketPrinter::print(const TicketSlip& slip) {
    const auto t0 = Clock::now();
    const MonoBitmap bitmap =
        print::render_ticket(slip, print::TicketRenderOptions::from_config(config_.printer, config_.display));
    const auto t1 = Clock::now();
    const printer::EncodedJob job = printer::encode_raster_job(bitmap, printer::raster_job_options(config_.printer));
    const auto t2 = Clock::now();
    if (!job.ok()) return {false, false, "encode_failed", job.error};
    const printer::TransportResult sent =
        transport_->send(job.bytes, job.chunk_ends, std::chrono::milliseconds(config_.printer.timeout_ms));
    const auto t3 = Clock::now();
    timings_ = {duration_cast<microseconds>(t1 - t0), duration_cast<microseconds>(t2 - t1),
                duration_cast<microseconds>(t3 - t2), job.bytes.size()};

    if (!preview_dir_.empty()) {
        // After the send, so a slow disk never delays the paper.
        const std::string path = preview_dir_ + "/ticket-" + slip.number + ".png";
        if (auto r = print::write_png(path, bitmap); !r.ok()) spdlog::warn("ticket preview not saved: {}", r.error);
    }
    if (sent.ok) return {true, true, "", ""};
    return {false, sent.bytes_written > 0, std::string(printer::to_string(sent.error)), sent.detail};
}

}  // namespace kiosk::app
