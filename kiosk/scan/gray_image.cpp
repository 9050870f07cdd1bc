#include "kiosk/scan/gray_image.h"

// Debian's libstb contains the implementation; only the declarations are included here.
#include <stb_image.h>

#include <climits>
#include <memory>

namespace kiosk::scan {
namespace {

struct StbFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

ImageLoadResult from_rgb(unsigned char* rgb, int w, int h, const std::string& name) {
    std::unique_ptr<unsigned char, StbFree> owned(rgb);
    ImageLoadResult out;
    if (!rgb) {
        const char* why = stbi_failure_reason();
        out.error = name + ": cannot load image: " + (why ? why : "unknown stb_image error");
        return out;
    }
    if (w <= 0 || h <= 0 || static_cast<long long>(w) * h > kMaxImagePixels) {
        out.error = name + ": image size " + std::to_string(w) + "x" + std::to_string(h) +
                    " is empty or larger than " + std::to_string(kMaxImagePixels) + " pixels";
        return out;
    }
    GrayImage image(w, h);
    const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
    for (size_t i = 0; i < n; ++i) {
        const unsigned r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
        image.pixels[i] = static_cast<uint8_t>((306 * r + 601 * g + 117 * b + 512) >> 10);
    }
    out.image = std::move(image);
    return out;
}

}  // namespace

ImageLoadResult load_gray_image(const std::string& path) {
    int w = 0, h = 0, channels = 0;
    if (stbi_info(path.c_str(), &w, &h, &channels) &&
        static_cast<long long>(w) * h > kMaxImagePixels)
        return {std::nullopt, path + ": image size " + std::to_string(w) + "x" + std::to_string(h) +
                                  " is larger than " + std::to_string(kMaxImagePixels) + " pixels"};
    unsigned char* rgb = stbi_load(path.c_str(), &w, &h, &channels, 3);
    return from_rgb(rgb, w, h, path);
}

ImageLoadResult load_gray_image_from_memory(const uint8_t* data, size_t size,
                                            const std::string& name) {
    if (data == nullptr || size == 0 || size > static_cast<size_t>(INT_MAX))
        return {std::nullopt, name + ": empty or oversized image buffer"};
    int w = 0, h = 0, channels = 0;
    const int len = static_cast<int>(size);
    if (stbi_info_from_memory(data, len, &w, &h, &channels) &&
        static_cast<long long>(w) * h > kMaxImagePixels)
        return {std::nullopt,
                name + ": image larger than " + std::to_string(kMaxImagePixels) + " pixels"};
    unsigned char* rgb = stbi_load_from_memory(data, len, &w, &h, &channels, 3);
    return from_rgb(rgb, w, h, name);
}

}  // namespace kiosk::scan
