#pragma once
// PNG files for ticket previews and UI screenshots, written atomically: the image goes to a
// temporary file in the target directory, is flushed to disk, then renamed over the target, so
// a crash never leaves a half-written PNG behind.
#include <cstdint>
#include <string>

#include "kiosk/core/mono_bitmap.h"

namespace kiosk::print {

struct PngWriteResult {
    std::string error;  // empty on success; otherwise what failed, on which path, and why
    bool ok() const { return error.empty(); }
};

// 1-bit bitmap → 8-bit grey PNG (black = 0, white = 255).
PngWriteResult write_png(const std::string& path, const MonoBitmap& bitmap);
// 8-bit grey pixels, `stride` bytes per row (0 = width).
PngWriteResult write_png_gray8(const std::string& path, int width, int height,
                               const uint8_t* pixels, int stride = 0);
// RGBA8 pixels (R, G, B, A bytes), `stride` bytes per row (0 = 4 × width).
PngWriteResult write_png_rgba8(const std::string& path, int width, int height,
                               const uint8_t* pixels, int stride = 0);

}  // namespace kiosk::print
