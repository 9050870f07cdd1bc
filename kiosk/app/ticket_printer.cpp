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

PrintAttempt to_print_attempt(const printer::PrintOutcome& outcome) {
    if (outcome.ok()) return PrintAttempt::printed();
    PrintAttempt attempt = PrintAttempt::failed(std::string(printer::error_code(outcome.fault)),
                                                outcome.detail, outcome.bytes_sent);
    attempt.whole_job_sent = outcome.fault == printer::PrintFault::Unconfirmed;
    const printer::CitizenText citizen = printer::citizen_message(outcome.fault);
    attempt.citizen_vi = citizen.vi;
    attempt.citizen_en = citizen.en;
    return attempt;
}

TicketPrinter::TicketPrinter(const KioskConfig& config, const std::string& printer_uri,
                             std::string preview_dir, std::string paper_state_path)
    : config_(config), preview_dir_(std::move(preview_dir)) {
    std::string error;
    auto transport = printer::open_printer_transport(
        printer_uri, {std::chrono::milliseconds(config.printer.timeout_ms)}, &error);
    if (!transport) throw std::invalid_argument(error);
    device_ = std::make_unique<printer::PrinterDevice>(
        std::move(transport), printer::PrinterProfile::from_config(config.printer),
        std::move(paper_state_path));
    if (!device_->paper_counter().load_error().empty())
        spdlog::warn("paper counter: {}", device_->paper_counter().load_error());
    // Loads the fonts now: a missing font stops start-up with its path instead of failing the
    // first citizen's ticket, and the first ticket is as fast as the rest.
    print::prepare_ticket_renderer(
        print::TicketRenderOptions::from_config(config.printer, config.display));
}

PrintAttempt TicketPrinter::print(const TicketSlip& slip) {
    const auto t0 = Clock::now();
    printer::RasterJobOptions options = printer::raster_job_options(config_.printer);
    TicketSlip drawn = slip;
    if (config_.printer.native_qr && !slip.qr_payload.empty()) {
        options.native_qr = slip.qr_payload;  // the printer draws it; the raster leaves it out
        drawn.qr_payload.clear();
    }
    const MonoBitmap bitmap = print::render_ticket(
        drawn, print::TicketRenderOptions::from_config(config_.printer, config_.display));
    const auto t1 = Clock::now();
    const printer::EncodedJob job = printer::encode_raster_job(bitmap, options);
    const auto t2 = Clock::now();
    const printer::PrintOutcome outcome = device_->print(
        job,
        printer::job_paper_mm(bitmap.height(), config_.printer.feed_lines, config_.printer.dpi));
    const auto t3 = Clock::now();
    timings_ = {duration_cast<microseconds>(t1 - t0), duration_cast<microseconds>(t2 - t1),
                duration_cast<microseconds>(t3 - t2), job.bytes.size()};

    if (!preview_dir_.empty()) {
        // After the send, so a slow disk never delays the paper.
        const std::string path = preview_dir_ + "/ticket-" + slip.number + ".png";
        if (auto r = print::write_png(path, bitmap); !r.ok())
            spdlog::warn("ticket preview not saved: {}", r.error);
    }
    if (!outcome.ok())
        spdlog::warn("ticket {} not printed: {} — {}", slip.number,
                     printer::error_code(outcome.fault), outcome.detail);
    if (outcome.paper_low) spdlog::warn("printer paper low: {}", device_->status_line());
    return to_print_attempt(outcome);
}

}  // namespace kiosk::app
