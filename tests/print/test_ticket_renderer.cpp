#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "kiosk/print/png_writer.h"
#include "kiosk/print/ticket_renderer.h"
#include "support/bitmap_probe.h"
#include "support/qr_decode.h"

using namespace kiosk;
using namespace kiosk::print;
using namespace kiosk::testing;

namespace {

TicketSlip sample_slip(bool priority = false) {
    TicketSlip slip;
    slip.office_name = "Trung tâm Phục vụ Hành chính công tỉnh Nghệ An";
    slip.number = "1001";
    slip.service_name_vi = "Hộ tịch";
    slip.service_name_en = "Civil status";
    slip.counters = {1, 2};
    slip.people_ahead = 5;
    slip.estimated_wait_minutes = 40;
    slip.issued_at_text = "27/11/2026 14:05:09";
    slip.priority = priority;
    slip.qr_payload = "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1001";
    slip.footer = "Cảm ơn Quý khách!";
    return slip;
}

TicketRenderOptions options_for(int dots) {
    TicketRenderOptions o;
    o.dots = dots;
    return o;
}

// Rows of the inverted band: black at both ends of the printable area and mostly black (the
// white letters take the rest). Rules are centred and shorter; text never fills a row.
int band_rows(const MonoBitmap& bm, int margin) {
    int rows = 0;
    for (int y = 0; y < bm.height(); ++y) {
        int black = 0;
        for (int x = 0; x < bm.width(); ++x)
            black += bm.get(x, y) ? 1 : 0;
        if (bm.get(margin + 1, y) && bm.get(bm.width() - margin - 2, y) &&
            black >= bm.width() * 6 / 10)
            ++rows;
    }
    return rows;
}

// Columns [0, margin) and [width - margin, width) carry no ink.
bool margins_blank(const MonoBitmap& bm, int margin) {
    for (int y = 0; y < bm.height(); ++y)
        for (int x = 0; x < margin; ++x)
            if (bm.get(x, y) || bm.get(bm.width() - 1 - x, y)) return false;
    return true;
}

void write_preview(const MonoBitmap& bm, const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(KIOSK_BINARY_DIR) / "previews";
    std::filesystem::create_directories(dir);
    const PngWriteResult r = write_png((dir / name).string(), bm);
    CHECK_MESSAGE(r.ok(), r.error);
}

}  // namespace

TEST_CASE("ticket is exactly the paper width, cropped, and its QR decodes to the payload") {
    for (int dots : {576, 512, 384}) {
        for (bool priority : {false, true}) {
            INFO(dots, " dots, priority ", priority);
            const TicketSlip slip = sample_slip(priority);
            const MonoBitmap bm = render_ticket(slip, options_for(dots));
            CHECK(bm.width() == dots);
            CHECK(bm.stride() == (dots + 7) / 8);
            // 8 dots/mm: an 80 mm ticket is roughly 90–130 mm long, a 58 mm one a bit longer.
            CHECK(bm.height() > dots);
            CHECK(bm.height() < 250 * 8);
            // Cropped: the last inked row is close to the bottom edge, the first to the top.
            const InkBox box = ink_box(bm);
            REQUIRE(box.any);
            CHECK(bm.height() - box.bottom <= 24);
            CHECK(box.top <= 24);
            CHECK(margins_blank(bm, 8));

            const DecodeResult decoded = decode_barcodes(bm);
            REQUIRE_MESSAGE(decoded.error.empty(), decoded.error);
            REQUIRE(decoded.barcodes.size() == 1);
            CHECK(decoded.barcodes[0].format == "QRCode");
            CHECK(decoded.barcodes[0].text == slip.qr_payload);

            if (dots != 512)
                write_preview(bm, "ticket_" + std::string(priority ? "priority" : "normal") + "_" +
                                      std::to_string(dots) + ".png");
        }
    }
}

TEST_CASE("priority adds an inverted band across the ticket") {
    for (int dots : {576, 384}) {
        INFO(dots, " dots");
        const MonoBitmap normal = render_ticket(sample_slip(false), options_for(dots));
        const MonoBitmap priority = render_ticket(sample_slip(true), options_for(dots));
        CHECK(normal.bytes() != priority.bytes());
        CHECK(priority.height() > normal.height());
        CHECK(band_rows(normal, 16) == 0);
        // The band holds white "ƯU TIÊN" (≥ 28 px) and "Priority" plus padding.
        CHECK(band_rows(priority, 16) >= 60);
        // Its padding rows are one unbroken black run across the printable width.
        int solid = 0;
        for (int y = 0; y < priority.height(); ++y)
            if (longest_black_run(priority, y) >= dots - 2 * 16) ++solid;
        CHECK(solid >= 12);
    }
}

TEST_CASE("the big number occupies a band of at least a quarter of the width") {
    for (int dots : {576, 384}) {
        INFO(dots, " dots");
        TicketSlip slip = sample_slip();
        slip.qr_payload.clear();  // the QR would be the other tall block
        const MonoBitmap bm = render_ticket(slip, options_for(dots));
        const auto bands = ink_bands(bm);
        REQUIRE(!bands.empty());
        RowBand tallest = bands.front();
        for (const RowBand& b : bands)
            if (b.height() > tallest.height()) tallest = b;
        const InkBox number = ink_box(bm, tallest.top, tallest.bottom);
        MESSAGE("number glyph height at ", dots, " dots: ", number.height(), " rows (",
                100 * number.height() / dots, " % of width), ink width ", number.width());
        CHECK(number.height() >= dots / 4);
        CHECK(number.height() <= dots / 2);
        CHECK(number.width() >= dots / 2);  // four big digits across most of the paper
        // The number sits in the upper half, right under the heading.
        CHECK(tallest.top < bm.height() / 2);
        // Centred: equal blank space left and right within a few dots.
        CHECK(std::abs(number.left - (dots - number.right)) <= 3);
    }
}

TEST_CASE("long office names wrap inside the printable width") {
    TicketSlip slip = sample_slip();
    const MonoBitmap short_name = render_ticket(slip, options_for(384));
    slip.office_name =
        "Trung tâm Phục vụ Hành chính công tỉnh Nghệ An — Chi nhánh thành phố Vinh, phường "
        "Hưng Bình, khối Đông Tiến";
    for (int dots : {576, 384}) {
        const MonoBitmap bm = render_ticket(slip, options_for(dots));
        CHECK(bm.width() == dots);
        CHECK(margins_blank(bm, 8));
        if (dots == 384) CHECK(bm.height() >= short_name.height() + 3 * 24);  // more lines
    }
}

TEST_CASE("NFD text renders like NFC; nobody ahead changes the wording") {
    TicketSlip nfc = sample_slip();
    nfc.office_name = "Trung tâm Phục vụ";
    TicketSlip nfd = nfc;
    nfd.office_name =
        "Trung ta\xCC\x82m Phu\xCC\xA3"
        "c vu\xCC\xA3";
    nfd.footer =
        "Ca\xCC\x89m o\xCC\x9Bn Quy\xCC\x81 kha\xCC\x81"
        "ch!";
    REQUIRE(nfd.footer != nfc.footer);
    CHECK(render_ticket(nfd, options_for(576)).bytes() ==
          render_ticket(nfc, options_for(576)).bytes());

    TicketSlip next = sample_slip();
    next.people_ahead = 0;
    const MonoBitmap a = render_ticket(sample_slip(), options_for(576));
    const MonoBitmap b = render_ticket(next, options_for(576));
    CHECK(a.bytes() != b.bytes());
    CHECK(b.height() < a.height());  // the wait line is dropped
}

TEST_CASE("variants: lettered number, nobody ahead, long office name, no QR") {
    TicketSlip slip = sample_slip();
    slip.number = "HT-0012";
    slip.office_name =
        "Trung tâm Phục vụ Hành chính công tỉnh Nghệ An — Chi nhánh thành phố Vinh, phường "
        "Hưng Bình";
    slip.service_name_vi = "Đăng ký kinh doanh và đầu tư";
    slip.service_name_en = "Business and investment registration";
    slip.counters = {12};
    slip.people_ahead = 0;
    for (int dots : {576, 384}) {
        INFO(dots, " dots");
        const MonoBitmap bm = render_ticket(slip, options_for(dots));
        CHECK(bm.width() == dots);
        CHECK(margins_blank(bm, 8));
        const DecodeResult decoded = decode_barcodes(bm);
        REQUIRE(decoded.barcodes.size() == 1);
        CHECK(decoded.barcodes[0].text == slip.qr_payload);
        write_preview(bm, "ticket_variant_" + std::to_string(dots) + ".png");

        TicketSlip no_qr = slip;
        no_qr.qr_payload.clear();
        const MonoBitmap plain = render_ticket(no_qr, options_for(dots));
        CHECK(plain.height() < bm.height());
        CHECK(decode_barcodes(plain).barcodes.empty());
    }
}

TEST_CASE("odd slips and widths render without crashing") {
    TicketSlip empty;  // every field blank: only the heading is left
    const MonoBitmap blank = render_ticket(empty, options_for(576));
    CHECK(blank.width() == 576);
    CHECK(blank.height() > 0);

    TicketSlip odd = sample_slip(true);
    odd.office_name = "Trung t\xE2m \xFF\xFE broken UTF-8";  // Latin-1 bytes: U+FFFD boxes
    odd.number = "Ư999999999999";
    odd.people_ahead = -4;
    odd.estimated_wait_minutes = -10;
    odd.counters = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    for (int dots : {kMinTicketDots, 200, 384, 640, kMaxTicketDots}) {
        INFO(dots, " dots");
        const MonoBitmap bm = render_ticket(odd, options_for(dots));
        CHECK(bm.width() == dots);
        CHECK(margins_blank(bm, 8));
        const DecodeResult decoded = decode_barcodes(bm);
        REQUIRE(decoded.barcodes.size() == 1);
        CHECK(decoded.barcodes[0].text == odd.qr_payload);
    }
}

TEST_CASE("render_ticket errors are precise exceptions") {
    TicketRenderOptions bad_font = options_for(576);
    bad_font.font_bold = "/nonexistent/NotoSans-Bold.ttf";
    CHECK_THROWS_AS(render_ticket(sample_slip(), bad_font), FontError);
    try {
        render_ticket(sample_slip(), bad_font);
    } catch (const FontError& e) {
        CHECK(std::string(e.what()).find("/nonexistent/NotoSans-Bold.ttf") != std::string::npos);
    }

    TicketSlip non_ascii = sample_slip();
    non_ascii.qr_payload = "https://dichvucong.example.gov.vn/hàng-đợi/1001";
    try {
        render_ticket(non_ascii, options_for(576));
        FAIL("expected RenderError");
    } catch (const RenderError& e) {
        CHECK(std::string(e.what()).find("not printable ASCII") != std::string::npos);
        CHECK(std::string(e.what()).find("1001") != std::string::npos);
    }

    CHECK_THROWS_AS(render_ticket(sample_slip(), options_for(100)), RenderError);
    CHECK_THROWS_AS(render_ticket(sample_slip(), options_for(100000)), RenderError);
}

TEST_CASE("options come from the printer and display config") {
    PrinterConfig printer;
    printer.dots = 384;
    DisplayConfig display;
    const TicketRenderOptions o = TicketRenderOptions::from_config(printer, display);
    CHECK(o.dots == 384);
    CHECK(o.font_regular == display.font_regular);
    CHECK(o.font_bold == display.font_bold);
}

TEST_CASE("render time of an 80 mm ticket (measured, not asserted)") {
    const TicketSlip slip = sample_slip(true);
    const TicketRenderOptions o = options_for(576);
    using clock = std::chrono::steady_clock;
    const auto cold_start = clock::now();
    MonoBitmap bm = render_ticket(slip, o);
    const double cold_ms =
        std::chrono::duration<double, std::milli>(clock::now() - cold_start).count();
    constexpr int kRuns = 30;
    const auto start = clock::now();
    for (int i = 0; i < kRuns; ++i)
        bm = render_ticket(slip, o);
    const double warm_ms =
        std::chrono::duration<double, std::milli>(clock::now() - start).count() / kRuns;
    MESSAGE("render_ticket 576 dots, ", bm.height(), " rows: first call ", cold_ms,
            " ms (includes font loading and glyph rasterisation when this case runs alone), then ",
            warm_ms, " ms per ticket");
    CHECK(bm.width() == 576);
}

TEST_CASE("prepare_ticket_renderer checks the fonts and numbers of one format print alike") {
    CHECK_NOTHROW(prepare_ticket_renderer(options_for(576), "1001"));
    TicketRenderOptions bad = options_for(576);
    bad.font_regular = "/nonexistent/NotoSans-Regular.ttf";
    CHECK_THROWS_AS(prepare_ticket_renderer(bad), FontError);

    // Same format, different digits: the same glyph height band (sizes come from the format).
    TicketSlip a = sample_slip(), b = sample_slip();
    a.qr_payload.clear();
    b.qr_payload.clear();
    b.number = "8080";
    const MonoBitmap ra = render_ticket(a, options_for(576));
    const MonoBitmap rb = render_ticket(b, options_for(576));
    auto tallest = [](const MonoBitmap& bm) {
        int best = 0;
        for (const RowBand& band : ink_bands(bm))
            best = std::max(best, band.height());
        return best;
    };
    CHECK(std::abs(tallest(ra) - tallest(rb)) <= 6);  // only digit overshoot differs
}
