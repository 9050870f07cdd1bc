// `kiosk decode IMAGE…` (kiosk::app::decode_command): per image the symbology, the masked raw
// payload and the parsed code or the rejection; exit 0 only when every image gave a dossier code.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/app/decode_command.h"
#include "kiosk/core/config.h"
#include "kiosk/print/png_writer.h"
#include "receipt_images.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::scan::testing;

namespace {

KioskConfig demo_config() {
    auto parsed = parse_config(embedded_demo_config(), "<embedded demo config>");
    REQUIRE(parsed.ok());
    return *parsed.config;
}

struct Run {
    int code = -1;
    std::string out, err;
};

Run run(const std::vector<std::string>& images, bool live = false) {
    ManualClock clock(from_local(LocalDateTime{2026, 11, 27, 10, 0, 0, 0}));
    app::DecodeCommandOptions options;
    options.images = images;
    options.live = live;
    std::ostringstream out, err;
    Run r;
    r.code = app::decode_command(demo_config(), options, clock, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::string save(const test::TempDir& dir, const std::string& name, const scan::GrayImage& img) {
    const std::string path = dir.file(name);
    const auto written = print::write_png_gray8(path, img.width, img.height, img.pixels.data());
    REQUIRE_MESSAGE(written.ok(), written.error);
    return path;
}

const std::string kCccd =
    "040095001234|187654321|Nguyễn Văn An|15061995|Nam|Xóm 3, Nghi Phong, Nghệ An|10082021";

}  // namespace

TEST_CASE("receipts in both layouts decode to their dossier codes, exit 0") {
    test::TempDir dir("kiosk-decode");
    ReceiptSpec url;
    url.dossier_code = "000.00.21.H41-250312-0007";
    url.qr_payload =
        "https://dichvucong.nghean.gov.vn/tra-cuu?SGT=040095001234&MHS=" + url.dossier_code;
    url.code128_payload = url.dossier_code;
    ReceiptSpec bars;
    bars.dossier_code = "H41.22.10.01-251103-0012";
    bars.code128_payload = bars.dossier_code;
    const std::string a = save(dir, "url.png", render_receipt(url));
    const std::string b = save(dir, "bars.png", render_receipt(bars));

    const Run r = run({a, b});
    CAPTURE(r.out);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find(a + "\n") != std::string::npos);
    CHECK(r.out.find("QR Code: https://dichvucong.nghean.gov.vn/tra-cuu?SGT=********1234&MHS=" +
                     url.dossier_code) != std::string::npos);
    CHECK(r.out.find("-> dossier code 000.00.21.H41-250312-0007 (agency 000.00.21.H41, QCVN 102 "
                     "layout; received 12/03/2025; sequence 0007; from URL parameter MHS; owner "
                     "ID ********1234)") != std::string::npos);
    CHECK(r.out.find("Code 128: 000.00.21.H41-250312-0007") != std::string::npos);
    CHECK(r.out.find("Code 128: H41.22.10.01-251103-0012") != std::string::npos);
    CHECK(r.out.find("-> dossier code H41.22.10.01-251103-0012 (agency H41.22.10.01, QD 20/2020") !=
          std::string::npos);
    CHECK(r.out.find("040095001234") == std::string::npos);  // the owner ID never in full
}

TEST_CASE("a CCCD QR is masked and is not a dossier code, exit 1") {
    test::TempDir dir("kiosk-decode");
    const std::string path = save(dir, "cccd.png", render_utf8_qr(kCccd, 4));
    const Run r = run({path});
    CAPTURE(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("QR Code: ********1234|***|N. V. A.|***|***|***|***") != std::string::npos);
    CHECK(r.out.find("CCCD chip-ID card QR, a second factor only") != std::string::npos);
    for (const char* secret : {"040095001234", "187654321", "Nguyễn", "15061995", "Nghi Phong"})
        CHECK(r.out.find(secret) == std::string::npos);
}

TEST_CASE("rejections, ticket QR, blank and unreadable images, exit 1") {
    test::TempDir dir("kiosk-decode");
    ReceiptSpec info;
    info.dossier_code = "000.00.21.H41-250312-0007";
    info.qr_payload = "https://dichvucong.nghean.gov.vn/apiqr/qr?id=8812";
    const std::string info_png = save(dir, "info.png", render_receipt(info));
    ReceiptSpec ticket = info;
    ticket.qr_payload = "https://dichvucong.example.gov.vn/hang-doi/nghean/20261127/1005";
    const std::string ticket_png = save(dir, "ticket.png", render_receipt(ticket));
    const std::string blank = save(dir, "blank.png", scan::GrayImage(320, 240, 255));
    const std::string not_image = dir.file("notes.png");
    std::ofstream(not_image) << "this is not a PNG";
    const std::string missing = dir.file("missing.png");

    const Run r = run({info_png, ticket_png, blank, not_image, missing});
    CAPTURE(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("rejected [url-without-code]: URL (") != std::string::npos);
    CHECK(r.out.find("screen: Mã không hợp lệ: mã này không chứa mã hồ sơ.") != std::string::npos);
    CHECK(r.out.find("queue ticket 1005 of office nghean on 2026-11-27") != std::string::npos);
    CHECK(r.out.find("no QR code or Code 128 found (320x240, thorough mode") != std::string::npos);
    CHECK(r.out.find("error: " + not_image + ": cannot load image:") != std::string::npos);
    CHECK(r.out.find("error: " + missing + ": cannot load image:") != std::string::npos);
    CHECK(r.err.find(missing) != std::string::npos);

    // One good image does not hide a bad one.
    ReceiptSpec good = info;
    good.qr_payload = info.dossier_code;
    const std::string good_png = save(dir, "good.png", render_receipt(good));
    CHECK(run({good_png}).code == 0);
    CHECK(run({good_png}, true).code == 0);  // live hints
    CHECK(run({good_png, blank}).code == 1);
}

TEST_CASE("no images is a usage error") {
    const Run r = run({});
    CHECK(r.code == 2);
    CHECK(r.err.find("at least one image") != std::string::npos);
}
