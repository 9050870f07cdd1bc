#include <doctest/doctest.h>

#include <stb_image.h>  // declarations only: libstb holds the implementation

#include <filesystem>
#include <memory>

#include "kiosk/print/png_writer.h"

using namespace kiosk;
using namespace kiosk::print;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::path(KIOSK_BINARY_DIR) / "test_png_writer" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

struct StbiFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};
using Pixels = std::unique_ptr<unsigned char, StbiFree>;

Pixels load(const fs::path& path, int channels, int& w, int& h) {
    int n = 0;
    return Pixels(stbi_load(path.c_str(), &w, &h, &n, channels));
}

}  // namespace

TEST_CASE("a MonoBitmap survives a PNG round trip pixel for pixel") {
    MonoBitmap bm(37, 23);  // width not a multiple of 8: padding bits must not leak
    for (int y = 0; y < bm.height(); ++y)
        for (int x = 0; x < bm.width(); ++x)
            bm.set(x, y, (x * 7 + y * 3) % 5 == 0 || x == 36);
    const fs::path path = fresh_dir("mono") / "bitmap.png";
    const PngWriteResult r = write_png(path.string(), bm);
    REQUIRE_MESSAGE(r.ok(), r.error);

    int w = 0, h = 0;
    const Pixels px = load(path, 1, w, h);
    REQUIRE(px);
    REQUIRE(w == 37);
    REQUIRE(h == 23);
    int mismatches = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (px.get()[y * w + x] != (bm.get(x, y) ? 0 : 255)) ++mismatches;
    CHECK(mismatches == 0);
    // Only the target is left in the directory: the temporary file was renamed.
    CHECK(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator{}) == 1);
}

TEST_CASE("grey and RGBA buffers with padded rows round trip") {
    const int w = 5, h = 4;
    std::vector<uint8_t> gray(static_cast<size_t>(8 * h), 0xEE);  // stride 8, 3 bytes padding
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            gray[static_cast<size_t>(y * 8 + x)] = static_cast<uint8_t>(y * 50 + x);
    std::vector<uint8_t> rgba(static_cast<size_t>(w * 4 * h));
    for (size_t i = 0; i < rgba.size(); ++i)
        rgba[i] = static_cast<uint8_t>(i * 11);

    const fs::path dir = fresh_dir("colour");
    REQUIRE(write_png_gray8((dir / "g.png").string(), w, h, gray.data(), 8).ok());
    REQUIRE(write_png_rgba8((dir / "c.png").string(), w, h, rgba.data()).ok());

    int lw = 0, lh = 0;
    const Pixels g = load(dir / "g.png", 1, lw, lh);
    REQUIRE(g);
    CHECK((lw == w && lh == h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            CHECK(g.get()[y * w + x] == gray[static_cast<size_t>(y * 8 + x)]);
    const Pixels c = load(dir / "c.png", 4, lw, lh);
    REQUIRE(c);
    CHECK(std::equal(rgba.begin(), rgba.end(), c.get()));
}

TEST_CASE("writing over an existing PNG replaces it whole") {
    const fs::path path = fresh_dir("replace") / "ticket.png";
    MonoBitmap big(200, 100), small(10, 10);
    big.fill_rect(0, 0, 200, 100);
    REQUIRE(write_png(path.string(), big).ok());
    REQUIRE(write_png(path.string(), small).ok());
    int w = 0, h = 0;
    const Pixels px = load(path, 1, w, h);
    REQUIRE(px);
    CHECK((w == 10 && h == 10));
    CHECK(px.get()[0] == 255);
}

TEST_CASE("PNG write errors say what and where") {
    MonoBitmap bm(8, 8);
    const PngWriteResult no_dir = write_png("/nonexistent-dir/sub/out.png", bm);
    CHECK_FALSE(no_dir.ok());
    CHECK(no_dir.error.find("/nonexistent-dir/sub") != std::string::npos);
    CHECK(no_dir.error.find("No such file or directory") != std::string::npos);

    CHECK(write_png((fresh_dir("empty") / "e.png").string(), MonoBitmap()).error.find("empty") !=
          std::string::npos);
    const uint8_t pixel = 0;
    CHECK(write_png_gray8("x.png", 0, 5, &pixel).error.find("invalid size 0x5") !=
          std::string::npos);
    CHECK(write_png_gray8("x.png", 4, 1, &pixel, 2).error.find("stride 2") != std::string::npos);
    CHECK(write_png_rgba8("x.png", 1, 1, nullptr).error.find("no pixel data") != std::string::npos);

    // A directory in the way of the final rename: the temporary file is cleaned up.
    const fs::path dir = fresh_dir("blocked");
    fs::create_directories(dir / "taken.png" / "child");
    const PngWriteResult blocked = write_png((dir / "taken.png").string(), bm);
    CHECK_FALSE(blocked.ok());
    CHECK(blocked.error.find("cannot rename") != std::string::npos);
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
}
