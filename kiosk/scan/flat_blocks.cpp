#include "kiosk/scan/flat_blocks.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace kiosk::scan {
namespace {
using Lanes = uint8_t __attribute__((vector_size(16)));  // GCC vector type: SSE2 min/max/shuffle
constexpr Lanes kEvenBytes = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30};
}  // namespace

GrayImage flatten_low_contrast_blocks(const GrayView& frame, int x, int y, int w, int h, int step,
                                      int max_range) {
    x = std::clamp(x, 0, frame.width);
    y = std::clamp(y, 0, frame.height);
    w = std::clamp(w, 0, frame.width - x);
    h = std::clamp(h, 0, frame.height - y);
    step = std::max(step, 1);
    const int ow = (w + step - 1) / step, oh = (h + step - 1) / step;
    GrayImage out(ow, oh);
    for (int row = 0; row < oh; ++row) {
        const uint8_t* src =
            frame.data + static_cast<size_t>(y + row * step) * frame.row_stride() + x;
        uint8_t* dst = &out.at(0, row);
        if (step == 1) {
            std::memcpy(dst, src, static_cast<size_t>(ow));
            continue;
        }
        int col = 0;
        if (step == 2)  // even bytes of 32 → 16, one shuffle (the half-resolution pass)
            for (; 2 * col + 32 <= w; col += 16) {
                Lanes a, b;
                std::memcpy(&a, src + 2 * col, 16);
                std::memcpy(&b, src + 2 * col + 16, 16);
                const Lanes even = __builtin_shuffle(a, b, kEvenBytes);
                std::memcpy(dst + col, &even, 16);
            }
        for (; col < ow; ++col)
            dst[col] = src[col * step];
    }
    w = ow;
    h = oh;
    // Per 8×8 block: min and max, 16 columns (two blocks) at a time with GCC vector types
    // (SSE2 min/max), the partial last columns scalar. A flat block becomes its mid-range
    // level: within the noise of its mean, and no sum is needed.
    constexpr int kBlock = 8;  // ZXing's HybridBinarizer block size (same grid: the copy's origin)
    const int columns = (w + kBlock - 1) / kBlock;
    std::vector<uint8_t> lo(static_cast<size_t>(columns) + 2), hi(lo.size());
    auto flatten_if_flat = [&](int c, int by, int ye) {
        if (hi[c] - lo[c] > max_range) return;
        const int bx = c * kBlock, xe = std::min(bx + kBlock, w);
        const auto level = static_cast<uint8_t>((lo[c] + hi[c] + 1) / 2);
        for (int row = by; row < ye; ++row)
            std::memset(&out.at(bx, row), level, static_cast<size_t>(xe - bx));
    };
    for (int by = 0; by < h; by += kBlock) {
        const int ye = std::min(by + kBlock, h);
        int x0 = 0;
        for (; x0 + 16 <= w; x0 += 16) {
            Lanes mn, mx;
            std::memcpy(&mn, &out.at(x0, by), 16);
            mx = mn;
            for (int row = by + 1; row < ye; ++row) {
                Lanes v;
                std::memcpy(&v, &out.at(x0, row), 16);
                mn = v < mn ? v : mn;
                mx = v > mx ? v : mx;
            }
            for (int half = 0; half < 2; ++half) {
                uint8_t l = 255, u = 0;
                for (int k = half * kBlock; k < (half + 1) * kBlock; ++k) {
                    l = std::min(l, mn[k]);
                    u = std::max(u, mx[k]);
                }
                lo[x0 / kBlock + half] = l;
                hi[x0 / kBlock + half] = u;
            }
        }
        for (int c = x0 / kBlock; c < columns; ++c) {  // the last, narrower columns
            uint8_t l = 255, u = 0;
            for (int row = by; row < ye; ++row)
                for (int col = c * kBlock; col < std::min((c + 1) * kBlock, w); ++col) {
                    l = std::min(l, out.at(col, row));
                    u = std::max(u, out.at(col, row));
                }
            lo[c] = l;
            hi[c] = u;
        }
        for (int c = 0; c < columns; ++c)
            flatten_if_flat(c, by, ye);
    }
    return out;
}

}  // namespace kiosk::scan
