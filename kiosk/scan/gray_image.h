#pragma once
// 8-bit luminance images for the barcode decoder: an owning image (loaded from PNG/JPEG with
// libstb, or rendered by tests) and a non-owning view (a camera frame's Y plane, with stride).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::scan {

// Non-owning: rows of `width` luminance bytes, `stride` bytes apart (0 = black, 255 = white).
struct GrayView {
    const uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;  // 0 = width
    int row_stride() const { return stride == 0 ? width : stride; }
    bool valid() const {
        return data != nullptr && width > 0 && height > 0 && row_stride() >= width;
    }
};

struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;  // width × height, no padding

    GrayImage() = default;
    GrayImage(int w, int h, uint8_t fill = 255)
        : width(w), height(h), pixels(static_cast<size_t>(w) * static_cast<size_t>(h), fill) {}
    GrayView view() const { return {pixels.data(), width, height, width}; }
    uint8_t& at(int x, int y) { return pixels[static_cast<size_t>(y) * width + x]; }
    uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

struct ImageLoadResult {
    std::optional<GrayImage> image;
    std::string error;  // set when image is empty: which file and why (stb's reason)
    bool ok() const { return image.has_value(); }
};

// PNG, JPEG, BMP, GIF (first frame), PGM/PPM via stb_image. Colour is converted to luminance
// with ZXing's own weights ((306 R + 601 G + 117 B + 512) >> 10), so a still decodes exactly as
// ZXing's test runner sees it. Images larger than kMaxImagePixels are refused.
ImageLoadResult load_gray_image(const std::string& path);
ImageLoadResult load_gray_image_from_memory(const uint8_t* data, size_t size,
                                            const std::string& name = "<memory>");

inline constexpr long long kMaxImagePixels = 64LL * 1024 * 1024;

}  // namespace kiosk::scan
