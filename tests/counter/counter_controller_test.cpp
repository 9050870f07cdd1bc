// CounterController against a scripted backend: what the screen shows, which requests reach the
// hub, and that nothing is sent twice, while busy or while the hub is gone.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "fake_counter_backend.h"
#include "kiosk/counter/counter_controller.h"

using namespace kiosk;
using namespace kiosk::counter;
using namespace std::chrono_literals;

namespace {

const TimePoint kNoon = from_local({2026, 11, 28, 10, 0, 0, 6});

int64_t us(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

hub::LanTicket ticket(const std::string& number, const std::string& service, TimePoint called) {
    hub::LanTicket t;
    t.id = 7;
    t.number = number;
    t.service_id = service;
    t.state = "called";
    t.counter = 3;
    t.called_at_us = us(called);
    return t;
}

hub::HubState office(TimePoint now) {
    hub::HubState s;
    s.now_us = us(now);
    s.office_name_vi = "Trung tâm thử";
    s.services = {{"ho-tich", "Hộ tịch", "Civil status", 4},
                  {"chung-thuc", "Chứng thực", "Certification", 2},
                  {"dat-dai", "Đất đai", "Land", 0}};
    hub::CounterInfo c3;
    c3.number = 3;
    c3.services = {"ho-tich", "chung-thuc"};
    c3.served_today = 11;
    hub::CounterInfo c4;
    c4.number = 4;
    c4.services = {"dat-dai"};
    s.counters = {c3, c4};
    return s;
}

// Waits (real time, bounded) until the controller's worker has caught up with a condition.
template <class F>
bool eventually(F f) {
    for (int i = 0; i < 400; ++i) {
        if (f()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return f();
}

struct Fixture {
    ManualClock clock{kNoon};
    test::FakeCounterBackend backend{3};
    std::unique_ptr<CounterController> controller;

    explicit Fixture(bool reachable = true) {
        backend.hub_state = office(kNoon);
        backend.unreachable = !reachable;
        controller = std::make_unique<CounterController>(backend, clock, CounterTiming{60s, 20ms});
        controller->start();
        controller->wait_idle();
    }
    CounterViewModel vm() const { return controller->view_model(); }
    void act(CounterActionType t, std::string arg = {}) {
        controller->handle({t, std::move(arg)});
        controller->wait_idle();
    }
};

}  // namespace

TEST_CASE("first state: waiting per served field, served count, transfer targets") {
    Fixture f;
    const CounterViewModel vm = f.vm();
    CHECK(vm.connection == Connection::Connected);
    CHECK(vm.counter == 3);
    CHECK(vm.office_name_vi == "Trung tâm thử");
    REQUIRE(vm.fields.size() == 2);  // only the fields counter 3 serves
    CHECK(vm.fields[0].name_vi == "Hộ tịch");
    CHECK(vm.fields[0].waiting == 4);
    CHECK(vm.fields[1].waiting == 2);
    CHECK(vm.served_today == 11);
    CHECK_FALSE(vm.has_current);
    CHECK(vm.transfer_counters == std::vector<int>{4});
    CHECK(vm.transfer_fields.size() == 3);
    CHECK(vm.hour == 10);
}

TEST_CASE("call next: the reply's ticket becomes current, with its timer and a message") {
    Fixture f;
    f.backend.reply.counter = f.backend.hub_state.counters[0];
    f.backend.reply.counter.current = ticket("1005", "ho-tich", kNoon);
    f.backend.reply.ticket = f.backend.reply.counter.current;
    f.act(CounterActionType::CallNext);
    CHECK(f.backend.requests_seen() == std::vector<std::string>{"next"});
    f.clock.advance(135s);
    const CounterViewModel vm = f.vm();
    REQUIRE(vm.has_current);
    CHECK(vm.current.number == "1005");
    CHECK(vm.current.service_vi == "Hộ tịch");
    CHECK(vm.current.seconds_since_called == 135);
    CHECK(vm.message_vi == "Đã gọi số 1005");
    CHECK_FALSE(vm.message_is_error);
    // The current field is not offered as a transfer target.
    for (const auto& t : vm.transfer_fields)
        CHECK(t.service_id != "ho-tich");
    // The timer needs the next second; without a ticket only the clock's minute.
    const auto next = f.controller->next_change_in();
    REQUIRE(next.has_value());
    CHECK(*next <= 1000ms);
}

TEST_CASE("a hub refusal is shown in the hub's own Vietnamese and English words") {
    Fixture f;
    f.backend.fail_with = hub::HubErrorCode::NothingWaiting;
    f.act(CounterActionType::CallNext);
    const CounterViewModel vm = f.vm();
    CHECK(vm.message_is_error);
    CHECK(vm.message_vi == "Không còn ai đang chờ.");
    CHECK(vm.message_en == "Nobody is waiting.");
    CHECK(vm.connection == Connection::Connected);
}

TEST_CASE("one request at a time: a second F1 while the first is on its way is dropped") {
    Fixture f;
    f.backend.gate_open = false;
    f.controller->handle({CounterActionType::CallNext, {}});
    REQUIRE(eventually([&] { return f.backend.requests_seen().size() == 1; }));
    CHECK(f.vm().busy);
    f.controller->handle({CounterActionType::CallNext, {}});
    f.controller->handle({CounterActionType::OpenKeypad, {}});
    CHECK(f.vm().dialog == Dialog::None);
    f.backend.open_gate();
    f.controller->wait_idle();
    CHECK(f.backend.requests_seen().size() == 1);
    CHECK_FALSE(f.vm().busy);
}

TEST_CASE("hub unreachable: lost state, nothing sent, and back by itself") {
    Fixture f(false);
    CHECK(f.vm().connection == Connection::Lost);
    f.act(CounterActionType::CallNext);
    CHECK(f.backend.requests_seen().empty());
    f.backend.set_unreachable(false);  // the retry (20 ms here) finds it again
    CHECK(
        eventually([&] { return f.controller->view_model().connection == Connection::Connected; }));
    f.act(CounterActionType::CallNext);
    CHECK(f.backend.requests_seen().size() == 1);
}

TEST_CASE("stream events: lost link disables, snapshot and counter events update") {
    Fixture f;
    hub::HubEvent lost;
    lost.kind = hub::HubEvent::Kind::Disconnected;
    lost.detail = "connection reset";
    f.controller->on_hub_event(lost);
    CHECK(f.vm().connection == Connection::Lost);

    hub::HubEvent snap;
    snap.kind = hub::HubEvent::Kind::Snapshot;
    snap.snapshot = office(kNoon);
    snap.snapshot.counters[0].paused = true;
    snap.snapshot.counters[0].pause_reason = "Nghỉ trưa";
    f.controller->on_hub_event(snap);
    CounterViewModel vm = f.vm();
    CHECK(vm.connection == Connection::Connected);
    CHECK(vm.paused);
    CHECK(vm.pause_reason == "Nghỉ trưa");

    hub::HubEvent other;  // another counter's change is ignored
    other.kind = hub::HubEvent::Kind::Counter;
    other.counter.number = 4;
    other.counter.served_today = 99;
    f.controller->on_hub_event(other);
    CHECK(f.vm().served_today == 11);

    hub::HubEvent waiting;
    waiting.kind = hub::HubEvent::Kind::Waiting;
    waiting.waiting = {{"ho-tich", "Hộ tịch", "Civil status", 9}};
    f.controller->on_hub_event(waiting);
    vm = f.vm();
    CHECK(vm.fields[0].waiting == 9);
    CHECK(vm.fields[1].waiting == 0);  // unknown now: shown as 0, never stale
}

TEST_CASE("keypad: digits and letters only, upper-cased, backspace, confirm calls that number") {
    Fixture f;
    f.act(CounterActionType::OpenKeypad);
    CHECK(f.vm().dialog == Dialog::Keypad);
    f.act(CounterActionType::KeypadAppend, "a1;0 ");
    f.act(CounterActionType::KeypadAppend, "57");
    CHECK(f.vm().keypad_text == "A1057");
    f.act(CounterActionType::KeypadBackspace);
    CHECK(f.vm().keypad_text == "A105");
    f.act(CounterActionType::KeypadConfirm);
    CHECK(f.backend.requests_seen() == std::vector<std::string>{"call:A105"});
    CHECK(f.vm().dialog == Dialog::None);
}

TEST_CASE("pause takes a reason from the list; resume only when paused; transfer needs a ticket") {
    Fixture f;
    f.act(CounterActionType::Pause, "1");  // no dialog open: ignored
    f.act(CounterActionType::OpenPause);
    CHECK(f.vm().dialog == Dialog::Pause);
    f.act(CounterActionType::Pause, "1");
    f.act(CounterActionType::Resume);        // not paused (the fake's reply says so): ignored
    f.act(CounterActionType::OpenTransfer);  // nobody called: no dialog
    CHECK(f.vm().dialog == Dialog::None);
    CHECK(f.backend.requests_seen() == std::vector<std::string>{"pause:Nghỉ trưa"});

    f.backend.reply.counter = f.backend.hub_state.counters[0];
    f.backend.reply.counter.current = ticket("2001", "chung-thuc", kNoon);
    f.act(CounterActionType::CallNext);
    f.act(CounterActionType::OpenTransfer);
    CHECK(f.vm().dialog == Dialog::Transfer);
    f.act(CounterActionType::TransferToCounter, "4");
    CHECK(f.backend.requests_seen().back() == "transfer:4");
}

TEST_CASE("no-show that drops the ticket says so") {
    Fixture f;
    f.backend.reply.counter = f.backend.hub_state.counters[0];
    f.backend.reply.counter.current = ticket("1002", "ho-tich", kNoon);
    f.act(CounterActionType::CallNext);
    hub::LanTicket dropped = ticket("1002", "ho-tich", kNoon);
    dropped.state = "no_show";
    f.backend.reply.counter.current.reset();
    f.backend.reply.ticket = dropped;
    f.act(CounterActionType::NoShow);
    CHECK(f.vm().message_vi == "Số 1002 vắng mặt quá số lần cho phép – đã bỏ lượt");
    CHECK_FALSE(f.vm().has_current);
}
