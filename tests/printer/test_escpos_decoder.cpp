// Decoder: encode → decode round trips, appended jobs, truncation, garbage, capped sizes.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/escpos_encoder.h"
#include "test_bitmaps.h"

using namespace kiosk;
using namespace kiosk::printer;
using kiosk::printer::testing::random_bitmap;
using kiosk::printer::testing::same_bitmap;
using Bytes = std::vector<uint8_t>;

namespace {

bool any_error_contains(const DecodedJob& job, const std::string& needle) {
    for (const auto& e : job.errors)
        if (e.find(needle) != std::string::npos) return true;
    return false;
}

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

}  // namespace

TEST_CASE("encode → decode is bit-exact for random tickets at 576, 512 and 384 dots") {
    std::mt19937 rng(2026);
    std::uniform_int_distribution<int> height(1, 1500);
    const int band_choices[] = {1, 24, 128, 200, 256};
    std::uniform_int_distribution<int> band_pick(0, 4);
    std::uniform_int_distribution<int> skip_pick(0, 2);
    for (int width : {576, 512, 384}) {
        std::vector<int> heights = {1, 255, 256, 257, 1500};
        for (int i = 0; i < 10; ++i)
            heights.push_back(height(rng));
        for (int h : heights) {
            const MonoBitmap bitmap = random_bitmap(width, h, rng);
            RasterJobOptions options;
            options.band_rows = band_choices[band_pick(rng)];
            options.skip_blank_rows = skip_pick(rng) * 8;  // 0 (off), 8, 16
            options.cut = h % 3 == 0 ? CutMode::Full : CutMode::Partial;
            CAPTURE(width);
            CAPTURE(h);
            CAPTURE(options.band_rows);
            CAPTURE(options.skip_blank_rows);
            const EncodedJob encoded = encode_raster_job(bitmap, options);
            REQUIRE(encoded.ok());
            const auto jobs = decode_escpos(encoded.bytes);
            REQUIRE(jobs.size() == 1);
            const DecodedJob& job = jobs[0];
            CHECK(job.clean());
            CHECK(job.initialised);
            CHECK(same_bitmap(job.raster, bitmap));
            CHECK(job.band_count() == encoded.bands);
            CHECK(job.max_band_rows <= options.band_rows);
            CHECK(job.cut == options.cut);
            CHECK(job.cuts == 1);
            CHECK(job.feed_lines == 4);
            CHECK(job.alignment == 1);
            CHECK(job.text.empty());
            CHECK(job.begin == 0);
            CHECK(job.end == encoded.bytes.size());
        }
    }
}

TEST_CASE("jobs appended in one stream decode separately, in order") {
    std::mt19937 rng(5);
    const MonoBitmap a = random_bitmap(576, 300, rng);
    const MonoBitmap b = random_bitmap(384, 40, rng);
    const MonoBitmap c = random_bitmap(512, 700, rng);
    RasterJobOptions full, none, partial;
    full.cut = CutMode::Full;
    none.cut = CutMode::None;
    const Bytes ja = encode_raster_job(a, full).bytes;
    const Bytes jb = encode_raster_job(b, none).bytes;
    const Bytes jc = encode_raster_job(c, partial).bytes;
    const auto jobs = decode_escpos(cat({ja, jb, jc}));
    REQUIRE(jobs.size() == 3);
    CHECK(same_bitmap(jobs[0].raster, a));
    CHECK(same_bitmap(jobs[1].raster, b));
    CHECK(same_bitmap(jobs[2].raster, c));
    CHECK(jobs[0].cut == CutMode::Full);
    CHECK(jobs[1].cut == CutMode::None);
    CHECK(jobs[1].cuts == 0);
    CHECK(jobs[2].cut == CutMode::Partial);
    CHECK(jobs[1].begin == ja.size());
    CHECK(jobs[2].begin == ja.size() + jb.size());
    CHECK(jobs[2].end == ja.size() + jb.size() + jc.size());
}

TEST_CASE("ESC @ bytes inside raster data do not split the job") {
    MonoBitmap bitmap(16, 3);
    bitmap.row(1)[0] = 0x1B;
    bitmap.row(1)[1] = 0x40;
    const auto jobs = decode_escpos(encode_raster_job(bitmap, RasterJobOptions{}).bytes);
    REQUIRE(jobs.size() == 1);
    CHECK(same_bitmap(jobs[0].raster, bitmap));
}

TEST_CASE("a stream cut inside raster data is flagged truncated and keeps the complete rows") {
    MonoBitmap bitmap(576, 100);
    bitmap.fill_rect(0, 0, 576, 100);
    const Bytes full = encode_raster_job(bitmap, RasterJobOptions{}).bytes;
    const size_t cut_at = 5 + 8 + 72 * 40 + 10;  // 40 whole rows and a bit
    const auto jobs = decode_escpos(std::span(full).first(cut_at));
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].truncated);
    CHECK(jobs[0].raster.height() == 40);
    CHECK(jobs[0].raster.width() == 576);
    CHECK(any_error_contains(jobs[0], "GS v 0 at offset 5"));
    CHECK(jobs[0].cut == CutMode::None);
}

TEST_CASE("a stream cut inside a command header is flagged truncated") {
    for (const Bytes& stream :
         {Bytes{0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 0x48}, Bytes{0x1B, 0x40, 0x1B},
          Bytes{0x1B, 0x40, 0x1B, 0x64}, Bytes{0x1B, 0x40, 0x1D, 0x56, 0x42}}) {
        const auto jobs = decode_escpos(stream);
        REQUIRE(jobs.size() == 1);
        CHECK(jobs[0].truncated);
        CHECK(!jobs[0].errors.empty());
    }
}

TEST_CASE("a GS v 0 header claiming 65535 × 65535 is capped with a clear error") {
    Bytes stream{0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 0xFF, 0xFF, 0xFF, 0xFF};
    stream.resize(stream.size() + 1000, 0xAA);
    const auto jobs = decode_escpos(stream);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].truncated);
    CHECK(jobs[0].raster.empty());
    REQUIRE(jobs[0].bands.size() == 1);
    CHECK(jobs[0].bands[0].row_bytes == 65535);
    CHECK(any_error_contains(jobs[0], "over the decoder cap"));
}

TEST_CASE("rows over the decoder's row cap are dropped with an error") {
    MonoBitmap bitmap(64, 300);
    bitmap.fill_rect(0, 0, 64, 300);
    DecodeLimits limits;
    limits.max_rows = 200;
    RasterJobOptions options;
    options.band_rows = 100;
    const auto jobs = decode_escpos(encode_raster_job(bitmap, options).bytes, limits);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].raster.height() == 200);  // two bands fit, the third would make 300 rows
    CHECK(any_error_contains(jobs[0], "300 rows high, over the decoder cap of 200"));
    CHECK(jobs[0].band_count() == 3);
}

TEST_CASE("bytes before the first ESC @ form an uninitialised job; NUL padding does not") {
    MonoBitmap bitmap(384, 8);
    bitmap.fill_rect(0, 0, 100, 8);
    const Bytes job = encode_raster_job(bitmap, RasterJobOptions{}).bytes;

    auto jobs = decode_escpos(cat({Bytes(8192, 0x00), job}));
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].initialised);
    CHECK(jobs[0].begin == 8192);

    jobs = decode_escpos(cat({Bytes{'x', 0x01, 0x1B, 0xFE}, job}));
    REQUIRE(jobs.size() == 2);
    CHECK(!jobs[0].initialised);
    CHECK(jobs[0].text == "x");
    CHECK(jobs[0].unknown_count == 2);
    CHECK(same_bitmap(jobs[1].raster, bitmap));
    CHECK(jobs[1].clean());
}

TEST_CASE("text, feeds, status queries and other commands are reported") {
    const Bytes stream{0x1B, 0x40, 0x10, 0x04, 0x02, 0x1B, 0x74, 0x1E, 'X',  'i',  'n',
                       0x0D, 0x0A, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30, 0x1B,
                       0x4A, 0x05, 0x1B, 0x64, 0x02, 0x1D, 0x56, 0x00, 0x1D, 0xF0, 0x1F};
    const auto jobs = decode_escpos(stream);
    REQUIRE(jobs.size() == 1);
    const DecodedJob& job = jobs[0];
    CHECK(job.text == "Xin\n");
    CHECK(job.status_queries == Bytes{0x02});
    CHECK(job.feed_lines == 2);
    CHECK(job.feed_dots == 5);
    CHECK(job.raster.empty());  // feeds alone carry no width
    CHECK(job.cut == CutMode::Full);
    CHECK(job.other_commands >= 3);  // ESC t, CR, GS ( k, DLE EOT
    REQUIRE(job.unknown_count == 2);
    CHECK(job.unknown_commands[0].offset == 30);
    CHECK(job.unknown_commands[0].bytes == Bytes{0x1D, 0xF0});
    CHECK(job.unknown_commands[1].bytes == Bytes{0x1F});
    CHECK(!job.truncated);
}

TEST_CASE("random garbage never throws and stays within the stream") {
    std::mt19937 rng(99);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 50; ++round) {
        Bytes stream(static_cast<size_t>(round) * 97);
        for (auto& b : stream)
            b = static_cast<uint8_t>(byte(rng));
        std::vector<DecodedJob> jobs;
        CHECK_NOTHROW(jobs = decode_escpos(stream));
        for (const auto& job : jobs) {
            CHECK(job.end <= stream.size());
            CHECK(job.begin <= job.end);
        }
    }
}

TEST_CASE("to_pbm writes a P4 header and the raster bytes") {
    MonoBitmap bitmap(10, 2);
    bitmap.set(0, 0);
    const Bytes pbm = to_pbm(bitmap);
    const std::string header = "P4\n10 2\n";
    REQUIRE(pbm.size() == header.size() + 4);
    CHECK(std::string(pbm.begin(), pbm.begin() + static_cast<std::ptrdiff_t>(header.size())) ==
          header);
    CHECK(pbm[header.size()] == 0x80);
}
