#pragma once
// Random ticket-like bitmaps for printer tests: runs of white rows, noise and solid blocks, so
// band splitting and blank-row skipping are both exercised.
#include <algorithm>
#include <cstdint>
#include <random>

#include "kiosk/core/mono_bitmap.h"

namespace kiosk::printer::testing {

inline MonoBitmap random_bitmap(int width, int height, std::mt19937& rng) {
    MonoBitmap bitmap(width, height);
    std::uniform_int_distribution<int> run_length(1, 80);
    std::uniform_int_distribution<int> kind(0, 2);
    std::uniform_int_distribution<int> byte(0, 255);
    const uint8_t last_mask =
        width % 8 == 0 ? 0xFF : static_cast<uint8_t>(0xFF00u >> (width % 8));  // padding stays 0
    int y = 0;
    while (y < height) {
        const int rows = std::min(run_length(rng), height - y);
        const int k = kind(rng);
        for (int r = y; r < y + rows; ++r) {
            uint8_t* row = bitmap.row(r);
            for (int i = 0; i < bitmap.stride(); ++i)
                row[i] = k == 0 ? 0 : k == 1 ? static_cast<uint8_t>(byte(rng)) : 0xFF;
            if (bitmap.stride() > 0) row[bitmap.stride() - 1] &= last_mask;
        }
        y += rows;
    }
    return bitmap;
}

inline bool same_bitmap(const MonoBitmap& a, const MonoBitmap& b) {
    return a.width() == b.width() && a.height() == b.height() && a.bytes() == b.bytes();
}

}  // namespace kiosk::printer::testing
