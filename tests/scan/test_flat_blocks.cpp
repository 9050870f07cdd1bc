// The live-mode clean-up before QR detection: flat noisy blocks become one level, blocks with a
// printed edge pass through untouched, and the half-resolution copy samples the right pixels.
#include <doctest/doctest.h>

#include <random>

#include "kiosk/scan/flat_blocks.h"

using namespace kiosk::scan;

namespace {
GrayImage noisy(int w, int h, int base, int spread, unsigned seed) {
    GrayImage img(w, h);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> d(-spread, spread);
    for (auto& p : img.pixels)
        p = static_cast<uint8_t>(base + d(rng));
    return img;
}
}  // namespace

TEST_CASE("a flat noisy 8x8 block becomes a single level near its mean") {
    const GrayImage img = noisy(8, 8, 128, 12, 1);
    const GrayImage out = flatten_low_contrast_blocks(img.view(), 0, 0, 8, 8);
    REQUIRE(out.width == 8);
    REQUIRE(out.height == 8);
    for (uint8_t p : out.pixels)
        CHECK(p == out.pixels[0]);
    CHECK(out.pixels[0] >= 120);
    CHECK(out.pixels[0] <= 136);
}

TEST_CASE("a block holding a printed edge is copied byte for byte") {
    GrayImage img = noisy(16, 8, 200, 10, 2);
    for (int y = 0; y < 8; ++y)
        for (int x = 3; x < 6; ++x)
            img.at(x, y) = 40;  // a dark module edge inside the first block
    const GrayImage out = flatten_low_contrast_blocks(img.view(), 0, 0, 16, 8);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            CHECK(out.at(x, y) == img.at(x, y));
    // The second block has only noise: flattened.
    for (int y = 0; y < 8; ++y)
        for (int x = 8; x < 16; ++x)
            CHECK(out.at(x, y) == out.at(8, 0));
}

TEST_CASE("step 2 samples the even pixels, and a region outside the frame is clipped") {
    GrayImage img(32, 32);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x)
            img.at(x, y) = static_cast<uint8_t>(
                (x % 2 == 0 && y % 2 == 0) ? ((x / 2 + y / 2) % 2 ? 20 : 230) : 128);
    const GrayImage half = flatten_low_contrast_blocks(img.view(), 0, 0, 32, 32, 2);
    REQUIRE(half.width == 16);
    REQUIRE(half.height == 16);
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            CHECK(half.at(x, y) == img.at(2 * x, 2 * y));  // a checkerboard: every block has edges
    const GrayImage clipped = flatten_low_contrast_blocks(img.view(), 24, 24, 16, 16);
    CHECK(clipped.width == 8);
    CHECK(clipped.height == 8);
}
