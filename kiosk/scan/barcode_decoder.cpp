#include "kiosk/scan/barcode_decoder.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <map>

#include "kiosk/core/unicode.h"
#include "kiosk/scan/flat_blocks.h"
#include "kiosk/scan/image_ops.h"

namespace kiosk::scan {
namespace {

// Software rotations tried last on stills, for Code 128 photographed at an angle (1D readers
// scan rows; QR detection is rotation-invariant already).
constexpr double kRetryAngles[] = {8, -8, 16, -16, 24, -24, 32, -32, 40, -40};

// Live frames at least this many rows tall read QR codes on the whole frame at half resolution:
// a code outside the guide box is one held close to the camera, so its modules are large.
constexpr int kSubsampleFromRows = 700;

// How hard one ZXing call tries.
struct Effort {
    bool thorough = false;
    ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage;
    int max_symbols = 8;
};

// QR codes go through ReadBarcodes (several per image, structured append). Code 128 goes
// through ReadBarcode with maxNumberOfSymbols ≠ 1, a single full-resolution pass: in Debian's
// 1.4.0, ReadBarcodes de-duplicates linear results across pyramid layers with
// Result::operator==, whose assert(lineCount() == 1) aborts the process (not an exception) when
// a Code 128 is found in two layers. Keeping linear symbols out of ReadBarcodes avoids that path.
ZXing::DecodeHints qr_hints(const Effort& e) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode)
        .setTryHarder(e.thorough)
        .setTryRotate(false)  // no effect on QR
        .setTryDownscale(e.thorough)
        .setBinarizer(e.binarizer)
        .setMaxNumberOfSymbols(static_cast<uint8_t>(std::clamp(e.max_symbols, 1, 255)));
    return hints;
}

ZXing::DecodeHints code128_hints(const Effort& e) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::Code128)
        .setTryHarder(e.thorough)
        .setTryRotate(e.thorough)
        .setTryDownscale(false)
        .setBinarizer(e.binarizer)
        .setMaxNumberOfSymbols(255);  // never 1: that would route ReadBarcode to ReadBarcodes
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

void note_error(DecodeOutcome& out, const std::string& what) {
    if (!out.error.empty()) out.error += "; ";
    out.error += what;
}

// One QR call and one Code 128 call, each guarded; appends valid symbols, returns how many.
// `qr_source` (Live) replaces `view` for the QR call: a de-speckled, possibly half-resolution copy
// whose points `qr_source_map` takes back to `view`'s coordinates. Code 128 always reads `view`
// at full resolution (its bars are often only 2 pixels wide and must not be averaged).
int run_pass(const ZXing::ImageView& view, const Effort& effort, const PointMap& map,
             const char* what, DecodeOutcome& out,
             std::optional<ZXing::ImageView> qr_source = std::nullopt,
             const PointMap& qr_source_map = {}) {
    int found = 0;
    auto guarded = [&](const char* symbology, auto&& call) {
        ++out.passes;
        try {
            call();
        } catch (const std::exception& e) {
            note_error(out, std::string("ZXing threw during the ") + what + " " + symbology +
                                " pass: " + e.what());
        } catch (...) {
            note_error(out, std::string("ZXing threw a non-standard exception during the ") + what +
                                " " + symbology + " pass");
        }
    };
    guarded("QR", [&] {
        const ZXing::ImageView& qr_view = qr_source ? *qr_source : view;
        const PointMap qr_map = qr_source ? PointMap([&](int x, int y) {
            const PixelPoint p = qr_source_map(x, y);
            return map(p.x, p.y);
        })
                                          : map;
        for (const ZXing::Result& r : ZXing::ReadBarcodes(qr_view, qr_hints(effort))) {
            if (!r.isValid()) continue;
            out.symbols.push_back(to_symbol(r, qr_map));
            ++found;
        }
    });
    guarded("Code 128", [&] {
        const ZXing::Result r = ZXing::ReadBarcode(view, code128_hints(effort));
        if (r.isValid()) {
            out.symbols.push_back(to_symbol(r, map));
            ++found;
        }
    });
    return found;
}

ZXing::ImageView lum_view(const GrayView& v) {
    return {v.data, v.width, v.height, ZXing::ImageFormat::Lum, v.row_stride(), 1};
}

PointMap identity() {
    return [](int x, int y) { return PixelPoint{x, y}; };
}

void decode_live(const GrayView& frame, const DecodeOptions& options, DecodeOutcome& out) {
    const Effort hints{false, ZXing::Binarizer::LocalAverage, options.max_symbols};
    const ZXing::ImageView whole = lum_view(frame);
    const double f = options.centre_fraction;
    const int cw = static_cast<int>(frame.width * f), ch = static_cast<int>(frame.height * f);
    if (f > 0 && f < 1 && cw >= 64 && ch >= 64) {
        const int left = (frame.width - cw) / 2, top = (frame.height - ch) / 2;
        const PointMap shift = [left, top](int x, int y) { return PixelPoint{x + left, y + top}; };
        const ZXing::ImageView centre = whole.cropped(left, top, cw, ch);
        // QR on a de-speckled copy (flat_blocks.h); Code 128 on the original pixels (its
        // 2-pixel bars must not be averaged away).
        GrayImage flat;
        if (options.despeckle) flat = flatten_low_contrast_blocks(frame, left, top, cw, ch);
        const ZXing::ImageView qr_view = options.despeckle ? lum_view(flat.view()) : centre;
        if (run_pass(centre, hints, shift, "centre", out, qr_view, identity()) > 0) return;
    }
    int step = options.whole_frame_qr_step;
    if (step <= 0) step = std::min(frame.width, frame.height) >= kSubsampleFromRows ? 2 : 1;
    // QR on a de-speckled copy taken at the QR pass's resolution (the copy is the subsampling).
    GrayImage flat;
    if (options.despeckle)
        flat = flatten_low_contrast_blocks(frame, 0, 0, frame.width, frame.height, step);
    const ZXing::ImageView qr_view =
        options.despeckle ? lum_view(flat.view()) : (step > 1 ? whole.subsampled(step) : whole);
    const PointMap scale = [step](int x, int y) { return PixelPoint{x * step, y * step}; };
    run_pass(whole, hints, identity(), "whole-frame", out, qr_view, scale);
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
    const Effort local{true, ZXing::Binarizer::LocalAverage, options.max_symbols};
    const Effort global{true, ZXing::Binarizer::GlobalHistogram, options.max_symbols};
    // Whole-image passes run until a QR code and a Code 128 are both found, so support output
    // shows everything on a receipt; each retry targets a failure the previous one has.
    run_pass(whole, local, identity(), "thorough", out);
    if (!has_both(out)) run_pass(whole, global, identity(), "global-histogram", out);
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
