#pragma once
// `kiosk print-test [--printer URI]`: asks the printer for its status, then prints a test page —
// the printer and its status, a Vietnamese pangram with every tone mark, a QR code and a ruler
// of the dot width — through the same PrinterDevice as tickets, and says what happened.
#include <ostream>
#include <string>

#include "kiosk/core/config.h"
#include "kiosk/core/mono_bitmap.h"

namespace kiosk::app {

// The QR payload on the test page (ASCII, what a scanner at the counter should read).
std::string test_page_qr_payload(const PrinterConfig& printer);

// The page as one bitmap, config.printer.dots wide. Throws print::RenderError (fonts, QR).
MonoBitmap render_test_page(const KioskConfig& config, const std::string& printer_description,
                            const std::string& status_text);

// Returns kExitOk when the page printed, kExitFailure (with the cause on `err`) otherwise.
int print_test_command(const KioskConfig& config, const std::string& printer_uri, std::ostream& out,
                       std::ostream& err);

}  // namespace kiosk::app
