#pragma once
// Camera-frame clean-up before QR detection. MJPEG frames carry 8×8 block artefacts and sensor
// noise that ZXing's HybridBinarizer turns into speckle wherever the scene is flat; its QR finder
// then verifies thousands of speckle "finder patterns" (2–3× the decode time of a clean frame).
// Replacing each low-contrast 8×8 block by its mean removes the speckle, while every block that
// holds a module edge of a printed code (contrast far above the noise) is copied unchanged.
#include "kiosk/scan/gray_image.h"

namespace kiosk::scan {

// Default: blocks whose max − min is at most this are flattened (JPEG q85 noise of ±12 grey
// levels stays below it; a receipt printed at 40…210 is far above it).
inline constexpr int kFlatBlockMaxRange = 32;

// A copy of `region` (x, y, w, h inside `frame`, clipped), every `step`-th pixel of it (1 = full
// resolution), with low-contrast 8×8 blocks of the copy flattened to their mean.
GrayImage flatten_low_contrast_blocks(const GrayView& frame, int x, int y, int w, int h,
                                      int step = 1, int max_range = kFlatBlockMaxRange);

}  // namespace kiosk::scan
