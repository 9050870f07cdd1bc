#pragma once
// QR code (libqrencode, ECC M, case-sensitive) drawn into a MonoBitmap at an integer module
// scale with a 4-module quiet zone. Printed QR payloads are ASCII only: keyboard-wedge
// scanners at the counters cannot type anything else.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/mono_bitmap.h"

namespace kiosk::print {

struct QrOptions {
    int max_width = 0;   // dots available, quiet zone included (required, > 0)
    int min_scale = 2;   // dots per module; below 2 dots (0.25 mm) phones struggle
    int max_scale = 12;  // cap so a short payload does not become a huge square
    int quiet_zone = 4;  // modules of white on every side (the QR standard's minimum)
};

struct QrRaster {
    MonoBitmap bitmap;  // square: (modules + 2 × quiet_zone) × scale dots
    int version = 0;    // 1–40
    int modules = 0;    // symbol width in modules, without the quiet zone
    int scale = 0;      // dots per module
};

struct QrResult {
    std::optional<QrRaster> qr;
    std::string error;  // set when qr is empty: what is wrong with which payload / width
    bool ok() const { return qr.has_value(); }
};

// Largest integer scale (within [min_scale, max_scale]) whose symbol plus quiet zone fits
// max_width. Errors: empty payload, a byte outside printable ASCII (0x20–0x7E), a payload too
// long for a version-40 symbol, or a symbol that does not fit max_width at min_scale.
QrResult render_qr(std::string_view payload, const QrOptions& options);

}  // namespace kiosk::print
