// CounterController with the real client against the real hub (in-process, loopback): actions
// reach the queue and its outbox, live events keep the waiting counts current, and a hub restart
// is survived without losing the counter's state.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "counter/lan_hub_fixture.h"
#include "kiosk/core/outbox.h"
#include "kiosk/counter/counter_controller.h"

using namespace kiosk;
using namespace kiosk::counter;
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

struct Terminal {
    hub::HubClient client;
    HubCounterBackend backend;
    SystemClock clock;
    CounterController controller;
    hub::HubEventStream stream;

    Terminal(test::LanHub& hub, int counter)
        : client(hub.options(test::LanHub::counter_token(counter))),
          backend(client, counter),
          controller(backend, clock, CounterTiming{15s, 100ms}),
          stream(
              hub.options(test::LanHub::counter_token(counter)),
              [this](hub::HubEvent e) { controller.on_hub_event(e); },
              hub::HubEventStreamOptions{100, 300, 25000}) {
        controller.start();
        stream.start();
    }
    ~Terminal() { stream.stop(); }
    CounterViewModel vm() const { return controller.view_model(); }
    void act(CounterActionType t, std::string arg = {}) {
        controller.handle({t, std::move(arg)});
        controller.wait_idle();
    }
};

std::vector<std::string> outbox_types(const std::string& db) {
    Outbox outbox(db);
    std::vector<std::string> types;
    for (const auto& e : outbox.pending(1000))
        types.push_back(e.type);
    return types;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("real hub: call, recall, no-show, finish — the queue and its outbox agree") {
    test::LanHub hub;
    for (int i = 0; i < 3; ++i)
        hub.issue("ho-tich");
    hub.issue("chung-thuc");
    Terminal t(hub, 1);
    REQUIRE(eventually([&] { return t.vm().connection == Connection::Connected; }));
    REQUIRE(eventually([&] { return !t.vm().fields.empty() && t.vm().fields[0].waiting == 3; }));
    CHECK(t.vm().fields.size() == 1);  // counter 1 serves Hộ tịch only
    CHECK(t.vm().fields[0].name_vi == "Hộ tịch");

    t.act(CounterActionType::CallNext);
    CounterViewModel vm = t.vm();
    REQUIRE(vm.has_current);
    CHECK(vm.current.number == "1001");
    CHECK(vm.message_vi == "Đã gọi số 1001");
    // The waiting count comes with the hub's next `waiting` event, not with the reply.
    CHECK(eventually([&] { return t.vm().fields[0].waiting == 2; }));

    t.act(CounterActionType::Recall);
    CHECK(t.vm().message_vi == "Đã gọi lại số 1001");
    CHECK(t.vm().current.recalls == 1);

    t.act(CounterActionType::NoShow);
    CHECK(t.vm().message_vi == "Số 1001 vắng mặt – đã đưa lại hàng chờ");
    CHECK_FALSE(t.vm().has_current);

    t.act(CounterActionType::CallNext);
    REQUIRE(t.vm().has_current);
    const std::string second = t.vm().current.number;
    t.act(CounterActionType::Finish);
    vm = t.vm();
    CHECK(vm.message_vi == "Đã hoàn thành số " + second);
    CHECK_FALSE(vm.has_current);
    CHECK(vm.served_today == 1);

    // Ask the hub itself, not the terminal.
    hub::HubClient board(hub.options(test::LanHub::board_token()));
    auto state = board.state();
    REQUIRE(state.ok());
    const hub::CounterInfo& c1 = state->counters[0];
    CHECK(c1.number == 1);
    CHECK(c1.served_today == 1);
    CHECK_FALSE(c1.current.has_value());
    REQUIRE(state->recent_calls.size() >= 3);
    CHECK(state->recent_calls[0].number == second);

    const auto types = outbox_types(hub.db_path());
    CHECK(contains(types, "ticket.called"));
    CHECK(contains(types, "ticket.recalled"));
    CHECK(contains(types, "ticket.no_show"));
    CHECK(contains(types, "ticket.served"));
}

TEST_CASE("real hub: another counter's call reaches this terminal's waiting count live") {
    test::LanHub hub;
    hub.issue("ho-tich");
    hub.issue("ho-tich");
    Terminal t1(hub, 1);
    REQUIRE(eventually([&] { return !t1.vm().fields.empty() && t1.vm().fields[0].waiting == 2; }));
    hub::HubClient counter2(hub.options(test::LanHub::counter_token(2)));
    REQUIRE(counter2.next(2).ok());
    CHECK(eventually([&] { return t1.vm().fields[0].waiting == 1; }));
    hub.issue("ho-tich");  // a kiosk issues: the count goes up without any request from t1
    CHECK(eventually([&] { return t1.vm().fields[0].waiting == 2; }));
}

TEST_CASE("real hub: errors in the hub's words; hub gone → buttons off; back → state kept") {
    test::LanHub hub;
    Terminal t(hub, 3);
    REQUIRE(eventually([&] { return t.vm().connection == Connection::Connected; }));
    t.act(CounterActionType::CallNext);
    CHECK(t.vm().message_is_error);
    CHECK(t.vm().message_vi == "Không còn ai đang chờ.");

    hub.issue("chung-thuc");
    t.act(CounterActionType::OpenPause);
    t.act(CounterActionType::Pause, "0");
    REQUIRE(eventually([&] { return t.vm().paused; }));
    CHECK(t.vm().pause_reason == "Nghỉ giải lao");
    t.act(CounterActionType::Resume);
    REQUIRE(eventually([&] { return !t.vm().paused; }));
    t.act(CounterActionType::CallNext);
    CHECK(t.vm().current.number == "2001");

    hub.stop();
    REQUIRE(eventually([&] { return t.vm().connection == Connection::Lost; }));
    t.act(CounterActionType::Finish);  // not sent: nobody to send it to
    hub.start();
    REQUIRE(eventually([&] { return t.vm().connection == Connection::Connected; }));
    const CounterViewModel vm = t.vm();
    REQUIRE(vm.has_current);  // the hub kept the called ticket across its restart
    CHECK(vm.current.number == "2001");
}
