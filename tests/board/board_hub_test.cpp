// BoardController on the real hub's event stream: calls arrive and are announced, history comes
// from the hub, and a hub restart is bridged by the stream's reconnect and replay.
#include <doctest/doctest.h>

#include <mutex>
#include <thread>

#include "counter/lan_hub_fixture.h"
#include "kiosk/board/board_controller.h"

using namespace kiosk;
using namespace kiosk::board;
using namespace std::chrono_literals;

namespace {

template <class F>
bool eventually(F f, std::chrono::milliseconds limit = 8s) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (f()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return f();
}

struct LiveBoard {
    SystemClock clock;
    BoardController controller{BoardSettings{}, clock};
    std::mutex mu;
    std::vector<BoardCallAnnouncement> spoken;
    hub::HubEventStream stream;

    explicit LiveBoard(test::LanHub& hub)
        : stream(
              hub.options(test::LanHub::board_token()),
              [this](hub::HubEvent e) { controller.on_hub_event(e); },
              hub::HubEventStreamOptions{100, 300, 25000}) {
        controller.set_announcer([this](const BoardCallAnnouncement& a) {
            std::lock_guard lock(mu);
            spoken.push_back(a);
        });
        stream.start();
    }
    ~LiveBoard() { stream.stop(); }
    std::vector<BoardCallAnnouncement> said() {
        std::lock_guard lock(mu);
        return spoken;
    }
};

}  // namespace

TEST_CASE("real hub: a counter's call and recall reach the board and are spoken, in order") {
    test::LanHub hub;
    hub.issue("ho-tich");
    hub.issue("chung-thuc");
    LiveBoard board(hub);
    REQUIRE(eventually([&] { return board.controller.connected(); }));
    CHECK(board.controller.view_model().fields.size() == 5);

    hub::HubClient c1(hub.options(test::LanHub::counter_token(1)));
    hub::HubClient c3(hub.options(test::LanHub::counter_token(3)));
    REQUIRE(c1.next(1).ok());
    REQUIRE(c3.next(3).ok());
    REQUIRE(c1.recall(1).ok());
    REQUIRE(eventually([&] { return board.said().size() == 3; }));
    const auto said = board.said();
    CHECK(said[0].number == "1001");
    CHECK(said[0].counter == 1);
    CHECK(said[1].number == "2001");
    CHECK(said[1].counter == 3);
    CHECK(said[2].number == "1001");
    CHECK(said[2].recall);

    const BoardViewModel vm = board.controller.view_model();
    CHECK(vm.latest.number == "1001");
    CHECK(vm.latest.recall);
    REQUIRE(vm.recent.size() == 1);
    CHECK(vm.recent[0].number == "2001");
    CHECK(vm.highlight);
}

TEST_CASE("real hub: restart — the board reconnects by itself and misses no call") {
    test::LanHub hub;
    hub.issue("ho-tich");
    hub.issue("ho-tich");
    LiveBoard board(hub);
    REQUIRE(eventually([&] { return board.controller.connected(); }));
    hub::HubClient c2(hub.options(test::LanHub::counter_token(2)));
    REQUIRE(c2.next(2).ok());
    REQUIRE(eventually([&] { return board.said().size() == 1; }));

    hub.stop();
    REQUIRE(
        eventually([&] { return board.controller.view_model().link == BoardLink::Reconnecting; }));
    hub.start();
    REQUIRE(c2.next(2).ok());  // called while the board may still be reconnecting
    REQUIRE(eventually([&] { return board.controller.connected() && board.said().size() == 2; }));
    const BoardViewModel vm = board.controller.view_model();
    CHECK(vm.latest.number == "1002");
    REQUIRE(vm.recent.size() == 1);
    CHECK(vm.recent[0].number == "1001");
    CHECK(board.said()[1].number == "1002");
}
