#include "kiosk/app/lookup_slip_printer.h"

#include <spdlog/spdlog.h>

#include "drivers/printer/escpos_encoder.h"
#include "kiosk/app/ticket_printer.h"
#include "kiosk/print/png_writer.h"

namespace kiosk::app {

PrintAttempt print_status_slip(printer::PrinterDevice& device, const KioskConfig& config,
                               const MonoBitmap& slip, const std::string& code,
                               const std::string& preview_dir) {
    const printer::EncodedJob job =
        printer::encode_raster_job(slip, printer::raster_job_options(config.printer));
    const printer::PrintOutcome outcome = device.print(
        job, printer::job_paper_mm(slip.height(), config.printer.feed_lines, config.printer.dpi));
    if (!preview_dir.empty()) {
        // After the send, so a slow disk never delays the paper.
        if (auto r = print::write_png(preview_dir + "/status-" + code + ".png", slip); !r.ok())
            spdlog::warn("status slip preview not saved: {}", r.error);
    }
    return to_print_attempt(outcome);
}

}  // namespace kiosk::app
