#include "camera_test_frames.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "kiosk/print/png_writer.h"
#include "receipt_images.h"

namespace kiosk::camera::testing {

scan::GrayImage receipt_frame(const std::string& qr_payload, const std::string& code128_payload,
                              int width, int height) {
    scan::testing::ReceiptSpec spec;
    spec.qr_payload = qr_payload;
    spec.code128_payload = code128_payload;
    spec.dossier_code = kReceiptCode;
    const scan::GrayImage receipt = scan::testing::render_receipt(spec);
    // As large as fits in 90 % of the frame (a receipt held close), never enlarged.
    const double fit = std::min({0.9 * height / receipt.height, 0.9 * width / receipt.width, 1.0});
    const int w = static_cast<int>(receipt.width * fit), h = static_cast<int>(receipt.height * fit);
    return scan::testing::place_on_canvas(receipt, fit, width, height, (width - w) / 2,
                                          (height - h) / 2, 150);
}

scan::GrayImage empty_frame(int width, int height) {
    scan::GrayImage frame(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            frame.at(x, y) = static_cast<uint8_t>(60 + (x + y) % 120);
    return frame;
}

void write_frames(const std::string& dir, const std::vector<scan::GrayImage>& frames,
                  int first_index) {
    for (size_t i = 0; i < frames.size(); ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "%03d.png", first_index + static_cast<int>(i));
        const auto result = print::write_png_gray8(dir + "/" + name, frames[i].width,
                                                   frames[i].height, frames[i].pixels.data());
        REQUIRE_MESSAGE(result.ok(), result.error);
    }
}

}  // namespace kiosk::camera::testing
