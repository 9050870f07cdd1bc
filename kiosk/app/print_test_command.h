#pragma once
// `kiosk print-test [--printer URI]`: asks the printer for its status, then prints a test page —
// the printer and its status, a Vietnamese pangram with every tone mark, a QR code and a ruler
// of the dot width — through the same PrinterDevice as tickets, and says what happened.
#include <ostream>
#include <string>

#include "drivers/printer/printer_device.h"
#include "kiosk/core/config.h"
#include "kiosk/core/mono_bitmap.h"

namespace kiosk::app {

// The QR payload on the test page (ASCII, what a scanner at the counter should read).
std::string test_page_qr_payload(const PrinterConfig& printer);

// The page as one bitmap, config.printer.dots wide. Throws print::RenderError (fonts, QR).
MonoBitmap render_test_page(const KioskConfig& config, const std::string& printer_description,
                            const std::string& status_text);

struct TestPageResult {
    printer::StatusReport status;  // asked before the page
    int width = 0, height = 0;     // dots
    size_t bytes = 0;
    int bands = 0;
    printer::PrintOutcome outcome;
};

// Asks the printer for its status, then prints the test page through `device` (the same path as
// tickets). Throws print::RenderError (fonts, QR).
TestPageResult print_test_page_on(printer::PrinterDevice& device, const KioskConfig& config);

// Returns kExitOk when the page printed, kExitFailure (with the cause on `err`) otherwise.
int print_test_command(const KioskConfig& config, const std::string& printer_uri, std::ostream& out,
                       std::ostream& err);

}  // namespace kiosk::app
