#pragma once
// Reads a file-transport printer capture the way the paper would come out: job by job, each
// raster decoded back to an image and its QR code scanned with ZXing.
#include <string>
#include <vector>

#include "drivers/printer/escpos_decoder.h"

namespace kiosk::test {

struct PrintedTicket {
    printer::DecodedJob job;
    std::string qr_text;  // empty when no QR could be read (e.g. a job cut off by a crash)
    std::string number;   // last path segment of the ticket URL
};

std::vector<PrintedTicket> read_printed_tickets(const std::string& path);

}  // namespace kiosk::test
