#include "kiosk/scan/barcode_decoder.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <map>

#include "kiosk/core/unicode.h"
#include "kiosk/scan/image_ops.h"

namespace kiosk::scan {
namespace {

constexpr auto kFormats = ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128;

// Software rotations tried last on stills, for Code 128 photographed at an angle (1D readers
// scan rows; QR detection is rotation-invariant already).
constexpr double kRetryAngles[] = {8, -8, 16, -16, 24, -24, 32, -32, 40, -40};

uint8_t clamp_symbols(int n) {
    return static_cast<uint8_t>(std::clamp(n, 1, 255));
}

ZXing::DecodeHints live_hints(int max_symbols) {
    ZXing::DecodeHints hints;
    hints.setFormats(kFormats)
        .setTryHarder(false)
        .setTryRotate(false)
        .setTryDownscale(false)
        .setMaxNumberOfSymbols(clamp_symbols(max_symbols));
    return hints;
}

ZXing::DecodeHints thorough_hints(int max_symbols, ZXing::Binarizer binarizer) {
    ZXing::DecodeHints hints;
    hints.setFormats(kFormats)
        .setTryHarder(true)
        .setTryRotate(true)
        .setTryDownscale(true)
        .setBinarizer(binarizer)
        .setMaxNumberOfSymbols(clamp_symbols(max_symbols));
    return hints;
}

using PointMap = std::function<PixelPoint(int x, int y)>;

DecodedSymbol to_symbol(const ZXing::Result& r, const PointMap& map) {
    DecodedSymbol s;
    s.symbology =
        r.format() == ZXing::BarcodeFormat::Code128 ? Symbology::Code128 : Symbology::QrCode;
    s.text = r.text();  // exactly as decoded; classify_payload normalises to NFC
    const auto& bytes = r.bytes();
    s.bytes.assign(bytes.begin(), bytes.end());
    s.symbology_identifier = r.symbologyIdentifier();
    const auto& q = r.position();
    for (size_t i = 0; i < 4; ++i)
        s.corners[i] = map(q[i].x, q[i].y);
    s.sequence_index = r.sequenceIndex();
    s.sequence_size = r.sequenceSize();
    s.sequence_id = r.sequenceId();
    return s;
}

// One guarded ZXing call; appends valid symbols and returns how many it found.
int run_pass(const ZXing::ImageView& view, const ZXing::DecodeHints& hints, const PointMap& map,
             const char* what, DecodeOutcome& out) {
    ++out.passes;
    try {
        int found = 0;
        for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints)) {
            if (!r.isValid()) continue;
            out.symbols.push_back(to_symbol(r, map));
            ++found;
        }
        return found;
    } catch (const std::exception& e) {
        if (!out.error.empty()) out.error += "; ";
        out.error += std::string("ZXing threw during the ") + what + " pass: " + e.what();
    } catch (...) {
        if (!out.error.empty()) out.error += "; ";
        out.error +=
            std::string("ZXing threw a non-standard exception during the ") + what + " pass";
    }
    return 0;
}

ZXing::ImageView lum_view(const GrayView& v) {
    return {v.data, v.width, v.height, ZXing::ImageFormat::Lum, v.row_stride(), 1};
}

PointMap identity() {
    return [](int x, int y) { return PixelPoint{x, y}; };
}

void decode_live(const GrayView& frame, const DecodeOptions& options, DecodeOutcome& out) {
    const auto hints = live_hints(options.max_symbols);
    const ZXing::ImageView whole = lum_view(frame);
    const double f = options.centre_fraction;
    const int cw = static_cast<int>(frame.width * f), ch = static_cast<int>(frame.height * f);
    if (f > 0 && f < 1 && cw >= 64 && ch >= 64) {
        const int left = (frame.width - cw) / 2, top = (frame.height - ch) / 2;
        const PointMap shift = [left, top](int x, int y) { return PixelPoint{x + left, y + top}; };
        if (run_pass(whole.cropped(left, top, cw, ch), hints, shift, "centre", out) > 0) return;
    }
    run_pass(whole, hints, identity(), "whole-frame", out);
}

bool has_both(const DecodeOutcome& out) {
    bool qr = false, bars = false;
    for (const auto& s : out.symbols)
        (s.symbology == Symbology::QrCode ? qr : bars) = true;
    return qr && bars;
}

// Keeps the first of symbols with the same symbology and text (retries find the same ones).
void deduplicate(DecodeOutcome& out) {
    std::vector<DecodedSymbol> unique;
    for (auto& s : out.symbols) {
        const bool seen = std::any_of(unique.begin(), unique.end(), [&](const DecodedSymbol& u) {
            return u.symbology == s.symbology && u.text == s.text && u.bytes == s.bytes &&
                   u.sequence_index == s.sequence_index;
        });
        if (!seen) unique.push_back(std::move(s));
    }
    out.symbols = std::move(unique);
}

void decode_thorough(const GrayView& frame, const DecodeOptions& options, DecodeOutcome& out) {
    const ZXing::ImageView whole = lum_view(frame);
    const auto local = thorough_hints(options.max_symbols, ZXing::Binarizer::LocalAverage);
    // Whole-image passes run until a QR code and a Code 128 are both found, so support output
    // shows everything on a receipt; each retry targets a failure the previous one has.
    run_pass(whole, local, identity(), "thorough", out);
    if (!has_both(out))
        run_pass(whole, thorough_hints(options.max_symbols, ZXing::Binarizer::GlobalHistogram),
                 identity(), "global-histogram", out);
    if (!has_both(out)) {
        const GrayImage stretched = contrast_stretched(frame);
        run_pass(lum_view(stretched.view()), local, identity(), "contrast-stretched", out);
    }
    if (!has_both(out)) {
        const GrayImage negative = inverted(frame);
        run_pass(lum_view(negative.view()), local, identity(), "inverted", out);
    }
    deduplicate(out);
    if (out.found()) return;
    // Rotations are only worth it below ~4 Mpx; larger stills are cropped photos anyway.
    if (static_cast<long long>(frame.width) * frame.height > 4'000'000) return;
    for (double angle : kRetryAngles) {
        const GrayImage turned = rotated(frame, angle);
        const PointMap back = [&frame, angle](int x, int y) {
            double fx = x, fy = y;
            unrotate_point(frame, angle, fx, fy);
            return PixelPoint{static_cast<int>(std::lround(fx)), static_cast<int>(std::lround(fy))};
        };
        if (run_pass(lum_view(turned.view()), local, back, "rotated", out) > 0) return;
    }
}

}  // namespace

const char* to_string(Symbology symbology) {
    return symbology == Symbology::Code128 ? "Code 128" : "QR Code";
}

DecodeOutcome decode_barcodes(const GrayView& frame, const DecodeOptions& options) {
    DecodeOutcome out;
    if (!frame.valid()) {
        out.error = "decode_barcodes: invalid frame " + std::to_string(frame.width) + "x" +
                    std::to_string(frame.height) + " stride " + std::to_string(frame.stride) +
                    (frame.data ? "" : " (no pixels)");
        return out;
    }
    if (options.mode == DecodeMode::Live)
        decode_live(frame, options, out);
    else
        decode_thorough(frame, options, out);
    if (static_cast<int>(out.symbols.size()) > options.max_symbols && options.max_symbols > 0)
        out.symbols.resize(static_cast<size_t>(options.max_symbols));
    return out;
}

std::optional<DecodedSymbol> merge_structured_append(const std::vector<DecodedSymbol>& parts) {
    std::map<std::string, std::map<int, const DecodedSymbol*>> sequences;
    std::map<std::string, int> sizes;
    for (const auto& p : parts) {
        if (p.sequence_size < 1 || p.sequence_index < 0 || p.sequence_index >= p.sequence_size)
            continue;
        sequences[p.sequence_id][p.sequence_index] = &p;
        sizes[p.sequence_id] = p.sequence_size;
    }
    for (const auto& [id, by_index] : sequences) {
        const int size = sizes[id];
        if (static_cast<int>(by_index.size()) != size) continue;
        DecodedSymbol merged = *by_index.begin()->second;
        merged.text.clear();
        merged.bytes.clear();
        std::string texts;
        for (const auto& [index, part] : by_index) {
            merged.bytes += part->bytes;
            texts += part->text;
        }
        merged.text = is_valid_utf8(merged.bytes) ? merged.bytes : texts;
        merged.sequence_index = -1;
        return merged;
    }
    return std::nullopt;
}

}  // namespace kiosk::scan
