#include "kiosk/scan/image_ops.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace kiosk::scan {
namespace {

struct Canvas {
    int width, height;
    double cos_a, sin_a;
};

Canvas canvas_for(const GrayView& src, double degrees) {
    const double a = degrees * std::numbers::pi / 180.0;
    const double c = std::cos(a), s = std::sin(a);
    const int w = static_cast<int>(std::ceil(std::abs(src.width * c) + std::abs(src.height * s)));
    const int h = static_cast<int>(std::ceil(std::abs(src.width * s) + std::abs(src.height * c)));
    return {std::max(w, 1), std::max(h, 1), c, s};
}

}  // namespace

GrayImage inverted(const GrayView& src) {
    GrayImage out(src.width, src.height);
    for (int y = 0; y < src.height; ++y) {
        const uint8_t* row = src.data + static_cast<size_t>(y) * src.row_stride();
        for (int x = 0; x < src.width; ++x)
            out.at(x, y) = static_cast<uint8_t>(255 - row[x]);
    }
    return out;
}

GrayImage contrast_stretched(const GrayView& src) {
    std::array<size_t, 256> histogram{};
    for (int y = 0; y < src.height; ++y) {
        const uint8_t* row = src.data + static_cast<size_t>(y) * src.row_stride();
        for (int x = 0; x < src.width; ++x)
            ++histogram[row[x]];
    }
    const size_t total = static_cast<size_t>(src.width) * static_cast<size_t>(src.height);
    const size_t cut = total / 100;
    int lo = 0, hi = 255;
    for (size_t seen = 0; lo < 255 && seen + histogram[static_cast<size_t>(lo)] <= cut; ++lo)
        seen += histogram[static_cast<size_t>(lo)];
    for (size_t seen = 0; hi > 0 && seen + histogram[static_cast<size_t>(hi)] <= cut; --hi)
        seen += histogram[static_cast<size_t>(hi)];
    GrayImage out(src.width, src.height);
    const int range = std::max(hi - lo, 1);
    for (int y = 0; y < src.height; ++y) {
        const uint8_t* row = src.data + static_cast<size_t>(y) * src.row_stride();
        for (int x = 0; x < src.width; ++x)
            out.at(x, y) = static_cast<uint8_t>(std::clamp((row[x] - lo) * 255 / range, 0, 255));
    }
    return out;
}

void unrotate_point(const GrayView& src, double degrees, double& x, double& y) {
    const Canvas cv = canvas_for(src, degrees);
    const double dx = x - cv.width / 2.0, dy = y - cv.height / 2.0;
    // Inverse of a counter-clockwise (on screen) rotation with y pointing down.
    x = cv.cos_a * dx - cv.sin_a * dy + src.width / 2.0;
    y = cv.sin_a * dx + cv.cos_a * dy + src.height / 2.0;
}

GrayImage rotated(const GrayView& src, double degrees) {
    const Canvas cv = canvas_for(src, degrees);
    GrayImage out(cv.width, cv.height, 255);
    const int stride = src.row_stride();
    for (int y = 0; y < cv.height; ++y) {
        for (int x = 0; x < cv.width; ++x) {
            const double dx = x + 0.5 - cv.width / 2.0, dy = y + 0.5 - cv.height / 2.0;
            const double sx = cv.cos_a * dx - cv.sin_a * dy + src.width / 2.0 - 0.5;
            const double sy = cv.sin_a * dx + cv.cos_a * dy + src.height / 2.0 - 0.5;
            if (sx < -0.5 || sy < -0.5 || sx > src.width - 0.5 || sy > src.height - 0.5) continue;
            const int x0 = std::clamp(static_cast<int>(std::floor(sx)), 0, src.width - 1);
            const int y0 = std::clamp(static_cast<int>(std::floor(sy)), 0, src.height - 1);
            const int x1 = std::min(x0 + 1, src.width - 1), y1 = std::min(y0 + 1, src.height - 1);
            const double fx = std::clamp(sx - x0, 0.0, 1.0), fy = std::clamp(sy - y0, 0.0, 1.0);
            auto px = [&](int xx, int yy) {
                return static_cast<double>(src.data[static_cast<size_t>(yy) * stride + xx]);
            };
            const double v = (px(x0, y0) * (1 - fx) + px(x1, y0) * fx) * (1 - fy) +
                             (px(x0, y1) * (1 - fx) + px(x1, y1) * fx) * fy;
            out.at(x, y) = static_cast<uint8_t>(std::lround(std::clamp(v, 0.0, 255.0)));
        }
    }
    return out;
}

}  // namespace kiosk::scan
