#pragma once
// Small pixel queries shared by the print tests.
#include <algorithm>
#include <vector>

#include "kiosk/core/mono_bitmap.h"

namespace kiosk::testing {

struct InkBox {
    bool any = false;
    int left = 0, top = 0, right = 0, bottom = 0;  // right/bottom exclusive
    int width() const { return right - left; }
    int height() const { return bottom - top; }
};

inline InkBox ink_box(const MonoBitmap& bm, int row_begin = 0, int row_end = -1) {
    if (row_end < 0) row_end = bm.height();
    InkBox box;
    for (int y = row_begin; y < row_end; ++y)
        for (int x = 0; x < bm.width(); ++x) {
            if (!bm.get(x, y)) continue;
            if (!box.any) {
                box = {true, x, y, x + 1, y + 1};
            } else {
                box.left = std::min(box.left, x), box.right = std::max(box.right, x + 1);
                box.top = std::min(box.top, y), box.bottom = std::max(box.bottom, y + 1);
            }
        }
    return box;
}

inline bool row_has_ink(const MonoBitmap& bm, int y) {
    for (int x = 0; x < bm.width(); ++x)
        if (bm.get(x, y)) return true;
    return false;
}

// Longest run of consecutive black pixels in a row.
inline int longest_black_run(const MonoBitmap& bm, int y) {
    int best = 0, run = 0;
    for (int x = 0; x < bm.width(); ++x) {
        run = bm.get(x, y) ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

// Bands of consecutive inked rows, separated by blank rows: [top, bottom).
struct RowBand {
    int top, bottom;
    int height() const { return bottom - top; }
};
inline std::vector<RowBand> ink_bands(const MonoBitmap& bm) {
    std::vector<RowBand> bands;
    int start = -1;
    for (int y = 0; y <= bm.height(); ++y) {
        const bool ink = y < bm.height() && row_has_ink(bm, y);
        if (ink && start < 0) start = y;
        if (!ink && start >= 0) {
            bands.push_back({start, y});
            start = -1;
        }
    }
    return bands;
}

inline int black_pixels(const MonoBitmap& bm) {
    int n = 0;
    for (int y = 0; y < bm.height(); ++y)
        for (int x = 0; x < bm.width(); ++x)
            n += bm.get(x, y) ? 1 : 0;
    return n;
}

}  // namespace kiosk::testing
