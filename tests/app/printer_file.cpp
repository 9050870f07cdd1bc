#include "printer_file.h"

#include <fstream>
#include <iterator>

#include "support/qr_decode.h"

namespace kiosk::test {

std::vector<PrintedTicket> read_printed_tickets(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    std::vector<PrintedTicket> out;
    for (auto& job : printer::decode_escpos(bytes)) {
        PrintedTicket t;
        t.job = std::move(job);
        if (!t.job.raster.empty()) {
            for (const auto& b : testing::decode_barcodes(t.job.raster).barcodes)
                if (b.format == "QRCode") t.qr_text = b.text;
        }
        if (const auto slash = t.qr_text.rfind('/'); slash != std::string::npos)
            t.number = t.qr_text.substr(slash + 1);
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace kiosk::test
