#include <doctest/doctest.h>

#include <fstream>

#include "kiosk/core/config.h"
#include "kiosk/print/text_raster.h"
#include "support/bitmap_probe.h"

using namespace kiosk;
using namespace kiosk::print;
using kiosk::testing::ink_box;

namespace {

std::shared_ptr<FontFace> regular() {
    return FontCache::shared().get(DisplayConfig{}.font_regular);
}
std::shared_ptr<FontFace> bold() {
    return FontCache::shared().get(DisplayConfig{}.font_bold);
}

// "Nghệ An, Đường Phố" spelled in NFD: e + dot below (U+0323) + circumflex (U+0302) — the order
// NFD produces, which naive composers get wrong.
const std::string kNfd =
    "Nghe\xCC\xA3\xCC\x82 An, \xC4\x90u\xCC\x9Bo\xCC\x9B\xCC\x80ng Pho\xCC\x82\xCC\x81";
const std::string kNfc = "Nghệ An, Đường Phố";

}  // namespace

TEST_CASE("to_nfc composes NFD Vietnamese and replaces malformed bytes") {
    CHECK(to_nfc(kNfd) == kNfc);
    CHECK(to_nfc(kNfc) == kNfc);
    CHECK(to_nfc("ab\xFF"
                 "c") ==
          "ab\xEF\xBF\xBD"
          "c");  // U+FFFD, text kept
    CHECK(to_nfc("") == "");
}

TEST_CASE("to_upper is Vietnamese-correct") {
    CHECK(to_upper("trung tâm phục vụ") == "TRUNG TÂM PHỤC VỤ");
    CHECK(to_upper("đường ưu tiên, hộ tịch") == "ĐƯỜNG ƯU TIÊN, HỘ TỊCH");
    CHECK(to_upper("ẫ ỗ ữ ậ ệ ặ ộ ỹ") == "Ẫ Ỗ Ữ Ậ Ệ Ặ Ộ Ỹ");
    CHECK(to_upper(kNfd) == "NGHỆ AN, ĐƯỜNG PHỐ");  // NFD in, NFC capitals out
}

TEST_CASE("drawn text is non-empty and its ink matches measure_text") {
    const TextStyle style{regular(), PixelSize::square(32)};
    const std::string text = "Xin chào Quý khách — Số 1001";
    const TextExtent measured = measure_text(style, text);
    REQUIRE(measured.has_ink);
    CHECK(measured.advance > 0);

    MonoBitmap bm(measured.box_width() + 80, 120);
    const int pen_x = 40, baseline = 80;
    const TextExtent drawn = draw_text(bm, style, text, pen_x, baseline);
    const auto box = ink_box(bm);
    REQUIRE(box.any);
    CHECK(box.left == pen_x + measured.ink_left);
    CHECK(box.right == pen_x + measured.ink_right);
    CHECK(box.top == baseline + measured.ink_top);
    CHECK(box.bottom == baseline + measured.ink_bottom);
    CHECK(drawn.advance == measured.advance);
    // The advance of a long run stays close to its ink width (no runaway pen).
    CHECK(measured.advance >= box.width() - 4);
    CHECK(measured.advance <= box.width() + 20);
}

TEST_CASE("advance of concatenated text is the sum of its parts plus kerning") {
    const TextStyle style{regular(), PixelSize::square(40)};
    const int a = measure_text(style, "Quầy").advance;
    const int b = measure_text(style, "phục vụ").advance;
    const int ab = measure_text(style, "Quầyphục vụ").advance;
    // Kerning (if the face has a kern table) adjusts by at most a few pixels at 40 px.
    CHECK(std::abs(ab - (a + b)) <= 6);
    if (!style.face->has_kerning()) CHECK(std::abs(ab - (a + b)) <= 1);
}

TEST_CASE("NFD input renders pixel-identical to NFC") {
    for (const auto& face : {regular(), bold()}) {
        const TextStyle style{face, PixelSize::square(36)};
        MonoBitmap nfd(600, 80), nfc(600, 80);
        draw_text(nfd, style, kNfd, 10, 56);
        draw_text(nfc, style, kNfc, 10, 56);
        CHECK(kiosk::testing::black_pixels(nfc) > 200);
        CHECK(nfd.bytes() == nfc.bytes());
    }
}

TEST_CASE("stacked Vietnamese marks never touch the line box edges") {
    const std::vector<std::string> lines = {"ẪỖỮẬỆẶỘ ẤẦẨỄỀỂ ỸỶỠỚẮẰẲẴ", "ặộỵỹẫỗữậệ gjpqy ỴỢỰỊ",
                                            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"};
    for (const auto& face : {regular(), bold()}) {
        for (int px : {20, 24, 28, 36, 48, 72, 120}) {
            const TextStyle style{face, PixelSize::square(px)};
            const VerticalMetrics vm = face->metrics(style.size);
            // ≈ 1.3–1.4 em keeps stacked capitals readable without wasting paper.
            CHECK(vm.line_height() >= px * 125 / 100);
            CHECK(vm.line_height() <= px * 150 / 100);
            const int pad = px;  // ink outside the boxes would land here
            MonoBitmap bm(px * 20, 2 * pad + vm.line_height() * static_cast<int>(lines.size()));
            draw_lines(bm, style, lines, 0, pad, bm.width(), Align::Left);
            for (size_t i = 0; i < lines.size(); ++i) {
                const int top = pad + static_cast<int>(i) * vm.line_height();
                const int bottom = top + vm.line_height();  // exclusive
                const auto inside = ink_box(bm, top, bottom);
                INFO(face->path(), " ", px, " px, line ", i, ", box rows ", top, "..", bottom);
                REQUIRE(inside.any);
                CHECK(!kiosk::testing::row_has_ink(bm, top));
                CHECK(!kiosk::testing::row_has_ink(bm, bottom - 1));
            }
            // Nothing above the first box or below the last one.
            CHECK(!ink_box(bm, 0, pad).any);
            CHECK(!ink_box(bm, pad + vm.line_height() * static_cast<int>(lines.size())).any);
        }
    }
}

TEST_CASE("wrap_text keeps every line within the width and keeps every word") {
    const TextStyle style{bold(), PixelSize::square(30)};
    const std::string text =
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH NGHỆ AN — CHI NHÁNH THÀNH PHỐ VINH, PHƯỜNG "
        "HƯNG BÌNH";
    for (int width : {200, 300, 384, 544}) {
        const auto lines = wrap_text(style, text, width);
        REQUIRE(lines.size() >= 2);
        std::string joined;
        for (const auto& line : lines) {
            CHECK(measure_text(style, line).box_width() <= width);
            joined += (joined.empty() ? "" : " ") + line;
        }
        CHECK(joined == text);

        // Drawn inside [left, left + width): no ink outside those columns.
        const int left = 30;
        MonoBitmap bm(width + 60, 60 * static_cast<int>(lines.size()) + 40);
        draw_paragraph(bm, style, text, left, 0, width, Align::Center);
        const auto box = ink_box(bm);
        REQUIRE(box.any);
        CHECK(box.left >= left);
        CHECK(box.right <= left + width);
    }
}

TEST_CASE("wrap_text splits a word wider than the line between graphemes") {
    const TextStyle style{regular(), PixelSize::square(24)};
    const std::string word = "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1001";
    const auto lines = wrap_text(style, word, 150);
    REQUIRE(lines.size() >= 3);
    std::string joined;
    for (const auto& line : lines) {
        CHECK(measure_text(style, line).box_width() <= 150);
        joined += line;
    }
    CHECK(joined == word);
    CHECK(wrap_text(style, "", 150).empty());
    CHECK(wrap_text(style, "một\nhai", 400) == std::vector<std::string>{"một", "hai"});
}

TEST_CASE("a missing or broken font is a precise FontError, not a crash") {
    const std::string missing = "/nonexistent/fonts/NoSuchFont.ttf";
    try {
        FontCache::shared().get(missing);
        FAIL("expected FontError");
    } catch (const FontError& e) {
        CHECK(e.path() == missing);
        CHECK(std::string(e.what()).find(missing) != std::string::npos);
        CHECK(std::string(e.what()).find("FreeType error") != std::string::npos);
    }

    const std::string junk = std::string(KIOSK_BINARY_DIR) + "/not_a_font.ttf";
    std::ofstream(junk) << "this is not a TrueType file";
    try {
        FontFace::load(junk);
        FAIL("expected FontError");
    } catch (const FontError& e) {
        const std::string what = e.what();
        CHECK(what.find(junk) != std::string::npos);
        CHECK(what.find("unknown file format") != std::string::npos);
        CHECK(e.freetype_error() != 0);
    }
}

TEST_CASE("the font cache loads each face once") {
    CHECK(regular().get() == regular().get());
    CHECK(regular().get() != bold().get());
}

TEST_CASE("wrap_labelled keeps the value together on its own line when needed") {
    const TextStyle style{regular(), PixelSize::square(24)};
    const int wide = measure_text(style, "Thời gian chờ dự kiến: khoảng 40 phút").box_width();
    CHECK(wrap_labelled(style, "Thời gian chờ dự kiến:", "khoảng 40 phút", wide) ==
          std::vector<std::string>{"Thời gian chờ dự kiến: khoảng 40 phút"});
    CHECK(wrap_labelled(style, "Thời gian chờ dự kiến:", "khoảng 40 phút", wide - 1) ==
          std::vector<std::string>{"Thời gian chờ dự kiến:", "khoảng 40 phút"});
    CHECK(wrap_labelled(style, "Bạn là người tiếp theo", "", 400) ==
          std::vector<std::string>{"Bạn là người tiếp theo"});
}

TEST_CASE("wrap_segments breaks between segments before breaking words") {
    const TextStyle style{regular(), PixelSize::square(20)};
    const std::vector<std::string> parts = {"Counters 1, 2", "5 people ahead", "about 40 min"};
    const int all =
        measure_text(style, "Counters 1, 2 · 5 people ahead · about 40 min").box_width();
    CHECK(wrap_segments(style, parts, " · ", all) ==
          std::vector<std::string>{"Counters 1, 2 · 5 people ahead · about 40 min"});
    const int two = measure_text(style, "Counters 1, 2 · 5 people ahead").box_width();
    CHECK(wrap_segments(style, parts, " · ", two) ==
          std::vector<std::string>{"Counters 1, 2 · 5 people ahead", "about 40 min"});
    const int narrow = measure_text(style, "5 people").box_width();
    for (const auto& line : wrap_segments(style, parts, " · ", narrow))
        CHECK(measure_text(style, line).box_width() <= narrow);
}

TEST_CASE("balanced wrap evens out heading lines and never starts a line with a dash") {
    const TextStyle style{bold(), PixelSize::square(28)};
    const std::string office =
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH NGHỆ AN — CHI NHÁNH THÀNH PHỐ VINH, PHƯỜNG HƯNG "
        "BÌNH";
    for (int width : {352, 544}) {
        INFO("width ", width);
        const auto greedy = wrap_text(style, office, width);
        const auto balanced = wrap_balanced(style, office, width);
        REQUIRE(balanced.size() == greedy.size());
        auto spread = [&](const std::vector<std::string>& lines) {
            int lo = width, hi = 0;
            for (const auto& l : lines) {
                const int w = measure_text(style, l).box_width();
                lo = std::min(lo, w), hi = std::max(hi, w);
                CHECK(w <= width);
                CHECK(l.rfind("—", 0) != 0);
            }
            return hi - lo;
        };
        CHECK(spread(balanced) <= spread(greedy));
        CHECK(spread(balanced) < width / 2);
    }
}
