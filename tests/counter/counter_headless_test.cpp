// `kiosk counter --headless --script …` against a real hub: the staff member's session is typed
// and tapped like on the staff PC, and the hub's own state and outbox are checked afterwards.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/process.h"
#include "counter/lan_hub_fixture.h"
#include "kiosk/core/outbox.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

ProcessResult run_counter(LanHub& hub, int counter, const std::string& script,
                          const std::string& out_dir) {
    const std::string script_path = hub.dir().file("counter-" + std::to_string(counter) + ".txt");
    std::ofstream(script_path) << script;
    return run_process({kiosk_binary(), "counter", "--headless", "--hub", hub.url(), "--counter",
                        std::to_string(counter), "--token-file",
                        hub.token_file(LanHub::counter_token(counter), "counter.token"), "--script",
                        script_path, "--out", out_dir});
}

}  // namespace

TEST_CASE("a counter session: call (F1), recall, no-show, call again, finish, keypad, pause") {
    LanHub hub;
    for (int i = 0; i < 3; ++i)
        hub.issue("ho-tich");
    const std::string out = hub.dir().file("out");
    const auto r = run_counter(hub, 1,
                               "expect Đã kết nối\n"
                               "expect 3 người\n"
                               "key F1\n"
                               "expect Đã gọi số 1001\n"
                               "expect Thời gian phục vụ\n"
                               "screenshot counter-called\n"
                               "tap Gọi lại\n"
                               "expect Đã gọi lại số 1001\n"
                               "tap Vắng mặt\n"
                               "expect Số 1001 vắng mặt\n"
                               "key F1\n"
                               "expect Đã gọi số\n"
                               "tap Hoàn thành\n"
                               "expect Đã hoàn thành số\n"
                               "expect Đã phục vụ hôm nay: 1\n"
                               "key F7\n"
                               "expect Nhập số cần gọi\n"
                               "type 1003\n"
                               "screenshot counter-keypad\n"
                               "key Return\n"
                               "expect Đã gọi số 1003\n"
                               "tap Chuyển\n"
                               "expect Chuyển số 1003 đến\n"
                               "screenshot counter-transfer\n"
                               "tap Đóng\n"
                               "key F8\n"
                               "tap Nghỉ trưa\n"
                               "expect Quầy đang tạm dừng: Nghỉ trưa\n"
                               "screenshot counter-paused\n"
                               "tap Tiếp tục quầy\n"
                               "expect Quầy đã mở lại\n",
                               out);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::file_size(out + "/counter-called.png") > 10000);

    hub::HubClient board(hub.options(LanHub::board_token()));
    auto state = board.state();
    REQUIRE(state.ok());
    const hub::CounterInfo& c1 = state->counters[0];
    CHECK(c1.served_today == 1);
    CHECK_FALSE(c1.paused);
    REQUIRE(c1.current.has_value());
    CHECK(c1.current->number == "1003");
    // Calls in the hub: 1001, its recall, the next call, 1003.
    std::vector<std::string> kinds;
    for (const auto& c : state->recent_calls)
        kinds.push_back(c.number + ":" + c.kind);
    CHECK(std::count(kinds.begin(), kinds.end(), "1001:recall") == 1);
    CHECK(kinds.front() == "1003:call");

    Outbox outbox(hub.db_path());
    std::vector<std::string> types;
    for (const auto& e : outbox.pending(1000))
        types.push_back(e.type);
    for (const char* t : {"ticket.called", "ticket.recalled", "ticket.no_show", "ticket.served",
                          "counter.paused", "counter.resumed"}) {
        INFO(t);
        CHECK(std::find(types.begin(), types.end(), t) != types.end());
    }
}

TEST_CASE("no hub: the counter says it lost the link and keeps the buttons off") {
    LanHub hub;
    const int port = hub.port();
    hub.stop();
    const std::string script = hub.dir().file("lost.txt");
    std::ofstream(script) << "expect Mất kết nối máy chủ hàng đợi — đang kết nối lại…\n"
                             "screenshot counter-lost\n"
                             "tap Gọi số tiếp theo\n";
    const auto r = run_process({kiosk_binary(), "counter", "--headless", "--hub",
                                "http://127.0.0.1:" + std::to_string(port), "--counter", "1",
                                "--token-file", hub.token_file(LanHub::counter_token(1), "t1"),
                                "--script", script, "--out", hub.dir().file("out")});
    CHECK(r.exit_code == 1);  // the tap finds the button disabled
    CHECK(r.err.find("\"Gọi số tiếp theo\" [disabled button]") != std::string::npos);
}

TEST_CASE("a token file readable by others is refused before anything starts") {
    LanHub hub;
    const std::string token = hub.token_file(LanHub::counter_token(1), "loose.token");
    std::filesystem::permissions(token, std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    const auto r = run_process(
        {kiosk_binary(), "counter", "--hub", hub.url(), "--counter", "1", "--token-file", token});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--token-file") != std::string::npos);
    CHECK(r.err.find(LanHub::counter_token(1)) == std::string::npos);  // never the token
}
