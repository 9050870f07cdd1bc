#pragma once
// A 1-bit image in thermal-printer order: rows top to bottom, each row packed MSB-first
// (bit 0x80 of byte 0 is the leftmost dot), 1 = black. This is exactly the payload layout of
// ESC/POS `GS v 0` and of a PBM P4 body, so no conversion is needed on the way to paper.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk {

class MonoBitmap {
  public:
    MonoBitmap() = default;
    MonoBitmap(int width, int height)
        : width_(width),
          height_(height),
          stride_((width + 7) / 8),
          bits_(static_cast<size_t>(stride_) * static_cast<size_t>(height), 0) {}

    int width() const { return width_; }
    int height() const { return height_; }
    int stride() const { return stride_; }  // bytes per row
    bool empty() const { return width_ == 0 || height_ == 0; }

    bool get(int x, int y) const {
        if (x < 0 || y < 0 || x >= width_ || y >= height_) return false;
        return (bits_[index(x, y)] & mask(x)) != 0;
    }
    void set(int x, int y, bool black = true) {
        if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
        if (black)
            bits_[index(x, y)] |= mask(x);
        else
            bits_[index(x, y)] &= static_cast<uint8_t>(~mask(x));
    }
    void fill_rect(int x, int y, int w, int h, bool black = true) {
        for (int yy = y; yy < y + h; ++yy)
            for (int xx = x; xx < x + w; ++xx)
                set(xx, yy, black);
    }
    const uint8_t* row(int y) const { return bits_.data() + static_cast<size_t>(y) * stride_; }
    uint8_t* row(int y) { return bits_.data() + static_cast<size_t>(y) * stride_; }
    const std::vector<uint8_t>& bytes() const { return bits_; }
    std::vector<uint8_t>& bytes() { return bits_; }

    // Grow or shrink the height, keeping the top rows (new rows are white).
    void resize_height(int height) {
        height_ = height;
        bits_.resize(static_cast<size_t>(stride_) * static_cast<size_t>(height), 0);
    }

    // 8-bit grey copy (0 = black, 255 = white) for PNG previews and barcode decoders.
    std::vector<uint8_t> to_gray8() const {
        std::vector<uint8_t> out(static_cast<size_t>(width_) * static_cast<size_t>(height_));
        for (int y = 0; y < height_; ++y)
            for (int x = 0; x < width_; ++x)
                out[static_cast<size_t>(y) * width_ + x] = get(x, y) ? 0 : 255;
        return out;
    }

  private:
    size_t index(int x, int y) const { return static_cast<size_t>(y) * stride_ + (x >> 3); }
    static uint8_t mask(int x) { return static_cast<uint8_t>(0x80u >> (x & 7)); }

    int width_ = 0;
    int height_ = 0;
    int stride_ = 0;
    std::vector<uint8_t> bits_;
};

}  // namespace kiosk
