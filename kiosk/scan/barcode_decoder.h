#pragma once
// Barcode decoding with ZXing-C++ 1.4 (notes/qr-scanning.md §2–§3): QR codes and Code 128, the
// two symbols on a receipt. One function serves camera frames (Live: cheap hints, the centre
// region first) and still images (Thorough: every option ZXing has, then retries). ZXing 1.4
// can throw on malformed symbols (std::out_of_range, #404/#413): every call is guarded and the
// exception is reported in DecodeOutcome::error instead of escaping.
// Readers are stateless: decode_barcodes may run on any thread.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/scan/gray_image.h"

namespace kiosk::scan {

enum class Symbology { QrCode, Code128 };
const char* to_string(Symbology symbology);  // "QR Code", "Code 128"

enum class DecodeMode {
    // Camera frames: tryHarder, tryRotate and tryDownscale off; the centre region (where the
    // on-screen guide frame is) first at full resolution, the whole frame only if that found
    // nothing — its QR pass on every 2nd pixel for frames ≥ 700 rows (a code outside the guide
    // box is held close, its modules are large), its Code 128 pass at full resolution. QR passes
    // read a de-speckled copy (DecodeOptions::despeckle), Code 128 the original pixels.
    Live,
    // Stills (`kiosk decode`, tests): tryHarder + tryRotate + downscale pyramid on the whole
    // image; until both a QR code and a Code 128 are found, retries with the global-histogram
    // binarizer, a contrast-stretched copy (faint print) and an inverted copy (white-on-black;
    // ZXing 1.4 has no tryInvert); if still nothing, software rotations (Code 128 at an angle).
    Thorough,
};

struct PixelPoint {
    int x = 0, y = 0;
};

struct DecodedSymbol {
    Symbology symbology = Symbology::QrCode;
    std::string text;                     // UTF-8 (ZX_USE_UTF8)
    std::string bytes;                    // raw content bytes
    std::string symbology_identifier;     // "]Q1", "]C0", …
    std::array<PixelPoint, 4> corners{};  // in the input frame's coordinates
    // Structured append (QR split over several symbols); -1 / "" when not part of one.
    int sequence_index = -1;
    int sequence_size = -1;
    std::string sequence_id;
};

struct DecodeOptions {
    DecodeMode mode = DecodeMode::Live;
    double centre_fraction = 0.6;  // Live: side of the centre region tried first (0 = skip it)
    int max_symbols = 8;           // stop after this many symbols
    int whole_frame_qr_step = 0;   // Live: QR subsampling of the whole-frame pass (0 = auto)
    // Live: QR passes read a copy whose low-contrast 8×8 blocks are flattened (flat_blocks.h):
    // 2× faster on noisy MJPEG frames. false = the raw pixels (benchmark anchor).
    bool despeckle = true;
};

struct DecodeOutcome {
    std::vector<DecodedSymbol> symbols;
    std::string error;  // invalid frame or a library exception (decoding went on where possible)
    int passes = 0;     // ZXing calls made (for benchmarks and tests)
    bool found() const { return !symbols.empty(); }
};

DecodeOutcome decode_barcodes(const GrayView& frame, const DecodeOptions& options = {});

// Joins the parts of one structured-append sequence, in index order; nullopt unless every index
// 0…size−1 of one sequence id is present. The text is the joined bytes when they are valid UTF-8,
// else the joined part texts.
std::optional<DecodedSymbol> merge_structured_append(const std::vector<DecodedSymbol>& parts);

}  // namespace kiosk::scan
