// The real screens driven through the real runner, headless (SDL dummy driver + software
// renderer), by automation scripts — the same path the kiosk's --headless --script uses.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <stb_image.h>

#include "harness_client.h"
#include "kiosk/platform/runner.h"
#include "screen_test_support.h"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path kOut = std::filesystem::path(KIOSK_BINARY_DIR) / "test-output" / "ui";

using test::kPortrait;
using test::Size;

platform::RunResult run_script(test::HarnessClient& client, const std::string& name,
                               const std::string& script, Size size = kPortrait,
                               std::chrono::milliseconds timeout = 5000ms) {
    return test::run_script(client, kOut, name, script, size, timeout);
}

const ui::DrawnWidget* find_widget(const std::vector<ui::DrawnWidget>& widgets,
                                   const std::string& text) {
    for (const auto& w : widgets)
        if (w.text == text) return &w;
    return nullptr;
}

std::string tap_at_centre(const ui::DrawnWidget& w) {
    return "tap @" + std::to_string(int((w.rect.x0 + w.rect.x1) / 2)) + "," +
           std::to_string(int((w.rect.y0 + w.rect.y1) / 2)) + "\n";
}

ui::ViewModel at(ui::Screen screen) {
    ui::ViewModel vm = test::demo_view_model();
    vm.screen = screen;
    return vm;
}

}  // namespace

TEST_CASE("tapping \"Lấy số thứ tự\" emits OpenServicePicker and shows the picker") {
    test::HarnessClient client(test::demo_view_model());
    const auto r = run_script(client, "open-picker",
                              "expect Thứ Sáu, 27/11/2026\n"
                              "expect 09:41\n"
                              "tap Lấy số thứ tự\n"
                              "expect Chọn lĩnh vực\n"
                              "expect Đang chờ: 5 người  ·  Quầy 1, 2\n");
    CHECK_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(client.actions().size() == 1);
    CHECK(client.actions()[0].type == ui::ActionType::OpenServicePicker);
    CHECK(client.user_activity_count() >= 1);  // a touch restarts the idle timer
    CHECK(client.view_model().screen == ui::Screen::ServicePicker);
}

TEST_CASE("tapping a service tile emits SelectService with its id") {
    test::HarnessClient client(at(ui::Screen::ServicePicker));
    const auto r = run_script(client, "select-service",
                              "tap Đất đai\n"
                              "expect Mời bạn nhận vé\n"
                              "expect 1006\n"
                              "expect Trước bạn: 5 người\n"
                              "expect khoảng 40 phút\n");
    CHECK_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(client.actions().size() == 1);
    CHECK(client.actions()[0].type == ui::ActionType::SelectService);
    CHECK(client.actions()[0].arg == "dat-dai");
}

TEST_CASE("whole flow with priority, then home") {
    test::HarnessClient client(test::demo_view_model());
    const auto r = run_script(client, "flow",
                              "tap Lấy số thứ tự\n"
                              "expect Chưa chọn – chạm để chọn\n"
                              "tap Ưu tiên\n"
                              "expect Đã chọn ưu tiên\n"
                              "tap Chứng thực\n"
                              "expect ƯU TIÊN\n"
                              "expect Quầy 4, 5\n"
                              "expect Tự động về trang chủ sau 12 giây\n"
                              "tap Về trang chủ\n"
                              "expect Lấy số thứ tự\n");
    CHECK_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(client.actions().size() == 4);
    CHECK(client.actions()[0].type == ui::ActionType::OpenServicePicker);
    CHECK(client.actions()[1].type == ui::ActionType::TogglePriority);
    CHECK(client.actions()[2].type == ui::ActionType::SelectService);
    CHECK(client.actions()[2].arg == "chung-thuc");
    CHECK(client.actions()[3].type == ui::ActionType::GoHome);
}

TEST_CASE("disabled buttons emit nothing") {
    ui::ViewModel vm = test::demo_view_model();
    vm.printer_ready = false;
    test::HarnessClient probe(vm);
    REQUIRE(run_script(probe, "disabled-probe", "expect Máy in đang tạm ngừng\n").exit_code == 0);
    const auto* take = find_widget(probe.last_widgets(), "Lấy số thứ tự");
    const auto* dossier = find_widget(probe.last_widgets(), "Tra cứu hồ sơ");
    REQUIRE(take);
    REQUIRE(dossier);
    CHECK(take->clickable);
    CHECK_FALSE(take->enabled);
    CHECK(dossier->enabled);  // a dossier lookup needs no printer

    SUBCASE("taps on their centres do nothing") {
        test::HarnessClient client(vm);
        const auto r = run_script(client, "disabled-taps",
                                  tap_at_centre(*take) + "wait 50\nexpect Lấy số thứ tự\n");
        CHECK_MESSAGE(r.exit_code == 0, r.message);
        CHECK(client.actions().empty());
        CHECK(client.user_activity_count() == 1);  // the touch itself was seen
        CHECK(client.view_model().screen == ui::Screen::Home);
    }
    SUBCASE("tap by label refuses a disabled button") {
        test::HarnessClient client(vm);
        const auto r =
            run_script(client, "disabled-label", "tap Lấy số thứ tự\n", kPortrait, 300ms);
        CHECK(r.exit_code == 1);
        CHECK(r.message.find("[disabled button]") != std::string::npos);
        CHECK(client.actions().empty());
    }
    SUBCASE("a sold-out service tile") {
        test::HarnessClient picker(at(ui::Screen::ServicePicker));
        REQUIRE(run_script(picker, "soldout-probe", "expect Đã hết số hôm nay\n").exit_code == 0);
        const auto* tile = find_widget(picker.last_widgets(), "Xây dựng");
        REQUIRE(tile);
        CHECK_FALSE(tile->enabled);
        test::HarnessClient client(at(ui::Screen::ServicePicker));
        const auto r = run_script(client, "soldout-tap", tap_at_centre(*tile) + "wait 50\n");
        CHECK_MESSAGE(r.exit_code == 0, r.message);
        CHECK(client.actions().empty());
    }
}

TEST_CASE("a tap on a missing label fails with exit 1 naming the line and the screen") {
    test::HarnessClient client(test::demo_view_model());
    const auto r = run_script(client, "missing-label",
                              "expect Lấy số\n"
                              "# the next line names a button that does not exist\n"
                              "tap Nút không có\n"
                              "expect never reached\n",
                              kPortrait, 300ms);
    CHECK(r.exit_code == 1);
    INFO(r.message);
    CHECK(r.message.find("missing-label.txt:3: \"tap Nút không có\"") != std::string::npos);
    CHECK(r.message.find("\"Lấy số thứ tự\" [button]") != std::string::npos);
    CHECK(r.message.find("\"Kính chào Quý khách\"") != std::string::npos);
}

TEST_CASE("expect that never appears fails; a bad script file is exit 2") {
    test::HarnessClient client(test::demo_view_model());
    auto r = run_script(client, "expect-missing", "expect Mời bạn nhận vé\n", kPortrait, 300ms);
    CHECK(r.exit_code == 1);
    CHECK(r.message.find("expect-missing.txt:1:") != std::string::npos);
    r = run_script(client, "bad-script", "tap Lấy số thứ tự\nclick here\n");
    CHECK(r.exit_code == 2);
    CHECK(r.message.find("bad-script.txt:2: unknown command \"click\"") != std::string::npos);
}

TEST_CASE("the English toggle changes the labels") {
    test::HarnessClient client(test::demo_view_model());
    const auto r = run_script(client, "english",
                              "tap English\n"
                              "expect Take a queue number\n"
                              "expect Friday, 27/11/2026\n"
                              "tap Take a queue number\n"
                              "expect Choose a service\n"
                              "tap Civil status\n"
                              "expect Please take your ticket\n"
                              "expect Estimated wait: about 40 minutes\n");
    CHECK_MESSAGE(r.exit_code == 0, r.message);
    REQUIRE(client.actions().size() == 3);
    CHECK(client.actions()[0].type == ui::ActionType::ToggleLanguage);
    CHECK(client.view_model().language == ui::Language::En);
    CHECK(find_widget(client.last_widgets(), "Về trang chủ") == nullptr);
    CHECK(find_widget(client.last_widgets(), "Home") != nullptr);
}

namespace {

struct Shot {
    const char* name;
    ui::Screen screen;
    ui::TicketPhase phase;
    bool notice;
    bool capitals = false;     // office name in stacked Vietnamese capitals (clipping check)
    bool unconfirmed = false;  // the printer took the ticket but never confirmed it
};

// Reads a screenshot back and checks its size and that it shows the navy header band.
void check_png(const std::filesystem::path& path, Size size) {
    INFO(path.string());
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(path.string().c_str(), &w, &h, &n, 4);
    REQUIRE(px != nullptr);
    CHECK(w == size.w);
    CHECK(h == size.h);
    CHECK(px[0] == 0x0E);  // top-left pixel: the header colour
    CHECK(px[1] == 0x3A);
    CHECK(px[2] == 0x6B);
    const std::size_t mid = (static_cast<std::size_t>(h / 2) * w + w / 2) * 4;
    CHECK(px[mid + 3] == 255);
    stbi_image_free(px);
}

}  // namespace

TEST_CASE("screenshots of every screen in portrait and landscape are valid PNGs") {
    const Shot shots[] = {
        {"home", ui::Screen::Home, ui::TicketPhase::Ready, false},
        {"home-notice", ui::Screen::Home, ui::TicketPhase::Ready, true},
        {"home-capitals", ui::Screen::Home, ui::TicketPhase::Ready, false, true},
        {"picker", ui::Screen::ServicePicker, ui::TicketPhase::Ready, false},
        {"ticket-printing", ui::Screen::Ticket, ui::TicketPhase::Printing, false},
        {"ticket-ready", ui::Screen::Ticket, ui::TicketPhase::Ready, false},
        {"ticket-failed", ui::Screen::Ticket, ui::TicketPhase::Failed, false},
        {"ticket-unconfirmed", ui::Screen::Ticket, ui::TicketPhase::Ready, false, false, true},
    };
    for (const Size size : test::kBothOrientations) {
        for (const Shot& shot : shots) {
            ui::ViewModel vm = test::demo_view_model();
            vm.screen = shot.screen;
            if (shot.notice) {
                vm.notice_vi = "Quầy 3 tạm nghỉ đến 10:30. Xin cảm ơn sự kiên nhẫn của Quý khách.";
                vm.printer_ready = false;
            }
            if (shot.capitals) {
                vm.office_name_vi =
                    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ ẪM ỖNG ỮNG ẬP – "
                    "HUYỆN ĐỒNG THẮNG, TỈNH QUẢNG NGÃI";
            }
            if (shot.screen == ui::Screen::Ticket) {
                vm.ticket = test::demo_ticket(shot.phase);
                vm.ticket.service_name_vi = "Đăng ký kinh doanh";
                vm.ticket.priority = shot.phase == ui::TicketPhase::Ready;
                vm.ticket.print_unconfirmed = shot.unconfirmed;
            }
            const std::string name = test::shot_name("", shot.name, size);
            std::filesystem::remove(kOut / (name + ".png"));
            test::HarnessClient client(vm, shot.phase);
            const auto r = run_script(client, "shot-" + name, "screenshot " + name + "\n", size);
            CHECK_MESSAGE(r.exit_code == 0, r.message);
            check_png(kOut / (name + ".png"), size);
            // The "ask staff for a reprint" line shows exactly when the print is unconfirmed.
            CHECK(test::shown(client.last_widgets(), "để in lại") == shot.unconfirmed);
            // Touch targets: every enabled button at least 120 px tall at 1080 wide.
            for (const auto& w : client.last_widgets()) {
                if (!w.clickable || !w.enabled || w.clipped) continue;
                INFO(name, ": ", w.text);
                CHECK(w.rect.height() >= 120.0f);
            }
        }
    }
}
