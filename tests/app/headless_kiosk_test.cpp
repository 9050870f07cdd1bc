// The real kiosk, headless: a script taps through the screens like a citizen, and the printer
// output is checked as paper — the raster is decoded and its QR code must name the number the
// screen showed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "printer_file.h"
#include "process.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

namespace {
ProcessResult run_script(const TempDir& dir, const std::string& script,
                         const std::string& size = "1080x1920") {
    std::ofstream(dir.file("script.txt")) << script;
    return run_process({kiosk_binary(), "--headless", "--script", dir.file("script.txt"), "--out",
                        dir.file("out"), "--data", dir.file("data"), "--size", size});
}
}  // namespace

TEST_CASE("tap Lấy số thứ tự, then Hộ tịch: the screen shows the number the printed QR names") {
    TempDir dir("headless");
    const auto r = run_script(dir,
                              "tap Lấy số thứ tự\n"
                              "expect Chọn lĩnh vực\n"
                              "tap Hộ tịch\n"
                              "expect Mời bạn nhận vé\n"
                              "expect 1001\n"
                              "screenshot ticket\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::file_size(dir.file("out/ticket.png")) > 10000);
    const auto printed = read_printed_tickets(dir.file("data/printer.bin"));
    REQUIRE(printed.size() == 1);
    CHECK(printed[0].job.clean());
    CHECK(printed[0].number == "1001");
    CHECK(printed[0].qr_text.find("/hang-doi/nghean/") != std::string::npos);
}

TEST_CASE("landscape works the same way, and a priority ticket is marked") {
    TempDir dir("landscape");
    const auto r = run_script(dir,
                              "tap Lấy số thứ tự\n"
                              "tap Ưu tiên\n"
                              "tap Chứng thực\n"
                              "expect 2001\n"
                              "expect ƯU TIÊN\n"
                              "screenshot ticket\n",
                              "1920x1080");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(read_printed_tickets(dir.file("data/printer.bin")).size() == 1);
}

TEST_CASE("a printer that cannot be reached voids the number and says so on screen") {
    TempDir dir("noprinter");
    std::ofstream(dir.file("script.txt"))
        << "tap Lấy số thứ tự\ntap Đất đai\nexpect Không in được vé\n"
           "expect Máy in không phản hồi\nexpect Số 3001 đã bị huỷ\nscreenshot failed\n";
    // Port 9 on loopback: nothing listens there, so the connection is refused at once.
    const auto r = run_process({kiosk_binary(), "--headless", "--script", dir.file("script.txt"),
                                "--out", dir.file("out"), "--data", dir.file("data"), "--printer",
                                "tcp://127.0.0.1:9"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto csv = run_process({kiosk_binary(), "tickets", "--data", dir.file("data")});
    CHECK(csv.out.find("\n3001,dat-dai,no,void,") != std::string::npos);
}

TEST_CASE(
    "a tap on a label that is not on screen fails with the script line and what was visible") {
    TempDir dir("badtap");
    const auto r = run_script(dir, "# comment\ntap Lấy số thứ tự\ntap Không có nút này\n");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(":3") != std::string::npos);
    CHECK(r.err.find("Không có nút này") != std::string::npos);
    CHECK(r.err.find("Hộ tịch") != std::string::npos);  // the visible texts are listed
}
