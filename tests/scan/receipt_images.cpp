#include "receipt_images.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

#include "kiosk/print/font_face.h"
#include "kiosk/print/qr_raster.h"
#include "kiosk/print/text_raster.h"

namespace kiosk::scan::testing {

MonoBitmap render_code128(const std::string& text, int module_px, int height_px) {
    const ZXing::BitMatrix bars =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(0).encode(text, 0, 1);
    const int quiet = 10 * module_px;
    MonoBitmap out(bars.width() * module_px + 2 * quiet, height_px);
    for (int x = 0; x < bars.width(); ++x)
        if (bars.get(x, 0)) out.fill_rect(quiet + x * module_px, 0, module_px, height_px);
    return out;
}

GrayImage render_utf8_qr(const std::string& text, int scale) {
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                   .setEncoding(ZXing::CharacterSet::UTF8)
                                   .setMargin(4)
                                   .encode(text, 0, 0);
    GrayImage out(m.width() * scale, m.height() * scale, 255);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            if (m.get(x / scale, y / scale)) out.at(x, y) = 0;
    return out;
}

GrayImage render_receipt(const ReceiptSpec& spec) {
    constexpr int kBorder = 32;
    MonoBitmap bars;
    if (!spec.code128_payload.empty())
        bars = render_code128(spec.code128_payload, spec.bar_module, 30 * spec.bar_module + 30);
    const int kWidth = std::max(800, bars.width() + 40);
    MonoBitmap page(kWidth, 1400);
    auto& fonts = print::FontCache::shared();
    const print::TextStyle title{fonts.get("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
                                 print::PixelSize::square(30)};
    const print::TextStyle body{fonts.get("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
                                print::PixelSize::square(24)};
    int y = 20;
    y += print::draw_paragraph(page, title, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", 20, y,
                               kWidth - 40, print::Align::Center);
    y += 16;
    y += print::draw_paragraph(page, body, "Mã hồ sơ: " + spec.dossier_code, 20, y, kWidth - 40,
                               print::Align::Left);
    y += 8;
    y += print::draw_paragraph(page, body, "Ngày hẹn trả kết quả: 15 giờ 00 phút, ngày 20/03/2025",
                               20, y, kWidth - 40, print::Align::Left);
    y += 24;
    if (!spec.qr_payload.empty()) {
        print::QrOptions options;
        options.max_width = kWidth - 40;
        options.min_scale = spec.qr_scale;
        options.max_scale = spec.qr_scale;
        const auto qr = print::render_qr(spec.qr_payload, options);
        if (!qr.ok()) throw std::runtime_error("render_qr: " + qr.error);
        const MonoBitmap& q = qr.qr->bitmap;
        for (int yy = 0; yy < q.height(); ++yy)
            for (int xx = 0; xx < q.width(); ++xx)
                if (q.get(xx, yy)) page.set(20 + xx, y + yy);
        y += q.height() + 24;
    }
    if (!spec.code128_payload.empty()) {
        const int left = (kWidth - bars.width()) / 2;
        for (int yy = 0; yy < bars.height(); ++yy)
            for (int xx = 0; xx < bars.width(); ++xx)
                if (bars.get(xx, yy)) page.set(left + xx, y + yy);
        y += bars.height() + 8;
        y += print::draw_paragraph(page, body, spec.dossier_code, 20, y, kWidth - 40,
                                   print::Align::Center);
    }
    y += 20;
    GrayImage out(kWidth + 2 * kBorder, y + 2 * kBorder, 255);
    for (int yy = 0; yy < y; ++yy)
        for (int xx = 0; xx < kWidth; ++xx)
            if (page.get(xx, yy)) out.at(kBorder + xx, kBorder + yy) = 0;
    return out;
}

GrayImage rotate_quarter(const GrayImage& src, int quarter_turns) {
    const int q = ((quarter_turns % 4) + 4) % 4;
    if (q == 0) return src;
    const bool swap = q % 2 == 1;
    GrayImage out(swap ? src.height : src.width, swap ? src.width : src.height);
    for (int y = 0; y < src.height; ++y)
        for (int x = 0; x < src.width; ++x) {
            int nx = x, ny = y;
            if (q == 1) nx = src.height - 1 - y, ny = x;
            if (q == 2) nx = src.width - 1 - x, ny = src.height - 1 - y;
            if (q == 3) nx = y, ny = src.width - 1 - x;
            out.at(nx, ny) = src.at(x, y);
        }
    return out;
}

GrayImage box_blur(const GrayImage& src, int radius, int passes) {
    GrayImage cur = src;
    for (int p = 0; p < passes; ++p) {
        GrayImage horiz(cur.width, cur.height);
        for (int y = 0; y < cur.height; ++y)
            for (int x = 0; x < cur.width; ++x) {
                int sum = 0, n = 0;
                for (int d = -radius; d <= radius; ++d) {
                    const int xx = std::clamp(x + d, 0, cur.width - 1);
                    sum += cur.at(xx, y);
                    ++n;
                }
                horiz.at(x, y) = static_cast<uint8_t>(sum / n);
            }
        for (int y = 0; y < cur.height; ++y)
            for (int x = 0; x < cur.width; ++x) {
                int sum = 0, n = 0;
                for (int d = -radius; d <= radius; ++d) {
                    const int yy = std::clamp(y + d, 0, cur.height - 1);
                    sum += horiz.at(x, yy);
                    ++n;
                }
                cur.at(x, y) = static_cast<uint8_t>(sum / n);
            }
    }
    return cur;
}

GrayImage low_contrast(const GrayImage& src, int black, int white, int noise, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> jitter(-noise, noise);
    GrayImage out(src.width, src.height);
    for (size_t i = 0; i < src.pixels.size(); ++i) {
        const int v = black + (white - black) * src.pixels[i] / 255 + (noise ? jitter(rng) : 0);
        out.pixels[i] = static_cast<uint8_t>(std::clamp(v, 0, 255));
    }
    return out;
}

GrayImage place_on_canvas(const GrayImage& src, double scale, int width, int height, int x0, int y0,
                          int background) {
    GrayImage out(width, height, static_cast<uint8_t>(background));
    const int w = static_cast<int>(src.width * scale), h = static_cast<int>(src.height * scale);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int cx = x0 + x, cy = y0 + y;
            if (cx < 0 || cy < 0 || cx >= width || cy >= height) continue;
            const double sx = std::min((x + 0.5) / scale - 0.5, src.width - 1.0);
            const double sy = std::min((y + 0.5) / scale - 0.5, src.height - 1.0);
            const int ix = std::max(0, static_cast<int>(sx)),
                      iy = std::max(0, static_cast<int>(sy));
            const int jx = std::min(ix + 1, src.width - 1), jy = std::min(iy + 1, src.height - 1);
            const double fx = std::clamp(sx - ix, 0.0, 1.0), fy = std::clamp(sy - iy, 0.0, 1.0);
            const double v = (src.at(ix, iy) * (1 - fx) + src.at(jx, iy) * fx) * (1 - fy) +
                             (src.at(ix, jy) * (1 - fx) + src.at(jx, jy) * fx) * fy;
            out.at(cx, cy) = static_cast<uint8_t>(std::lround(v));
        }
    return out;
}

}  // namespace kiosk::scan::testing
