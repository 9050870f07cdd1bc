#include "support/qr_decode.h"

#include <ZXing/ReadBarcode.h>

#include <exception>

namespace kiosk::testing {

DecodeResult decode_barcodes_gray8(const uint8_t* pixels, int width, int height, int stride) {
    DecodeResult out;
    if (pixels == nullptr || width <= 0 || height <= 0 || (stride != 0 && stride < width)) {
        out.error = "decode_barcodes: invalid image " + std::to_string(width) + "x" +
                    std::to_string(height) + " stride " + std::to_string(stride);
        return out;
    }
    try {
        const ZXing::ImageView view(pixels, width, height, ZXing::ImageFormat::Lum, stride);
        ZXing::DecodeHints hints;
        hints.setTryHarder(true);
        hints.setTryRotate(false);  // tickets are never printed rotated
        for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints)) {
            if (!r.isValid()) continue;
            out.barcodes.push_back({ZXing::ToString(r.format()), r.text()});
        }
    } catch (const std::exception& e) {
        out.error = std::string("ZXing threw: ") + e.what();
    } catch (...) {
        out.error = "ZXing threw a non-standard exception";
    }
    return out;
}

DecodeResult decode_barcodes(const MonoBitmap& bitmap) {
    if (bitmap.empty()) return {{}, "decode_barcodes: empty bitmap"};
    const std::vector<uint8_t> gray = bitmap.to_gray8();
    return decode_barcodes_gray8(gray.data(), bitmap.width(), bitmap.height(), bitmap.width());
}

}  // namespace kiosk::testing
