// ReadDebouncer (one read per presentation) and make_preview (the screen's downscaled frame).
#include <doctest/doctest.h>

#include "kiosk/scan/live_scanner.h"
#include "kiosk/scan/read_debouncer.h"

using namespace kiosk::scan;
using namespace std::chrono_literals;

namespace {
const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
}

TEST_CASE("ReadDebouncer: one read while the code stays in view") {
    ReadDebouncer debouncer(1000ms);
    CHECK(debouncer.on_frame({"A"}, t0) == 0u);
    for (int i = 1; i <= 60; ++i)
        CHECK_FALSE(debouncer.on_frame({"A"}, t0 + i * 33ms));
    // A 900 ms dropout (hand shakes, glare) is still the same presentation…
    CHECK_FALSE(debouncer.on_frame({}, t0 + 2500ms));
    CHECK_FALSE(debouncer.on_frame({"A"}, t0 + 60 * 33ms + 900ms));
}

TEST_CASE("ReadDebouncer: re-armed after the code was out of view for the re-arm time") {
    ReadDebouncer debouncer(1000ms);
    CHECK(debouncer.on_frame({"A"}, t0) == 0u);
    CHECK_FALSE(debouncer.on_frame({}, t0 + 500ms));
    CHECK(debouncer.on_frame({"A"}, t0 + 1200ms) == 0u);
}

TEST_CASE("ReadDebouncer: a different code is read at once") {
    ReadDebouncer debouncer(1000ms);
    CHECK(debouncer.on_frame({"A"}, t0) == 0u);
    CHECK(debouncer.on_frame({"B"}, t0 + 100ms) == 0u);
    CHECK_FALSE(debouncer.on_frame({"A"}, t0 + 200ms));  // A seen 200 ms ago: still active
}

TEST_CASE("ReadDebouncer: a receipt's QR and Code 128 are one presentation") {
    ReadDebouncer debouncer(1000ms);
    // The QR is read first, the Code 128 comes into focus a frame later: no second read.
    CHECK(debouncer.on_frame({"https://x/?MHS=C"}, t0) == 0u);
    CHECK_FALSE(debouncer.on_frame({"https://x/?MHS=C", "C"}, t0 + 33ms));
    CHECK_FALSE(debouncer.on_frame({"C"}, t0 + 66ms));
    // Both at once: the first (preferred) one is delivered.
    ReadDebouncer fresh(1000ms);
    CHECK(fresh.on_frame({"QR", "BAR"}, t0) == 0u);
    fresh.reset();
    CHECK(fresh.on_frame({"QR"}, t0 + 10ms) == 0u);
}

TEST_CASE("make_preview: box-filtered to at most the width, aspect kept") {
    GrayImage frame(1280, 720, 0);
    for (int y = 0; y < 720; ++y)
        for (int x = 0; x < 1280; ++x)
            frame.at(x, y) = (x % 2 == 0) ? 100 : 200;
    const PreviewFrame preview = make_preview(frame.view(), 640);
    CHECK(preview.width == 640);
    CHECK(preview.height == 360);
    CHECK(preview.scale == doctest::Approx(0.5));
    CHECK(preview.pixels.size() == 640u * 360u);
    CHECK(preview.pixels[0] == 150);  // 2×2 average of 100 and 200
    CHECK(preview.pixels[640 * 360 - 1] == 150);

    const PreviewFrame hd = make_preview(GrayImage(1920, 1080, 7).view(), 640);
    CHECK(hd.width == 640);
    CHECK(hd.height == 360);
    CHECK(hd.pixels[1234] == 7);

    const PreviewFrame small = make_preview(GrayImage(320, 240, 9).view(), 640);
    CHECK(small.width == 320);  // never enlarged
    CHECK(make_preview(GrayView{}, 640).pixels.empty());
}
