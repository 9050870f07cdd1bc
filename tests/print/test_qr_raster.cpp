#include <doctest/doctest.h>

#include "kiosk/print/qr_raster.h"
#include "support/qr_decode.h"

using namespace kiosk;
using namespace kiosk::print;

namespace {
const std::string kTicketUrl = "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1001";
}

TEST_CASE("QR raster decodes back to its payload at every scale") {
    for (const std::string& payload :
         {kTicketUrl, std::string("HS-2025-000123"), std::string("Mixed Case ?&=%+ payload/AbC")}) {
        for (int scale = 2; scale <= 8; ++scale) {
            // First find the symbol size, then ask for exactly `scale` dots per module.
            const QrResult probe =
                render_qr(payload, {.max_width = 2000, .min_scale = 1, .max_scale = 1});
            REQUIRE(probe.ok());
            const int total = probe.qr->modules + 8;
            QrOptions opts;
            opts.max_width = total * scale + scale - 1;  // not enough for scale + 1
            opts.max_scale = 16;
            const QrResult r = render_qr(payload, opts);
            REQUIRE_MESSAGE(r.ok(), r.error);
            INFO(payload, " at scale ", scale);
            CHECK(r.qr->scale == scale);
            CHECK(r.qr->bitmap.width() == total * scale);
            CHECK(r.qr->bitmap.height() == total * scale);
            CHECK((r.qr->modules - 17) % 4 == 0);  // 21, 25, … modules = version 1, 2, …
            CHECK(r.qr->modules == 17 + 4 * r.qr->version);

            // 4-module quiet zone: the outer 4 × scale dots on every side are white.
            const int q = 4 * scale, w = r.qr->bitmap.width();
            bool quiet = true;
            for (int y = 0; y < w; ++y)
                for (int x = 0; x < w; ++x)
                    if ((x < q || y < q || x >= w - q || y >= w - q) && r.qr->bitmap.get(x, y))
                        quiet = false;
            CHECK(quiet);
            CHECK(r.qr->bitmap.get(q, q));  // finder pattern corner is dark

            const auto decoded = kiosk::testing::decode_barcodes(r.qr->bitmap);
            REQUIRE_MESSAGE(decoded.error.empty(), decoded.error);
            REQUIRE(decoded.barcodes.size() == 1);
            CHECK(decoded.barcodes[0].format == "QRCode");
            CHECK(decoded.barcodes[0].text == payload);
        }
    }
}

TEST_CASE("QR scale is the largest that fits, capped by max_scale") {
    QrOptions opts;
    opts.max_width = 1000;
    opts.max_scale = 6;
    const QrResult capped = render_qr(kTicketUrl, opts);
    REQUIRE(capped.ok());
    CHECK(capped.qr->scale == 6);
    opts.max_width = 260;
    opts.max_scale = 12;
    const QrResult fitted = render_qr(kTicketUrl, opts);
    REQUIRE(fitted.ok());
    CHECK(fitted.qr->bitmap.width() <= 260);
    CHECK((fitted.qr->modules + 8) * (fitted.qr->scale + 1) > 260);
}

TEST_CASE("QR payloads that are not printable ASCII are refused") {
    QrOptions opts;
    opts.max_width = 400;
    const QrResult vi = render_qr("https://example.gov.vn/hàng-đợi/1001", opts);
    CHECK_FALSE(vi.ok());
    CHECK(vi.error.find("not printable ASCII") != std::string::npos);
    CHECK(vi.error.find("offset 24") != std::string::npos);  // first byte of "à"

    const QrResult control = render_qr("line1\nline2", opts);
    CHECK_FALSE(control.ok());
    CHECK(control.error.find("0x0A") != std::string::npos);

    const QrResult empty = render_qr("", opts);
    CHECK_FALSE(empty.ok());
    CHECK(empty.error.find("empty") != std::string::npos);
}

TEST_CASE("QR payloads too long for a symbol or for the paper are refused") {
    QrOptions opts;
    opts.max_width = 4000;
    opts.min_scale = 1;
    const QrResult huge = render_qr(std::string(3000, 'x'), opts);  // > 2331 bytes (v40-M)
    CHECK_FALSE(huge.ok());
    CHECK(huge.error.find("3000 bytes") != std::string::npos);
    CHECK(huge.error.find("too long") != std::string::npos);

    QrOptions narrow;
    narrow.max_width = 60;  // 2 dots per module would need ≥ 58 modules of payload + quiet zone
    const QrResult wide = render_qr(kTicketUrl, narrow);
    CHECK_FALSE(wide.ok());
    CHECK(wide.error.find("does not fit 60 dots") != std::string::npos);

    QrOptions bad;
    bad.max_width = 0;
    CHECK_FALSE(render_qr(kTicketUrl, bad).ok());
}
