#pragma once
// Sends a rendered status slip through the kiosk's printer — the same PrinterDevice, ESC/POS
// raster encoding and outcome handling as queue tickets (TicketPrinter). Call on the thread that
// owns the printer (the app worker).
#include <string>

#include "drivers/printer/printer_device.h"
#include "kiosk/core/config.h"
#include "kiosk/core/mono_bitmap.h"
#include "kiosk/core/ticket_issuer.h"

namespace kiosk::app {

// preview_dir: also write "status-<code>.png" there after the send ("" = no preview).
PrintAttempt print_status_slip(printer::PrinterDevice& device, const KioskConfig& config,
                               const MonoBitmap& slip, const std::string& code,
                               const std::string& preview_dir);

}  // namespace kiosk::app
