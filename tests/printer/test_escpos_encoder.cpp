// Encoder layout: exact bytes of the job skeleton, band splitting, cut modes, blank-row skipping.
#include <doctest/doctest.h>

#include <vector>

#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/escpos_encoder.h"
#include "test_bitmaps.h"

using namespace kiosk;
using namespace kiosk::printer;
using Bytes = std::vector<uint8_t>;

namespace {

Bytes slice(const Bytes& bytes, size_t begin, size_t count) {
    return Bytes(bytes.begin() + static_cast<std::ptrdiff_t>(begin),
                 bytes.begin() + static_cast<std::ptrdiff_t>(begin + count));
}

struct BandHeader {
    size_t offset;
    int row_bytes;
    int rows;
};

// Walks the raster part of an encoded job by hand (independent of the decoder).
std::vector<BandHeader> walk_bands(const Bytes& job, size_t start) {
    std::vector<BandHeader> bands;
    size_t i = start;
    while (i + 8 <= job.size() && job[i] == 0x1D && job[i + 1] == 0x76) {
        BandHeader band{i, job[i + 4] + 256 * job[i + 5], job[i + 6] + 256 * job[i + 7]};
        bands.push_back(band);
        i += 8 + static_cast<size_t>(band.row_bytes) * band.rows;
    }
    return bands;
}

}  // namespace

TEST_CASE("a small bitmap becomes init, centre, one GS v 0 band, feed and partial cut") {
    MonoBitmap bitmap(576, 10);
    bitmap.fill_rect(0, 0, 8, 10);  // first byte of every row = 0xFF
    RasterJobOptions options;
    const EncodedJob job = encode_raster_job(bitmap, options);
    REQUIRE(job.ok());
    const Bytes& b = job.bytes;
    CHECK(slice(b, 0, 5) == Bytes{0x1B, 0x40, 0x1B, 0x61, 0x01});
    CHECK(slice(b, 5, 8) == Bytes{0x1D, 0x76, 0x30, 0x00, 0x48, 0x00, 0x0A, 0x00});
    CHECK(slice(b, 13, 720) == bitmap.bytes());
    CHECK(slice(b, 733, 7) == Bytes{0x1B, 0x64, 0x04, 0x1D, 0x56, 0x42, 0x00});
    CHECK(b.size() == 740);
    CHECK(job.bands == 1);
    CHECK(job.chunk_ends == std::vector<size_t>{740});
}

TEST_CASE("bands never exceed band_rows and each band ends a write chunk") {
    std::mt19937 rng(7);
    const MonoBitmap bitmap = testing::random_bitmap(576, 1000, rng);
    RasterJobOptions options;
    options.band_rows = 256;
    const EncodedJob job = encode_raster_job(bitmap, options);
    const auto bands = walk_bands(job.bytes, 5);
    REQUIRE(bands.size() == 4);
    CHECK(bands[0].rows == 256);
    CHECK(bands[1].rows == 256);
    CHECK(bands[2].rows == 256);
    CHECK(bands[3].rows == 232);
    for (const auto& band : bands)
        CHECK(band.row_bytes == 72);
    REQUIRE(job.chunk_ends.size() == 4);
    CHECK(job.chunk_ends[0] == bands[1].offset);
    CHECK(job.chunk_ends[1] == bands[2].offset);
    CHECK(job.chunk_ends[2] == bands[3].offset);
    CHECK(job.chunk_ends[3] == job.bytes.size());
    CHECK(job.bands == 4);
}

TEST_CASE("band_rows is clamped to 1..256") {
    MonoBitmap bitmap(384, 3);
    RasterJobOptions options;
    options.band_rows = 0;
    auto bands = walk_bands(encode_raster_job(bitmap, options).bytes, 5);
    CHECK(bands.size() == 3);
    for (const auto& band : bands)
        CHECK(band.rows == 1);

    MonoBitmap tall(384, 600);
    options.band_rows = 5000;
    bands = walk_bands(encode_raster_job(tall, options).bytes, 5);
    REQUIRE(bands.size() == 3);
    CHECK(bands[0].rows == 256);
    CHECK(bands[2].rows == 88);
}

TEST_CASE("cut bytes follow the cut mode") {
    MonoBitmap bitmap(384, 4);
    RasterJobOptions options;
    options.feed_lines = 3;
    const size_t raster_end = 5 + 8 + 48 * 4;

    options.cut = CutMode::Partial;
    Bytes b = encode_raster_job(bitmap, options).bytes;
    CHECK(slice(b, raster_end, b.size() - raster_end) ==
          Bytes{0x1B, 0x64, 0x03, 0x1D, 0x56, 0x42, 0x00});

    options.cut = CutMode::Full;
    b = encode_raster_job(bitmap, options).bytes;
    CHECK(slice(b, raster_end, b.size() - raster_end) ==
          Bytes{0x1B, 0x64, 0x03, 0x1D, 0x56, 0x41, 0x00});

    options.cut = CutMode::None;
    b = encode_raster_job(bitmap, options).bytes;
    CHECK(slice(b, raster_end, b.size() - raster_end) == Bytes{0x1B, 0x64, 0x03});

    options.feed_lines = 0;
    b = encode_raster_job(bitmap, options).bytes;
    CHECK(b.size() == raster_end);
}

TEST_CASE("options come from the printer config") {
    PrinterConfig config;
    config.band_rows = 128;
    config.feed_lines = 6;
    config.cut = CutMode::Full;
    const RasterJobOptions options = raster_job_options(config);
    CHECK(options.band_rows == 128);
    CHECK(options.feed_lines == 6);
    CHECK(options.cut == CutMode::Full);
}

TEST_CASE("an empty bitmap gives init, feed and cut only") {
    const EncodedJob job = encode_raster_job(MonoBitmap(), RasterJobOptions{});
    REQUIRE(job.ok());
    CHECK(job.bytes ==
          Bytes{0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x64, 0x04, 0x1D, 0x56, 0x42, 0x00});
    CHECK(job.bands == 0);
    CHECK(job.chunk_ends == std::vector<size_t>{job.bytes.size()});
}

TEST_CASE("a width that is not a multiple of 8 is padded to whole bytes") {
    MonoBitmap bitmap(570, 2);
    const Bytes b = encode_raster_job(bitmap, RasterJobOptions{}).bytes;
    CHECK(slice(b, 5, 8) == Bytes{0x1D, 0x76, 0x30, 0x00, 72, 0x00, 0x02, 0x00});
}

TEST_CASE("long white runs become ESC J feeds and still decode bit-exact") {
    MonoBitmap bitmap(576, 800);
    bitmap.fill_rect(0, 0, 576, 10);
    bitmap.fill_rect(100, 610, 50, 190);  // rows 10..609 are white: 600 rows = 255 + 255 + 90
    RasterJobOptions options;
    options.skip_blank_rows = 16;
    const EncodedJob job = encode_raster_job(bitmap, options);
    const Bytes feeds{0x1B, 0x4A, 0xFF, 0x1B, 0x4A, 0xFF, 0x1B, 0x4A, 0x5A};
    const size_t after_first_band = 5 + 8 + 72 * 10;
    CHECK(slice(job.bytes, after_first_band, feeds.size()) == feeds);
    CHECK(job.bytes.size() < bitmap.bytes().size());

    const auto jobs = decode_escpos(job.bytes);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].clean());
    CHECK(jobs[0].feed_dots == 600);
    CHECK(testing::same_bitmap(jobs[0].raster, bitmap));
}

TEST_CASE(
    "an all-white bitmap is sent as bands even with skipping on (the width must reach paper)") {
    MonoBitmap bitmap(384, 100);
    RasterJobOptions options;
    options.skip_blank_rows = 8;
    const EncodedJob job = encode_raster_job(bitmap, options);
    CHECK(job.bands == 1);
    const auto jobs = decode_escpos(job.bytes);
    REQUIRE(jobs.size() == 1);
    CHECK(testing::same_bitmap(jobs[0].raster, bitmap));
}
