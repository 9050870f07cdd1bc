#pragma once
// Decodes every barcode in a test image with ZXing-C++ (1.4), so print tests can check that what
// we print is what a scanner reads.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/mono_bitmap.h"

namespace kiosk::testing {

struct DecodedBarcode {
    std::string format;  // ZXing's name: "QRCode", "Code128", …
    std::string text;    // UTF-8
};

struct DecodeResult {
    std::vector<DecodedBarcode> barcodes;
    std::string error;  // set when ZXing threw or the input was unusable
};

DecodeResult decode_barcodes(const MonoBitmap& bitmap);
// 8-bit grey (0 = black), `stride` bytes per row (0 = width).
DecodeResult decode_barcodes_gray8(const uint8_t* pixels, int width, int height, int stride = 0);

}  // namespace kiosk::testing
