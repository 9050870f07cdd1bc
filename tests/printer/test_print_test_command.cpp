// `kiosk print-test` → file → `kiosk escpos-view` → PNG: the page is the configured width, and
// the QR read back from the PNG decodes to the test payload. Also: native QR jobs are drawn.
#include <doctest/doctest.h>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <fstream>
#include <sstream>

#include "drivers/printer/escpos_encoder.h"
#include "kiosk/app/escpos_view_command.h"
#include "kiosk/app/print_test_command.h"
#include "kiosk/core/config.h"
#include "support/qr_decode.h"
#include "support/temp_dir.h"

using namespace kiosk;

namespace {

KioskConfig demo_config() {
    ConfigResult r = parse_config(embedded_demo_config(), "<embedded>");
    REQUIRE(r.ok());
    return *r.config;
}

struct Png {
    int width = 0, height = 0;
    std::vector<uint8_t> gray;
};

Png read_png(const std::string& path) {
    Png png;
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &png.width, &png.height, &channels, 1);
    REQUIRE_MESSAGE(pixels != nullptr, path);
    png.gray.assign(pixels, pixels + static_cast<size_t>(png.width) * png.height);
    stbi_image_free(pixels);
    return png;
}

bool has_qr(const Png& png, const std::string& text) {
    const testing::DecodeResult r =
        testing::decode_barcodes_gray8(png.gray.data(), png.width, png.height);
    for (const auto& b : r.barcodes)
        if (b.format == "QRCode" && b.text == text) return true;
    return false;
}

}  // namespace

TEST_CASE("print-test to a file, then escpos-view: a page of the dot width whose QR decodes") {
    test::TempDir dir("print-test");
    const KioskConfig config = demo_config();
    const std::string bin = dir.file("t.bin"), png_path = dir.file("t.png");
    std::ostringstream out, err;
    REQUIRE_MESSAGE(app::print_test_command(config, "file:" + bin, out, err) == 0, err.str());
    CHECK(out.str().find("test page: " + std::to_string(config.printer.dots) + "x") !=
          std::string::npos);
    // A second run appends a second page: escpos-view stacks both.
    REQUIRE(app::print_test_command(config, "file:" + bin, out, err) == 0);

    std::ostringstream view_out, view_err;
    REQUIRE_MESSAGE(app::escpos_view_command(bin, png_path, config.display.font_regular, view_out,
                                             view_err) == 0,
                    view_err.str());
    CHECK(view_out.str().find("2 job(s)") != std::string::npos);
    const Png png = read_png(png_path);
    CHECK(png.width == config.printer.dots);
    CHECK(has_qr(png, app::test_page_qr_payload(config.printer)));
}

TEST_CASE("escpos-view draws native QR codes and notes text-mode bytes") {
    test::TempDir dir("escpos-view");
    MonoBitmap header(576, 40);
    header.fill_rect(0, 0, 576, 8);
    printer::RasterJobOptions options;
    options.native_qr = "HS-2025-000123";
    const printer::EncodedJob job = printer::encode_raster_job(header, options);
    REQUIRE(job.ok());
    std::vector<uint8_t> stream = job.bytes;
    const std::string text = "\x1b@Hello printer\n";
    stream.insert(stream.end(), text.begin(), text.end());
    const std::string bin = dir.file("q.bin"), png_path = dir.file("q.png");
    std::ofstream(bin, std::ios::binary)
        .write(reinterpret_cast<const char*>(stream.data()),
               static_cast<std::streamsize>(stream.size()));
    std::ostringstream out, err;
    REQUIRE_MESSAGE(
        app::escpos_view_command(bin, png_path, demo_config().display.font_regular, out, err) == 0,
        err.str());
    CHECK(out.str().find("1 native QR") != std::string::npos);
    CHECK(out.str().find("16 text bytes") == std::string::npos);  // ESC @ is not text
    CHECK(out.str().find("14 text bytes") != std::string::npos);
    CHECK(has_qr(read_png(png_path), "HS-2025-000123"));
}

TEST_CASE("escpos-view reports a file with nothing printable") {
    test::TempDir dir("escpos-view-empty");
    const std::string bin = dir.file("e.bin");
    std::ofstream(bin, std::ios::binary) << std::string(100, '\0');
    std::ostringstream out, err;
    CHECK(app::escpos_view_command(bin, dir.file("e.png"), "/nonexistent.ttf", out, err) == 1);
    CHECK(err.str().find("nothing printable") != std::string::npos);
    CHECK(app::escpos_view_command(dir.file("missing.bin"), dir.file("m.png"), "", out, err) == 1);
}
