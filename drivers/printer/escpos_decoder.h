#pragma once
// Parses an ESC/POS byte stream back into what a printer would do with it. Used by tests
// (print → decode → compare / scan the QR), by the fake printer and by `kiosk escpos-view`.
//
// Robust by contract: any input (several jobs appended, truncated, random bytes) is accepted;
// nothing is read out of bounds, nothing throws, and absurd sizes are capped (DecodeLimits) and
// reported in DecodedJob::errors.
//
// Raster model:
//   - GS v 0 bands are stacked top to bottom in stream order; the decoded width is the widest
//     band's bytes-per-row × 8, narrower bands are placed at the left edge.
//   - ESC J n (feed n dots) adds n white rows: it is how the encoder skips blank rows, so
//     encode → decode is bit-exact with or without skipping.
//   - ESC d n (feed n lines) does NOT add rows: a line's height depends on the printer's line
//     spacing; it is reported in feed_lines instead (the encoder uses it only before the cut).
//   - Bands in double-width/height modes (m ≠ 0) are stacked unscaled and counted.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kiosk/core/config.h"
#include "kiosk/core/mono_bitmap.h"

namespace kiosk::printer {

struct DecodeLimits {
    int max_row_bytes = 512;  // GS v 0 bytes per row (4096 dots; real printers ≤ 80)
    int max_rows = 20000;     // raster rows per job, bands + ESC J feeds (≈ 2.5 m of paper)
    size_t max_text_bytes = 1 << 20;  // text-mode bytes kept per job
    size_t max_listed = 64;           // unknown commands / errors / status queries kept per job
};

struct RasterBand {
    size_t offset = 0;  // of the GS byte in the stream
    int row_bytes = 0;  // xL + 256·xH
    int rows = 0;       // yL + 256·yH
    int mode = 0;       // m: 0 normal, 1 double width, 2 double height, 3 quadruple
};

struct UnknownCommand {
    size_t offset = 0;
    std::vector<uint8_t> bytes;  // the bytes that identified it (prefix + code, ≤ 3 bytes)
};

// A native QR (GS ( k, cn 49): the payload stored with fn 80 and printed with fn 81.
struct NativeQr {
    std::string payload;
    int module_size = 3;  // fn 67 (printer default 3)
    int ecc = 0x31;       // fn 69 ('0' L … '3' H)
    int raster_row = 0;   // raster rows above it when printed (where escpos-view draws it)
};

struct DecodedJob {
    size_t begin = 0;  // [begin, end): the job's bytes in the stream
    size_t end = 0;
    bool initialised = false;  // starts with ESC @; false only for bytes before the first ESC @

    MonoBitmap raster;
    std::vector<RasterBand> bands;  // every GS v 0 seen, including capped / truncated ones
    int max_band_rows = 0;
    int feed_dots = 0;   // sum of ESC J n (already included in raster as white rows)
    int feed_lines = 0;  // sum of ESC d n (not in raster)
    int alignment = 0;   // last ESC a n (0 left, 1 centre, 2 right)

    CutMode cut = CutMode::None;  // the last cut command (GS V, ESC i, ESC m)
    int cuts = 0;

    std::vector<NativeQr> native_qrs;     // printed native QR symbols, in order
    std::string text;                     // bytes printed in text mode (LF kept, CR dropped)
    std::vector<uint8_t> status_queries;  // n of each DLE EOT n
    size_t other_commands = 0;            // recognised and skipped (ESC t, GS ( k, ESC * …)
    std::vector<UnknownCommand> unknown_commands;  // first max_listed
    size_t unknown_count = 0;                      // all of them

    bool truncated = false;           // the stream ended inside a command or its data
    std::vector<std::string> errors;  // what was wrong, with offsets; first max_listed

    int band_count() const { return static_cast<int>(bands.size()); }
    bool clean() const { return errors.empty() && !truncated && unknown_count == 0; }
};

std::vector<DecodedJob> decode_escpos(std::span<const uint8_t> stream,
                                      const DecodeLimits& limits = {});

// PBM (P4) image of a raster, for `kiosk escpos-view` and test failure artefacts.
std::vector<uint8_t> to_pbm(const MonoBitmap& bitmap);

}  // namespace kiosk::printer
