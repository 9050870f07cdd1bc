// The staff screen on the real kiosk, headless: five taps on the hidden corner, the PIN, and a
// reprint that comes out of the printer as a second job with the same number in its QR code.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "printer_file.h"
#include "process.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

namespace {
const char* kOpenStaff =
    "tap @30,40\ntap @30,40\ntap @30,40\ntap @30,40\ntap @30,40\n"
    "expect Nhập mã PIN cán bộ\n";
}

TEST_CASE("staff reprint the latest ticket from the staff screen behind the PIN") {
    TempDir dir("staff");
    std::ofstream(dir.file("script.txt"))
        << "tap Lấy số thứ tự\ntap Hộ tịch\nexpect Mời bạn nhận vé\ntap Về trang chủ\n"
        << kOpenStaff
        << "tap 2\ntap 4\ntap 6\ntap 8\ntap Xác nhận\n"
           "expect Màn hình cán bộ\nexpect Vé gần nhất: 1001 · Hộ tịch\n"
           "expect Tình trạng: sẵn sàng\nexpect Đã in: 1 vé\n"
           "screenshot staff\n"
           "tap In lại vé gần nhất\nexpect Đã in lại vé 1001.\n"
           "tap In lại số khác…\nexpect Nhập số thứ tự cần in lại\ntap 1\ntap 0\ntap 0\ntap 9\n"
           "tap In lại số này\nexpect Không có số 1009 trong hôm nay.\n"
           "screenshot staff-result\n"
           "tap Thoát\nexpect Lấy số thứ tự\n";
    const auto r = run_process({kiosk_binary(), "--headless", "--script", dir.file("script.txt"),
                                "--out", dir.file("out"), "--data", dir.file("data")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto printed = read_printed_tickets(dir.file("data/printer.bin"));
    REQUIRE(printed.size() == 2);
    CHECK(printed[0].number == "1001");
    CHECK(printed[1].number == "1001");
    CHECK(printed[1].job.clean());
    // The copy carries the "BẢN IN LẠI" band, so it is taller than the original.
    CHECK(printed[1].job.raster.height() > printed[0].job.raster.height());
    const auto csv = run_process({kiosk_binary(), "tickets", "--data", dir.file("data")});
    CHECK(csv.out.find("\n1001,ho-tich,no,issued,") != std::string::npos);
    CHECK(csv.out.find("\n1002,") == std::string::npos);  // a reprint takes no new number
}

TEST_CASE("a wrong PIN keeps the staff screen closed and says how many tries are left") {
    TempDir dir("staffpin");
    std::ofstream(dir.file("script.txt"))
        << kOpenStaff
        << "tap 1\ntap 1\ntap 1\ntap 1\ntap Xác nhận\n"
           "expect Mã PIN không đúng. Còn 4 lần thử.\nscreenshot staff-pin-wrong\n"
           "tap Quay lại\nexpect Lấy số thứ tự\n";
    const auto r = run_process({kiosk_binary(), "--headless", "--script", dir.file("script.txt"),
                                "--out", dir.file("out"), "--data", dir.file("data")});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("1111") == std::string::npos);  // the PIN typed is never logged
}
