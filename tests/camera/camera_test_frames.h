#pragma once
// Camera frames on disk for FileCamera / multifilesrc tests: synthetic receipts (tests/scan's
// receipt_images) placed on a grey 1280×720 canvas like a receipt held up to the camera, and
// empty frames (no code in view).
#include <string>
#include <vector>

#include "kiosk/scan/gray_image.h"

namespace kiosk::camera::testing {

inline constexpr const char* kReceiptCode = "000.00.21.H41-250312-0007";
inline constexpr const char* kReceiptUrl =
    "https://dichvucong.nghean.gov.vn/portaldvc/tra-cuu?MHS=000.00.21.H41-250312-0007";

// A 1280×720 frame with a receipt (QR = `qr_payload`, Code 128 = `code128_payload`, either may
// be empty) in the middle.
scan::GrayImage receipt_frame(const std::string& qr_payload, const std::string& code128_payload,
                              int width = 1280, int height = 720);
// A frame with nothing to read: a gradient, so it is not trivially uniform.
scan::GrayImage empty_frame(int width = 1280, int height = 720);

// Writes `frames` as `dir/001.png`, `002.png`, … (the numbering multifilesrc's %03d expects,
// starting at `first_index`); fails the test on a write error.
void write_frames(const std::string& dir, const std::vector<scan::GrayImage>& frames,
                  int first_index = 1);

}  // namespace kiosk::camera::testing
