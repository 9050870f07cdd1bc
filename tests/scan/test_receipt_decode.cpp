// Synthetic receipts in both code layouts, with URL and bare QR payloads and a Code 128, decoded
// back through kiosk_scan and classified: upright, rotated, blurred, low-contrast and as part of a
// camera frame. Every decoded symbol must classify as the printed dossier code (no misreads).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kiosk/core/scan_payload.h"
#include "kiosk/scan/barcode_decoder.h"
#include "kiosk/scan/image_ops.h"
#include "receipt_images.h"

using namespace kiosk;
using namespace kiosk::scan;
using namespace kiosk::scan::testing;

namespace {

PayloadContext context() {
    PayloadContext c;
    c.now = from_local(LocalDateTime{2026, 11, 27, 10, 0, 0, 0});
    c.ticket_url_template = "https://dichvucong.example.gov.vn/hang-doi/{office}/{date}/{number}";
    c.office_id = "nghean";
    return c;
}

struct Receipt {
    std::string name;
    std::string code;
    GrayImage image;
};

std::vector<Receipt> receipts() {
    std::vector<Receipt> out;
    for (const std::string code : {"000.00.21.H41-250312-0007", "H41.22.10.01-251103-0012"}) {
        ReceiptSpec url;
        url.dossier_code = code;
        url.qr_payload =
            "https://dichvucong.nghean.gov.vn/portaldvc/tra-cuu?SGT=040095001234&MHS=" + code;
        url.code128_payload = code;
        out.push_back({"URL QR + Code 128 " + code, code, render_receipt(url)});
        ReceiptSpec bare = url;
        bare.qr_payload = code;
        out.push_back({"bare QR + Code 128 " + code, code, render_receipt(bare)});
    }
    return out;
}

struct Found {
    bool qr = false, code128 = false;
};

// Decodes, checks every symbol classifies as `code` (a misread fails), reports what was found.
Found decode_and_check(const GrayImage& image, DecodeMode mode, const std::string& code) {
    DecodeOptions options;
    options.mode = mode;
    const DecodeOutcome outcome = decode_barcodes(image.view(), options);
    CHECK_MESSAGE(outcome.error.empty(), outcome.error);
    Found found;
    for (const auto& s : outcome.symbols) {
        const ScanPayload payload = classify_payload(s.text, context());
        CAPTURE(to_log_string(payload));
        REQUIRE(payload.dossier() != nullptr);
        CHECK(payload.dossier()->code.text() == code);
        if (s.symbology == Symbology::QrCode) found.qr = true;
        if (s.symbology == Symbology::Code128) {
            found.code128 = true;
            CHECK(payload.dossier()->source == PayloadSource::BareCode);
        }
    }
    return found;
}

}  // namespace

TEST_CASE("upright receipts: live finds a symbol, thorough finds both") {
    for (const auto& r : receipts()) {
        CAPTURE(r.name);
        // Live stops at the first region with a symbol: the centre holds the QR code, the
        // Code 128 may lie outside it.
        const Found live = decode_and_check(r.image, DecodeMode::Live, r.code);
        CHECK(live.qr);
        const Found thorough = decode_and_check(r.image, DecodeMode::Thorough, r.code);
        CHECK(thorough.qr);
        CHECK(thorough.code128);
    }
}

TEST_CASE("the URL QR carries the owner ID as a masked second factor") {
    const auto all = receipts();
    DecodeOptions options;
    const auto outcome = decode_barcodes(all[0].image.view(), options);
    bool seen = false;
    for (const auto& s : outcome.symbols) {
        if (s.symbology != Symbology::QrCode) continue;
        const auto payload = classify_payload(s.text, context());
        REQUIRE(payload.dossier());
        CHECK(payload.dossier()->source == PayloadSource::Url);
        CHECK(payload.dossier()->owner_id.masked() == "********1234");
        CHECK(masked_payload_text(s.text).find("040095001234") == std::string::npos);
        seen = true;
    }
    CHECK(seen);
}

TEST_CASE("quarter-turned receipts: QR live, both symbols thorough") {
    for (const auto& r : receipts()) {
        for (int q = 1; q <= 3; ++q) {
            CAPTURE(r.name);
            CAPTURE(q);
            const GrayImage turned = rotate_quarter(r.image, q);
            CHECK(decode_and_check(turned, DecodeMode::Live, r.code).qr);
            const Found thorough = decode_and_check(turned, DecodeMode::Thorough, r.code);
            CHECK(thorough.qr);
            CHECK(thorough.code128);
        }
    }
}

TEST_CASE("receipts photographed at an angle") {
    for (const auto& r : receipts()) {
        for (double angle : {-20.0, -7.0, 5.0, 15.0, 33.0}) {
            CAPTURE(r.name);
            CAPTURE(angle);
            const GrayImage turned = rotated(r.image.view(), angle);
            CHECK(decode_and_check(turned, DecodeMode::Live, r.code).qr);
            CHECK(decode_and_check(turned, DecodeMode::Thorough, r.code).qr);
        }
    }
    // Thorough software rotations bring a tilted Code 128 back: barcode alone, no QR, both
    // code layouts, 2- and 3-dot modules.
    for (const std::string code : {"000.00.21.H41-250312-0007", "H41.22.10.01-251103-0012"}) {
        for (int module : {2, 3}) {
            ReceiptSpec bars_only;
            bars_only.dossier_code = code;
            bars_only.code128_payload = code;
            bars_only.bar_module = module;
            const GrayImage receipt = render_receipt(bars_only);
            for (double angle : {-25.0, 14.0, 33.0, 40.0}) {
                CAPTURE(code);
                CAPTURE(module);
                CAPTURE(angle);
                const GrayImage turned = rotated(receipt.view(), angle);
                CHECK_FALSE(decode_and_check(turned, DecodeMode::Live, code).code128);
                CHECK(decode_and_check(turned, DecodeMode::Thorough, code).code128);
            }
        }
    }
}

TEST_CASE("blurred and low-contrast receipts") {
    for (const auto& r : receipts()) {
        CAPTURE(r.name);
        // A 3-pixel box blur keeps 2-dot Code 128 bars apart; a 5-pixel one (two passes)
        // merges them, but the 4-dot QR modules survive it.
        const GrayImage blurred = box_blur(r.image, 1, 1);
        CHECK(decode_and_check(blurred, DecodeMode::Live, r.code).qr);
        const Found b = decode_and_check(blurred, DecodeMode::Thorough, r.code);
        CHECK(b.qr);
        CHECK(b.code128);
        const GrayImage very_blurred = box_blur(r.image, 1, 2);
        CHECK(decode_and_check(very_blurred, DecodeMode::Live, r.code).qr);
        CHECK(decode_and_check(very_blurred, DecodeMode::Thorough, r.code).qr);

        // 60 grey levels between ink and paper, with noise.
        const GrayImage faint = low_contrast(r.image, 90, 150, 6, 42);
        CHECK(decode_and_check(faint, DecodeMode::Live, r.code).qr);
        const Found f = decode_and_check(faint, DecodeMode::Thorough, r.code);
        CHECK(f.qr);
        CHECK(f.code128);

        // Lighter still: ZXing 1.4's binarizer misses the QR code; the contrast-stretched
        // retry of the thorough mode finds it.
        const GrayImage washed = low_contrast(r.image, 105, 165, 6, 43);
        const Found w = decode_and_check(washed, DecodeMode::Thorough, r.code);
        CHECK(w.qr);
        CHECK(w.code128);

        const GrayImage both = low_contrast(box_blur(r.image, 1, 1), 90, 180, 4, 7);
        const Found t = decode_and_check(both, DecodeMode::Thorough, r.code);
        CHECK(t.qr);
        CHECK(t.code128);
    }
}

TEST_CASE("a white-on-black code needs the thorough inverted retry") {
    const auto all = receipts();
    GrayImage negative = all[1].image;
    for (auto& p : negative.pixels)
        p = static_cast<uint8_t>(255 - p);
    const Found live = decode_and_check(negative, DecodeMode::Live, all[1].code);
    CHECK_FALSE(live.qr);  // ZXing 1.4 has no tryInvert
    const Found thorough = decode_and_check(negative, DecodeMode::Thorough, all[1].code);
    CHECK(thorough.qr);
}

TEST_CASE("a receipt inside a 1280x720 camera frame, and frames without a code") {
    const auto all = receipts();
    const GrayImage frame = place_on_canvas(all[0].image, 0.55, 1280, 720, 420, 40, 128);
    const Found f = decode_and_check(frame, DecodeMode::Live, all[0].code);
    CHECK((f.qr || f.code128));

    // Centre-first: the position is reported in whole-frame coordinates.
    DecodeOptions options;
    const auto outcome = decode_barcodes(frame.view(), options);
    REQUIRE(outcome.found());
    for (const auto& s : outcome.symbols)
        for (const auto& c : s.corners) {
            CHECK(c.x >= 400);
            CHECK(c.x <= 420 + static_cast<int>(all[0].image.width * 0.55) + 20);
        }

    const GrayImage empty = low_contrast(GrayImage(1280, 720, 128), 0, 255, 20, 3);
    for (DecodeMode mode : {DecodeMode::Live, DecodeMode::Thorough}) {
        DecodeOptions o;
        o.mode = mode;
        const auto none = decode_barcodes(empty.view(), o);
        CHECK_FALSE(none.found());
        CHECK(none.error.empty());
    }
}

TEST_CASE("a code outside the guide box is found by the half-resolution whole-frame pass") {
    const auto all = receipts();
    // Held close (4.8-pixel QR modules), in the top-left corner of a 1080p frame: the QR code
    // lies outside the centre 60 %, the Code 128 is cut by it.
    constexpr double kScale = 1.2;
    const GrayImage frame = place_on_canvas(all[1].image, kScale, 1920, 1080, 10, 10, 140);
    DecodeOptions options;
    const auto outcome = decode_barcodes(frame.view(), options);
    CHECK(outcome.passes == 4);  // centre (QR, Code 128) then whole frame (QR, Code 128)
    bool qr = false;
    for (const auto& s : outcome.symbols) {
        if (s.symbology != Symbology::QrCode) continue;
        qr = true;
        CHECK(classify_payload(s.text, context()).dossier() != nullptr);
        for (const auto& c : s.corners) {  // full-resolution coordinates
            CHECK(c.x >= 10);
            CHECK(c.x < 1920 / 5);  // left of the centre region
            CHECK(c.y >= 10);
            CHECK(c.y < 10 + static_cast<int>(all[1].image.height * kScale));
        }
    }
    CHECK(qr);
}

TEST_CASE("invalid frames are reported, not decoded") {
    DecodeOptions options;
    CHECK_FALSE(decode_barcodes(GrayView{}, options).error.empty());
    const uint8_t px[4] = {0, 0, 0, 0};
    CHECK_FALSE(decode_barcodes(GrayView{px, 2, 2, 1}, options).error.empty());  // stride < width
    const auto tiny = decode_barcodes(GrayView{px, 2, 2, 2}, options);
    CHECK(tiny.error.empty());
    CHECK_FALSE(tiny.found());
}

TEST_CASE("rotation helpers map points back") {
    GrayImage img(200, 100, 255);
    img.at(150, 20) = 0;
    for (double angle : {10.0, -35.0, 90.0}) {
        CAPTURE(angle);
        const GrayImage turned = rotated(img.view(), angle);
        // Find the darkest pixel of the rotated image and map it back.
        int best = 255, bx = 0, by = 0;
        for (int y = 0; y < turned.height; ++y)
            for (int x = 0; x < turned.width; ++x)
                if (turned.at(x, y) < best) best = turned.at(x, y), bx = x, by = y;
        double x = bx + 0.5, y = by + 0.5;
        unrotate_point(img.view(), angle, x, y);
        CHECK(std::abs(x - 150.5) < 1.5);
        CHECK(std::abs(y - 20.5) < 1.5);
    }
    const GrayImage neg = inverted(img.view());
    CHECK(neg.at(150, 20) == 255);
    CHECK(neg.at(0, 0) == 0);
}
