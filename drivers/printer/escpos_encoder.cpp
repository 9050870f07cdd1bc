#include "drivers/printer/escpos_encoder.h"

#include <algorithm>

#include "drivers/printer/escpos_commands.h"

namespace kiosk::printer {
namespace {

constexpr int kMaxBandRows = 256;
constexpr int kMaxFeedUnits = 255;
constexpr int kMaxRowBytes = 0xFFFF;

bool row_is_blank(const MonoBitmap& bitmap, int y) {
    const uint8_t* row = bitmap.row(y);
    return std::all_of(row, row + bitmap.stride(), [](uint8_t b) { return b == 0; });
}

// blank_run[y] = number of consecutive white rows starting at row y.
std::vector<int> blank_runs(const MonoBitmap& bitmap) {
    std::vector<int> runs(static_cast<size_t>(bitmap.height()) + 1, 0);
    for (int y = bitmap.height() - 1; y >= 0; --y)
        runs[static_cast<size_t>(y)] =
            row_is_blank(bitmap, y) ? runs[static_cast<size_t>(y) + 1] + 1 : 0;
    return runs;
}

void put_u16(std::vector<uint8_t>& out, int value) {
    out.push_back(static_cast<uint8_t>(value & 0xFF));
    out.push_back(static_cast<uint8_t>((value >> 8) & 0xFF));
}

void put_band(std::vector<uint8_t>& out, const MonoBitmap& bitmap, int first_row, int rows) {
    using namespace escpos;
    out.insert(out.end(), {GS, kRaster, '0', 0});
    put_u16(out, bitmap.stride());
    put_u16(out, rows);
    const uint8_t* begin = bitmap.row(first_row);
    out.insert(out.end(), begin, begin + static_cast<size_t>(bitmap.stride()) * rows);
}

void put_dot_feed(std::vector<uint8_t>& out, int rows) {
    while (rows > 0) {
        const int n = std::min(rows, kMaxFeedUnits);
        out.insert(out.end(), {escpos::ESC, escpos::kFeedDots, static_cast<uint8_t>(n)});
        rows -= n;
    }
}

}  // namespace

RasterJobOptions raster_job_options(const PrinterConfig& config) {
    RasterJobOptions options;
    options.band_rows = config.band_rows;
    options.feed_lines = config.feed_lines;
    options.cut = config.cut;
    return options;
}

EncodedJob encode_raster_job(const MonoBitmap& bitmap, const RasterJobOptions& options) {
    using namespace escpos;
    EncodedJob job;
    if (bitmap.stride() > kMaxRowBytes) {
        job.error = "bitmap is " + std::to_string(bitmap.width()) +
                    " dots wide; GS v 0 allows at most 65535 bytes (524280 dots) per row";
        return job;
    }
    const int band_rows = std::clamp(options.band_rows, 1, kMaxBandRows);
    const int feed_lines = std::clamp(options.feed_lines, 0, kMaxFeedUnits);

    std::vector<uint8_t>& out = job.bytes;
    out.reserve(bitmap.bytes().size() + 64 + (bitmap.height() / band_rows + 1) * 8);
    out.insert(out.end(), {ESC, kInit});
    if (options.centre) out.insert(out.end(), {ESC, kAlign, kAlignCentre});

    if (!bitmap.empty()) {
        const std::vector<int> runs = blank_runs(bitmap);
        // Skipping needs at least one band to carry the width, so an all-white bitmap is sent as
        // is.
        const bool skip = options.skip_blank_rows > 0 && runs[0] < bitmap.height();
        auto skippable = [&](int y) {
            return skip && runs[static_cast<size_t>(y)] >= options.skip_blank_rows;
        };
        int y = 0;
        while (y < bitmap.height()) {
            if (skippable(y)) {
                const int run = runs[static_cast<size_t>(y)];
                put_dot_feed(out, run);
                y += run;
                continue;
            }
            int end = y + 1;
            while (end < bitmap.height() && end - y < band_rows && !skippable(end))
                ++end;
            put_band(out, bitmap, y, end - y);
            job.chunk_ends.push_back(out.size());
            ++job.bands;
            y = end;
        }
    }

    if (!options.native_qr.empty()) {
        if (options.native_qr.size() > 7089) {
            job = EncodedJob{};
            job.error = "native QR payload is " + std::to_string(options.native_qr.size()) +
                        " bytes; GS ( k stores at most 7089";
            return job;
        }
        const auto fn = [&](std::initializer_list<uint8_t> body) {
            out.insert(out.end(), {GS, '(', 'k', static_cast<uint8_t>(body.size()), 0});
            out.insert(out.end(), body);
        };
        out.insert(out.end(), {ESC, kAlign, kAlignCentre});
        fn({0x31, 0x41, 0x32, 0x00});  // model 2
        fn({0x31, 0x43, static_cast<uint8_t>(std::clamp(options.native_qr_module, 1, 16))});
        fn({0x31, 0x45, 0x31});  // ECC M (15 %)
        const size_t store = options.native_qr.size() + 3;
        out.insert(out.end(), {GS, '(', 'k', static_cast<uint8_t>(store & 0xFF),
                               static_cast<uint8_t>(store >> 8), 0x31, 0x50, 0x30});
        out.insert(out.end(), options.native_qr.begin(), options.native_qr.end());
        fn({0x31, 0x51, 0x30});  // print the stored symbol
    }
    if (feed_lines > 0) out.insert(out.end(), {ESC, kFeedLines, static_cast<uint8_t>(feed_lines)});
    if (options.cut == CutMode::Partial) out.insert(out.end(), {GS, kCut, kCutPartialFeed, 0});
    if (options.cut == CutMode::Full) out.insert(out.end(), {GS, kCut, kCutFullFeed, 0});

    if (job.chunk_ends.empty())
        job.chunk_ends.push_back(out.size());
    else
        job.chunk_ends.back() = out.size();
    return job;
}

}  // namespace kiosk::printer
