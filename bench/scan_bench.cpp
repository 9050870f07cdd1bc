// scan_bench: the kiosk's Live decode path vs ZXing with default hints (vs zbar when built with
// libzbar-dev) on the same synthetic 1280x720 and 1920x1080 grey frames, with and without a
// receipt in them. Prints median / p99 per frame and the detection rate. Targets (issue 5):
// median ≤ 5 ms per 720p frame without a code, ≤ 15 ms with one, detection rate no lower than
// ZXing's default hints.
//   build/bin/scan_bench [--iterations N] [--camera-seconds S]
// Then the camera rows: the same 720p frames through GStreamer (scan_bench_camera.h).
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#ifdef KIOSK_HAVE_ZBAR
#include "scan_bench_zbar.h"
#endif
#ifdef KIOSK_HAVE_CAMERA_BENCH
#include "scan_bench_camera.h"
#endif

#include "bench_stats.h"
#include "kiosk/scan/barcode_decoder.h"
#include "kiosk/scan/image_ops.h"
#include "receipt_images.h"

using namespace kiosk;
using namespace kiosk::scan;
using namespace kiosk::scan::testing;

namespace {

constexpr const char* kCode = "000.00.21.H41-250312-0007";

struct Frame {
    GrayImage image;
    bool has_code = false;
};

// A cluttered, unevenly lit scene: gradient, noise and dark blocks (edges without a code).
GrayImage background(int w, int h, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> noise(-12, 12);
    GrayImage img(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            img.at(x, y) =
                static_cast<uint8_t>(std::clamp(90 + 80 * x / w + 20 * y / h + noise(rng), 0, 255));
    for (int i = 0; i < 40; ++i) {
        const int bw = 10 + static_cast<int>(rng() % 120), bh = 4 + static_cast<int>(rng() % 30);
        const int bx = static_cast<int>(rng() % static_cast<unsigned>(w - bw));
        const int by = static_cast<int>(rng() % static_cast<unsigned>(h - bh));
        const auto shade = static_cast<uint8_t>(20 + rng() % 60);
        for (int y = by; y < by + bh; ++y)
            for (int x = bx; x < bx + bw; ++x)
                img.at(x, y) = shade;
    }
    return img;
}

std::vector<Frame> make_frames(int w, int h, const GrayImage& receipt, double scale) {
    std::vector<Frame> frames;
    for (unsigned i = 0; i < 6; ++i) {
        frames.push_back({background(w, h, 100 + i), false});
        // The receipt, tilted 3–18°, slightly blurred, lower contrast, pasted off-centre.
        const GrayImage tilted = rotated(receipt.view(), (i % 2 ? -1.0 : 1.0) * (3 + 3.0 * i));
        const GrayImage soft = low_contrast(box_blur(tilted, 1, 1), 40, 210, 8, 7 + i);
        GrayImage frame = background(w, h, 200 + i);
        const GrayImage placed = place_on_canvas(soft, scale, w, h, 0, 0, 255);
        const int pw = static_cast<int>(soft.width * scale),
                  ph = static_cast<int>(soft.height * scale);
        const int ox = (w - pw) / 2 + static_cast<int>(i * 13) - 30;
        const int oy = (h - ph) / 2 + static_cast<int>(i * 7) - 20;
        for (int y = 0; y < ph; ++y)
            for (int x = 0; x < pw; ++x) {
                const int fx = ox + x, fy = oy + y;
                if (fx >= 0 && fy >= 0 && fx < w && fy < h) frame.at(fx, fy) = placed.at(x, y);
            }
        frames.push_back({std::move(frame), true});
    }
    return frames;
}

// A decoder under test: true when it read the dossier code (bare or inside the URL).
using Decoder = std::function<bool(const GrayImage&)>;

bool is_ours(const std::string& text) {
    return text.find(kCode) != std::string::npos;
}

Decoder ours(bool despeckle = true) {
    return [despeckle](const GrayImage& img) {
        DecodeOptions options;
        options.despeckle = despeckle;
        const auto out = decode_barcodes(img.view(), options);
        for (const auto& s : out.symbols)
            if (is_ours(s.text)) return true;
        return false;
    };
}

Decoder zxing_default() {
    return [](const GrayImage& img) {
        try {
            const ZXing::ImageView view(img.pixels.data(), img.width, img.height,
                                        ZXing::ImageFormat::Lum);
            const auto r = ZXing::ReadBarcode(view, ZXing::DecodeHints());
            return r.isValid() && is_ours(r.text());
        } catch (...) {
            return false;
        }
    };
}

#ifdef KIOSK_HAVE_ZBAR
Decoder zbar_decoder() {
    return [](const GrayImage& img) {
        for (const auto& text : bench::zbar_decode(img.pixels.data(), img.width, img.height))
            if (is_ours(text)) return true;
        return false;
    };
}
#endif

struct Cell {
    bench::Stats stats;
    int detected = 0, total = 0;
};

Cell measure(const Decoder& decode, const std::vector<Frame>& frames, bool with_code,
             int iterations) {
    Cell cell;
    std::vector<double> ms;
    for (const auto& f : frames) {
        if (f.has_code != with_code) continue;
        ++cell.total;
        bool detected = false;
        for (int i = 0; i < iterations; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            detected = decode(f.image);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count());
        }
        if (detected) ++cell.detected;
    }
    cell.stats = bench::summarize(ms);
    return cell;
}

}  // namespace

int main(int argc, char** argv) {
    int iterations = 10;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--iterations") == 0)
            iterations = std::max(1, std::atoi(argv[i + 1]));
    double camera_seconds = 4;  // per camera pipeline
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--camera-seconds") == 0)
            camera_seconds = std::max(0.5, std::atof(argv[i + 1]));
    (void)camera_seconds;

    ReceiptSpec spec;
    spec.dossier_code = kCode;
    spec.qr_payload =
        std::string("https://dichvucong.nghean.gov.vn/portaldvc/tra-cuu?SGT=040095001234&MHS=") +
        kCode;
    spec.code128_payload = kCode;
    const GrayImage receipt = render_receipt(spec);

    struct Named {
        const char* name;
        Decoder decode;
    };
    std::vector<Named> decoders{
        {"kiosk live (QR + Code 128, fast, centre first)", ours()},
        {"kiosk live without de-speckling (session 1)", ours(false)},
        {"ZXing default hints (all formats, tryHarder/Rotate)", zxing_default()}};
#ifdef KIOSK_HAVE_ZBAR
    decoders.push_back({"zbar 0.23 (QR + Code 128, Y800)", zbar_decoder()});
#endif

    std::printf("scan_bench: %d iterations per frame, 6 frames per cell, one thread\n\n",
                iterations);
    std::printf("%-52s %-10s %-9s %10s %10s %9s\n", "decoder", "frame", "code", "median ms",
                "p99 ms", "detected");
    for (const auto& [w, h, scale] : {std::tuple{1280, 720, 0.75}, std::tuple{1920, 1080, 1.1}}) {
        const auto frames = make_frames(w, h, receipt, scale);
        for (bool with_code : {false, true}) {
            for (const auto& d : decoders) {
                const Cell c = measure(d.decode, frames, with_code, iterations);
                std::printf("%-52s %4dx%-5d %-9s %10.2f %10.2f %6d/%d\n", d.name, w, h,
                            with_code ? "receipt" : "none", c.stats.median, c.stats.p99, c.detected,
                            c.total);
            }
        }
    }
    std::printf(
        "\nTargets: median <= 5 ms per 720p frame without a code, <= 15 ms with one, "
        "detection no lower than ZXing default hints.\n");
#ifdef KIOSK_HAVE_CAMERA_BENCH
    {  // the same 720p frames through a GStreamer camera pipeline
        const auto frames = make_frames(1280, 720, receipt, 0.75);
        std::vector<GrayImage> empty, with_code;
        for (const auto& f : frames) {
            (f.has_code ? with_code : empty).push_back(f.image);
        }
        bench::run_camera_rows(empty, with_code, camera_seconds);
    }
#endif
    return 0;
}
