#pragma once
// Turns a rendered ticket (kiosk::MonoBitmap) into one complete ESC/POS raster job:
//   ESC @ · ESC a 1 · GS v 0 bands (≤ band_rows rows each) · [ESC J n for skipped blank rows]
//   · ESC d n · GS V 66 0 (partial) / GS V 65 0 (full) / nothing.
// The band boundaries are returned so a transport can hand the printer one band per write.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/config.h"
#include "kiosk/core/mono_bitmap.h"

namespace kiosk::printer {

struct RasterJobOptions {
    int band_rows = 256;  // rows per GS v 0 command; clamped to 1..256 (notes §3 "Band size")
    int feed_lines = 4;   // ESC d n before the cut; clamped to 0..255, 0 sends no feed command
    CutMode cut = CutMode::Partial;
    bool centre = true;  // ESC a 1: centres a raster narrower than the paper
    // Runs of at least this many fully white rows are sent as ESC J n (n dots of paper feed)
    // instead of raster data. 0 disables skipping (default: ESC J's unit equals one raster row
    // on 203/180 dpi Epson-style printers, but that is model-dependent).
    int skip_blank_rows = 0;
    // Non-empty: after the raster, print this ASCII payload as a native QR (GS ( k: model 2,
    // ECC M, `native_qr_module` dots per module, centred) — printer.native_qr profiles only.
    std::string native_qr;
    int native_qr_module = 6;  // clamped to 1..16
};

// The options a PrinterConfig asks for (band_rows, feed_lines, cut; native_qr is per ticket).
RasterJobOptions raster_job_options(const PrinterConfig& config);

struct EncodedJob {
    std::vector<uint8_t> bytes;
    // Cumulative end offsets, one per write: each ends right after a band's data; the last one
    // is bytes.size() (it carries the trailing feed and cut). Never empty when ok().
    std::vector<size_t> chunk_ends;
    int bands = 0;      // GS v 0 commands emitted
    std::string error;  // non-empty → bytes is empty and nothing must be sent
    bool ok() const { return error.empty(); }
};

// Encodes `bitmap` as one job. Fails (error set) only when a row does not fit GS v 0's 16-bit
// byte count (wider than 524,280 dots). An empty bitmap yields init, feed and cut only.
EncodedJob encode_raster_job(const MonoBitmap& bitmap, const RasterJobOptions& options);

}  // namespace kiosk::printer
