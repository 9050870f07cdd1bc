// `kiosk board --headless` against a real hub: the call a counter makes appears (and is spoken,
// recorded), the board says "Đang kết nối" without a hub, and bridges a hub restart by itself.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "app/process.h"
#include "counter/lan_hub_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> board_argv(LanHub& hub, const std::string& url, const std::string& script,
                                    const std::string& out) {
    return {kiosk_binary(),
            "board",
            "--headless",
            "--hub",
            url,
            "--token-file",
            hub.token_file(LanHub::board_token(), "board.token"),
            "--script",
            script,
            "--out",
            out,
            "--wav-log",
            out + "/wav"};
}

// The board's script writes a screenshot at a known step: the test waits for it to act in step.
bool wait_for_file(const std::string& path) {
    for (int i = 0; i < 300; ++i) {
        if (std::filesystem::exists(path)) return true;
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

std::string write_script(LanHub& hub, const std::string& name, const std::string& text) {
    const std::string path = hub.dir().file(name);
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("a counter calls: the board shows 1001 → Quầy 1 and speaks it (recorded)") {
    LanHub hub;
    hub.issue("ho-tich");
    hub.issue("ho-tich");
    hub::HubClient c1(hub.options(LanHub::counter_token(1)));
    REQUIRE(c1.next(1).ok());  // history: the board shows it as soon as it connects
    const std::string out = hub.dir().file("out");
    const auto script = write_script(hub, "board.txt",
                                     "expect 1001 → Quầy 1\n"
                                     "screenshot board-history\n"
                                     "expect 1002 → Quầy 1\n"
                                     "expect MỚI GỌI\n"
                                     "screenshot board-call\n"
                                     "wait 200\n");
    auto board = std::async(std::launch::async,
                            [&] { return run_process(board_argv(hub, hub.url(), script, out)); });
    // Once the board shows 1001 (connected), the next call must arrive live.
    CHECK(wait_for_file(out + "/board-history.png"));
    REQUIRE(c1.next(1).ok());
    const ProcessResult r = board.get();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::file_size(out + "/board-call.png") > 20000);
    // Spoken: only the live call (history is never spoken), with the exact clip sequence.
    CHECK(r.out.find("announced call 1002 counter 1: chime invite digit-1 nghin digit-0 tram linh "
                     "digit-2 to-counter digit-1") != std::string::npos);
    CHECK(r.out.find("announced call 1001") == std::string::npos);
    CHECK(std::filesystem::exists(out + "/wav/0001-1002-q1-call.wav"));
}

TEST_CASE("no hub: the board shows a calm 'Đang kết nối' and keeps trying") {
    LanHub hub;
    const std::string url = hub.url();
    hub.stop();
    const std::string out = hub.dir().file("out");
    const auto script = write_script(hub, "down.txt",
                                     "expect Đang kết nối với máy chủ hàng đợi…\n"
                                     "expect Các số mới sẽ hiện ra ngay khi kết nối lại.\n"
                                     "screenshot board-connecting\n");
    const ProcessResult r = run_process(board_argv(hub, url, script, out));
    INFO(r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("hub restart: 'Đang kết nối lại…' while it is gone, then the next call appears") {
    LanHub hub;
    for (int i = 0; i < 3; ++i)
        hub.issue("dat-dai");
    hub::HubClient c4(hub.options(LanHub::counter_token(4)));
    REQUIRE(c4.next(4).ok());
    const std::string out = hub.dir().file("out");
    const auto script = write_script(hub, "restart.txt",
                                     "expect 3001 → Quầy 4\n"
                                     "screenshot board-connected\n"
                                     "expect Đang kết nối lại…\n"
                                     "screenshot board-reconnecting\n"
                                     "expect 3002 → Quầy 4\n"
                                     "expect 3001\n"
                                     "screenshot board-after-restart\n");
    auto board = std::async(std::launch::async,
                            [&] { return run_process(board_argv(hub, hub.url(), script, out)); });
    CHECK(wait_for_file(out + "/board-connected.png"));
    hub.stop();
    CHECK(wait_for_file(out + "/board-reconnecting.png"));
    hub.start();
    REQUIRE(c4.next(4).ok());
    const ProcessResult r = board.get();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("announced call 3002 counter 4") != std::string::npos);
}

TEST_CASE("the hub's [board] notice scrolls along the bottom; history shows the last calls") {
    LanHub hub([](KioskConfig& c) {
        c.board.notice_vi =
            "Giờ làm việc: sáng 7:30 – 11:30, chiều 13:30 – 17:00 từ thứ Hai đến thứ Sáu. "
            "Vui lòng giữ vé và chú ý số được gọi.";
        c.board.notice_en = "Opening hours: 7:30–11:30 and 13:30–17:00, Monday to Friday.";
    });
    for (const char* service : {"ho-tich", "ho-tich", "chung-thuc", "dat-dai", "dat-dai"})
        hub.issue(service);
    for (int counter : {1, 3, 4, 5, 2}) {
        hub::HubClient c(hub.options(LanHub::counter_token(counter)));
        REQUIRE(c.next(counter).ok());
    }
    const std::string out = hub.dir().file("out");
    const auto script = write_script(hub, "notice.txt",
                                     "expect 1002 → Quầy 2\n"
                                     "expect Giờ làm việc: sáng 7:30\n"
                                     "expect Quầy 5\n"
                                     "screenshot board-notice\n");
    const ProcessResult r = run_process(board_argv(hub, hub.url(), script, out));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("announced") == std::string::npos);  // history only: nothing spoken
}
