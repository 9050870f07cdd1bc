// BoardController fed with hub events by hand: history, recalls, highlight, what is announced.
#include <doctest/doctest.h>

#include "kiosk/board/board_controller.h"

using namespace kiosk;
using namespace kiosk::board;
using namespace std::chrono_literals;

namespace {

const TimePoint kMorning = from_local({2026, 11, 28, 9, 30, 0, 6});

int64_t us(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

hub::CallRecord call(int64_t seq, const std::string& number, int counter, TimePoint at,
                     const std::string& kind = "call") {
    hub::CallRecord c;
    c.seq = seq;
    c.ticket_id = 100 + std::stoi(number);
    c.number = number;
    c.counter = counter;
    c.kind = kind;
    c.at_us = us(at);
    return c;
}

hub::HubEvent call_event(const hub::CallRecord& c) {
    hub::HubEvent e;
    e.kind = hub::HubEvent::Kind::Call;
    e.id = c.seq;
    e.call = c;
    return e;
}

hub::HubEvent snapshot(TimePoint now, std::vector<hub::CallRecord> recent) {
    hub::HubEvent e;
    e.kind = hub::HubEvent::Kind::Snapshot;
    e.snapshot.now_us = us(now);
    e.snapshot.office_name_vi = "Trung tâm thử";
    e.snapshot.services = {{"ho-tich", "Hộ tịch", "Civil status", 3}};
    e.snapshot.recent_calls = std::move(recent);
    e.snapshot.last_call_seq = e.snapshot.recent_calls.empty() ? 0 : e.snapshot.recent_calls[0].seq;
    e.snapshot.board_recent_calls = 3;
    e.snapshot.notice_vi = "Giờ làm việc: 7:30 – 17:00";
    e.snapshot.voice_reading = "south";
    e.snapshot.voice_repeat = 2;
    return e;
}

struct Fixture {
    ManualClock clock{kMorning};
    BoardSettings settings;
    std::unique_ptr<BoardController> board;
    std::vector<BoardCallAnnouncement> spoken;
    int wakes = 0;

    Fixture() { make(); }
    void make() {
        board = std::make_unique<BoardController>(settings, clock);
        board->set_announcer([this](const BoardCallAnnouncement& a) { spoken.push_back(a); });
        board->set_waker([this] { ++wakes; });
    }
};

}  // namespace

TEST_CASE("before any snapshot the board says it is connecting; a snapshot fills it silently") {
    Fixture f;
    CHECK(f.board->view_model().link == BoardLink::Connecting);
    f.board->on_hub_event(snapshot(
        kMorning, {call(2, "1002", 1, kMorning - 60s), call(1, "2001", 3, kMorning - 120s)}));
    const BoardViewModel vm = f.board->view_model();
    CHECK(vm.link == BoardLink::Connected);
    REQUIRE(vm.has_latest);
    CHECK(vm.latest.number == "1002");
    REQUIRE(vm.recent.size() == 1);
    CHECK(vm.recent[0].number == "2001");
    CHECK(vm.notice_vi == "Giờ làm việc: 7:30 – 17:00");
    CHECK(vm.fields.size() == 1);
    CHECK_FALSE(vm.highlight);  // history, not news
    CHECK(f.spoken.empty());    // history is never spoken
    CHECK(f.wakes == 1);
    CHECK(vm.hour == 9);
}

TEST_CASE("a live call becomes the latest, is highlighted for a while and announced") {
    Fixture f;
    f.board->on_hub_event(snapshot(kMorning, {}));
    f.board->on_hub_event(call_event(call(1, "1005", 3, kMorning)));
    BoardViewModel vm = f.board->view_model();
    REQUIRE(vm.has_latest);
    CHECK(vm.latest.number == "1005");
    CHECK(vm.latest.counter == 3);
    CHECK(vm.highlight);
    CHECK(*f.board->next_change_in() <= 500ms);  // blinking
    REQUIRE(f.spoken.size() == 1);
    CHECK(f.spoken[0].number == "1005");
    CHECK(f.spoken[0].counter == 3);
    CHECK_FALSE(f.spoken[0].recall);
    CHECK(f.spoken[0].style.reading == NumberReading::South);  // the hub's [voice]
    CHECK(f.spoken[0].style.repeat == 2);
    f.clock.advance(9s);
    CHECK_FALSE(f.board->view_model().highlight);
}

TEST_CASE("a recall is announced again and moves its number to the top without a duplicate") {
    Fixture f;
    f.board->on_hub_event(snapshot(kMorning, {}));
    f.board->on_hub_event(call_event(call(1, "1001", 1, kMorning)));
    f.board->on_hub_event(call_event(call(2, "2001", 3, kMorning)));
    f.board->on_hub_event(call_event(call(3, "1001", 1, kMorning, "recall")));
    const BoardViewModel vm = f.board->view_model();
    CHECK(vm.latest.number == "1001");
    CHECK(vm.latest.recall);
    REQUIRE(vm.recent.size() == 1);
    CHECK(vm.recent[0].number == "2001");
    REQUIRE(f.spoken.size() == 3);
    CHECK(f.spoken[2].recall);
    CHECK(f.spoken[2].number == "1001");
}

TEST_CASE("history keeps [board] recent_calls lines; replays already seen are ignored") {
    Fixture f;
    f.board->on_hub_event(snapshot(kMorning, {}));  // recent_calls = 3 → latest + 3
    for (int i = 1; i <= 6; ++i)
        f.board->on_hub_event(call_event(call(i, std::to_string(1000 + i), 1, kMorning)));
    BoardViewModel vm = f.board->view_model();
    CHECK(vm.latest.number == "1006");
    REQUIRE(vm.recent.size() == 3);
    CHECK(vm.recent[2].number == "1003");
    f.board->on_hub_event(call_event(call(5, "1005", 1, kMorning)));  // replay overlap
    CHECK(f.spoken.size() == 6);
    CHECK(f.board->last_seq() == 6);
}

TEST_CASE("lost stream: reconnecting veil; calls missed meanwhile are replayed, old ones silent") {
    Fixture f;
    f.board->on_hub_event(snapshot(kMorning, {}));
    hub::HubEvent lost;
    lost.kind = hub::HubEvent::Kind::Disconnected;
    lost.detail = "connection refused";
    f.board->on_hub_event(lost);
    CHECK(f.board->view_model().link == BoardLink::Reconnecting);
    f.clock.advance(5min);
    const TimePoint now = f.clock.now();
    // The hub replays: one call from 4 minutes ago (too old to speak), one from 10 s ago.
    f.board->on_hub_event(call_event(call(1, "1001", 1, now - 4min)));
    f.board->on_hub_event(call_event(call(2, "1002", 2, now - 10s)));
    f.board->on_hub_event(
        snapshot(now, {call(2, "1002", 2, now - 10s), call(1, "1001", 1, now - 4min)}));
    const BoardViewModel vm = f.board->view_model();
    CHECK(vm.link == BoardLink::Connected);
    CHECK(vm.latest.number == "1002");
    REQUIRE(f.spoken.size() == 1);
    CHECK(f.spoken[0].number == "1002");
}

TEST_CASE("a board's own config overrides the hub's notice, history and voice") {
    Fixture f;
    f.settings.notice_vi = "Thông báo riêng";
    f.settings.voice_enabled = false;
    f.settings.recent_calls = 1;
    f.make();
    f.board->on_hub_event(snapshot(kMorning, {}));
    for (int i = 1; i <= 3; ++i)
        f.board->on_hub_event(call_event(call(i, std::to_string(1000 + i), 1, kMorning)));
    const BoardViewModel vm = f.board->view_model();
    CHECK(vm.notice_vi == "Thông báo riêng");
    CHECK(vm.recent.size() == 1);
    CHECK(f.spoken.empty());
}
