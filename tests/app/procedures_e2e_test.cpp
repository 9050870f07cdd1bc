// The procedure guide end to end: the real kiosk, headless, with the demo office's embedded
// catalogue. A citizen opens "Thủ tục & giấy tờ", types "khai sinh" on the on-screen keyboard,
// opens the procedure, reads what to bring, and takes a number for it — or prints the list.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "printer_file.h"
#include "process.h"
#include "support/temp_dir.h"

using namespace kiosk::test;

namespace {

ProcessResult run_script(const TempDir& dir, const std::string& script, const std::string& size) {
    std::ofstream(dir.file("script.txt")) << script;
    return run_process({kiosk_binary(), "--headless", "--script", dir.file("script.txt"), "--out",
                        dir.file("out"), "--data", dir.file("data"), "--size", size, "--previews"});
}

// "khai sinh" on the A–Z keyboard, one key at a time.
const std::string kTypeKhaiSinh =
    "tap K\ntap H\ntap A\ntap I\ntap Dấu cách\ntap S\ntap I\ntap N\ntap H\n";

}  // namespace

TEST_CASE("guide → search \"khai sinh\" → documents → a number for it, on paper") {
    TempDir dir("procedures-e2e");
    const auto r = run_script(dir,
                              "tap Thủ tục & giấy tờ\n"
                              "expect Chọn lĩnh vực, hoặc tìm theo tên thủ tục\n"
                              "screenshot guide-fields\n"
                              "tap Tìm thủ tục\n"
                              "expect Gõ không dấu cũng được\n" +
                                  kTypeKhaiSinh +
                                  "expect KHAI SINH\n"
                                  "screenshot guide-search\n"
                                  "tap Thủ tục đăng ký khai sinh\n"
                                  "expect Tờ khai đăng ký khai sinh\n"
                                  "expect 01 bản chính\n"
                                  "expect Miễn phí\n"
                                  "screenshot guide-detail\n"
                                  "tap Lấy số cho thủ tục này\n"
                                  "expect Mời bạn nhận vé\n"
                                  "expect 1001\n"
                                  "screenshot guide-ticket\n",
                              "1080x1920");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* shot : {"guide-fields", "guide-search", "guide-detail", "guide-ticket"})
        CHECK(std::filesystem::file_size(dir.file(std::string("out/") + shot + ".png")) > 10000);
    const auto printed = read_printed_tickets(dir.file("data/printer.bin"));
    REQUIRE(printed.size() == 1);  // the ticket, nothing else
    CHECK(printed[0].job.clean());
    CHECK(printed[0].number == "1001");
}

TEST_CASE("landscape: a field's list, the detail and the printed documents checklist") {
    TempDir dir("procedures-e2e-land");
    const auto r = run_script(dir,
                              "tap Thủ tục & giấy tờ\n"
                              "tap Đất đai\n"
                              "expect Chạm vào thủ tục để xem giấy tờ cần mang\n"
                              "screenshot guide-list\n"
                              "tap Cấp đổi Giấy chứng nhận quyền sử dụng đất\n"
                              "expect Đơn đề nghị cấp đổi Giấy chứng nhận\n"
                              "tap In danh sách giấy tờ\n"
                              "expect Mời bạn nhận danh sách giấy tờ\n"
                              "screenshot guide-printed\n"
                              "tap Quay lại\n"
                              "expect Chạm vào thủ tục để xem giấy tờ cần mang\n"
                              "tap Về trang chủ\n"
                              "expect Lấy số thứ tự\n",
                              "1920x1080");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto printed = read_printed_tickets(dir.file("data/printer.bin"));
    REQUIRE(printed.size() == 1);  // the checklist: a raster job without a ticket QR
    CHECK(printed[0].job.clean());
    CHECK(printed[0].qr_text.empty());
    CHECK(printed[0].job.raster.height() > 600);
    CHECK(std::filesystem::exists(dir.file("out/status-checklist-1.004199.png")));
    const auto csv = run_process({kiosk_binary(), "tickets", "--data", dir.file("data")});
    CHECK(csv.out.find("dat-dai") == std::string::npos);  // no number was taken
}
