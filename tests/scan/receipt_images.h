#pragma once
// Synthetic receipts ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả") for decode tests and the
// benchmark: Vietnamese text (kiosk::print), a QR code (libqrencode via kiosk/print/qr_raster.h)
// and a Code 128 barcode (ZXing's MultiFormatWriter), plus the distortions a camera adds.
#include <string>

#include "kiosk/core/mono_bitmap.h"
#include "kiosk/scan/gray_image.h"

namespace kiosk::scan::testing {

// Code 128 of `text` with `module_px` pixels per module, `height_px` tall, 10-module quiet zone.
MonoBitmap render_code128(const std::string& text, int module_px, int height_px);

// A bare QR code with any UTF-8 payload (ZXing's writer, UTF-8 with ECI), `scale` pixels per
// module and a 4-module quiet zone — for payloads the ASCII-only ticket QR renderer refuses,
// such as the CCCD card's Vietnamese fields.
GrayImage render_utf8_qr(const std::string& text, int scale);

struct ReceiptSpec {
    std::string qr_payload;       // lookup URL or bare code ("" = no QR)
    std::string code128_payload;  // bare code ("" = no barcode)
    std::string dossier_code;     // printed as text
    int qr_scale = 4;             // dots per QR module
    int bar_module = 2;           // dots per Code 128 module
};

// A receipt at least 800 dots wide (wider when the Code 128 needs it) with a 32-pixel white
// border, as 8-bit grey.
GrayImage render_receipt(const ReceiptSpec& spec);

// Distortions (deterministic).
GrayImage rotate_quarter(const GrayImage& src, int quarter_turns);  // clockwise
GrayImage box_blur(const GrayImage& src, int radius, int passes);
// Maps black → `black`, white → `white` and adds ± `noise` (seeded) grey levels.
GrayImage low_contrast(const GrayImage& src, int black, int white, int noise, unsigned seed);
// Places `src` scaled by `scale` (bilinear) at (x, y) on a `width` × `height` canvas filled with
// `background` grey (camera frames with a receipt in them).
GrayImage place_on_canvas(const GrayImage& src, double scale, int width, int height, int x, int y,
                          int background);

}  // namespace kiosk::scan::testing
