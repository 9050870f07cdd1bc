#pragma once
// Pixel operations the Thorough decode mode retries with (and tests reuse to build variants).
#include "kiosk/scan/gray_image.h"

namespace kiosk::scan {

// 255 − y: white-on-black codes (phone dark mode) become decodable; ZXing 1.4 has no tryInvert.
GrayImage inverted(const GrayView& src);

// Linear stretch of the 1st…99th percentile grey levels to 0…255: faint print and glossy,
// over-exposed paper (ZXing's binarizers give up on some low-contrast symbols).
GrayImage contrast_stretched(const GrayView& src);

// Rotation by `degrees` (counter-clockwise as seen on screen, y down) about the centre, bilinear,
// onto a canvas just large enough for the whole image; uncovered pixels are white.
GrayImage rotated(const GrayView& src, double degrees);

// Maps a point of rotated(src, degrees) back into src's coordinates.
void unrotate_point(const GrayView& src, double degrees, double& x, double& y);

}  // namespace kiosk::scan
