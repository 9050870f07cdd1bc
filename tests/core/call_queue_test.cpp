#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "kiosk/core/call_queue.h"
#include "kiosk/core/store_schema.h"
#include "kiosk/core/ticket_store.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace std::chrono;

namespace {

const TimePoint kMorning = sys_days{2026y / 11 / 28} + 1h;  // 08:00 local

// Fields a (counters 1, 2), b (counter 3), c (counter 2).
KioskConfig office(const std::string& hub_table = "") {
    auto r = parse_config(R"(
[office]
id = "test"
name_vi = "Bộ phận Một cửa"
name_en = "One-stop desk"
ticket_url = "https://example.gov.vn/q/{office}/{date}/{number}"
[printer]
uri = "file:p.bin"
)" + hub_table + R"(
[[services]]
id = "a"
name_vi = "Hộ tịch"
name_en = "Civil status"
prefix = "1"
counters = [1, 2]
[[services]]
id = "b"
name_vi = "Đất đai"
name_en = "Land"
prefix = "2"
counters = [3]
[[services]]
id = "c"
name_vi = "Chứng thực"
name_en = "Certification"
prefix = "3"
counters = [2]
)",
                          "test.toml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].to_string()));
    return *r.config;
}

struct Fixture {
    test::TempDir dir{"callq"};
    KioskConfig config;
    std::string path = dir.file("queue.db");
    TicketStore store{path};
    std::unique_ptr<CallQueue> queue;
    TimePoint now = kMorning;

    explicit Fixture(const std::string& hub_table = "",
                     CallQueueOptions options = CallQueueOptions{})
        : config(office(hub_table)) {
        queue = std::make_unique<CallQueue>(path, config, options);
    }

    // Issues one ticket a second later than the last; returns its number.
    std::string issue(const std::string& service, bool priority = false) {
        now += 1s;
        auto r = store.reserve({config.find_service(service), priority, now});
        REQUIRE(r.reservation);
        store.mark_printing(r.reservation->ticket.id);
        store.mark_issued(r.reservation->ticket.id, now);
        return r.reservation->ticket.number;
    }

    std::string next(int counter) {
        now += 1s;
        auto r = queue->call_next(counter, now);
        REQUIRE_MESSAGE(r.ok(), to_string(r.error));
        REQUIRE(r.ticket);
        CHECK(r.ticket->state == TicketState::Called);
        return r.ticket->number;
    }

    std::vector<std::string> outbox_types() {
        SqliteDb db(path);
        Statement q(db, "SELECT type FROM outbox ORDER BY seq");
        std::vector<std::string> out;
        while (q.step())
            out.push_back(q.column_text(0));
        return out;
    }
};

}  // namespace

TEST_CASE("strict policy: priority first, then issue order; finishing the last one is kept") {
    Fixture f;
    const auto a1 = f.issue("a");
    const auto a2 = f.issue("a");
    const auto p1 = f.issue("a", true);
    f.now += 1s;
    auto r = f.queue->call_next(1, f.now);
    REQUIRE(r.ok());
    CHECK(r.ticket->number == p1);
    CHECK(r.priority_call);
    REQUIRE(r.call);
    CHECK(r.call->kind == CallKind::Call);
    CHECK(r.call->counter == 1);
    CHECK(f.next(1) == a1);
    CHECK(f.next(2) == a2);  // another counter of the same field
    f.now += 1s;
    auto none = f.queue->call_next(1, f.now);
    CHECK(none.error == QueueError::NothingWaiting);
    REQUIRE(none.finished);  // a1 was finished even though nobody else waits
    CHECK(none.finished->number == a1);
    auto c1 = f.queue->view().counter(1, f.now);
    REQUIRE(c1);
    CHECK_FALSE(c1->current);
    CHECK(c1->served_today == 2);  // p1 and a1
}

TEST_CASE("interleaved policy: one priority after every N normal calls of that counter") {
    Fixture f("[hub]\npriority_policy = \"interleaved\"\npriority_every = 2\n",
              CallQueueOptions{PriorityPolicy::Interleaved, 2, 2, 180s});
    std::vector<std::string> n, p;
    for (int i = 0; i < 4; ++i)
        n.push_back(f.issue("a"));
    for (int i = 0; i < 3; ++i)
        p.push_back(f.issue("a", true));
    std::vector<std::string> order;
    for (int i = 0; i < 7; ++i)
        order.push_back(f.next(1));
    // streak starts at 0: two normals, then a priority, two normals, a priority, then what's left
    CHECK(order == std::vector<std::string>{n[0], n[1], p[0], n[2], n[3], p[1], p[2]});
}

TEST_CASE("a counter only calls its own fields") {
    Fixture f;
    const auto b1 = f.issue("b");
    const auto a1 = f.issue("a");
    const auto c1 = f.issue("c");
    CHECK(f.next(3) == b1);
    CHECK(f.next(1) == a1);
    CHECK(f.next(2) == c1);  // counter 2 serves a and c
    CHECK(f.queue->call_next(3, f.now).error == QueueError::NothingWaiting);
    CHECK(f.queue->call_next(9, f.now).error == QueueError::CounterUnknown);
}

TEST_CASE(
    "no-show: back in the line after a grace period, up to max_no_shows times, then dropped") {
    Fixture f("", CallQueueOptions{PriorityPolicy::Strict, 3, 2, 180s});
    const auto t1 = f.issue("a");
    f.now += 1min;
    const auto t2 = f.issue("a");
    f.now += 1min;
    CHECK(f.next(1) == t1);
    auto r = f.queue->no_show(1, f.now);  // 08:02: t1 waits as if issued at 08:05
    REQUIRE(r.ok());
    CHECK_FALSE(r.dropped);
    CHECK(r.ticket->state == TicketState::Issued);
    CHECK(r.ticket->no_shows == 1);
    f.now += 1min;
    const auto t3 = f.issue("a");  // 08:03, before t1's new place
    f.now += 3min;
    const auto t4 = f.issue("a");  // 08:06, after it
    CHECK(f.next(1) == t2);        // the citizen behind is not kept waiting for the absent one
    CHECK(f.next(1) == t3);
    CHECK(f.next(1) == t1);  // then the missed ticket, before people who came later
    r = f.queue->no_show(1, f.now);
    REQUIRE(r.ok());
    CHECK(r.ticket->no_shows == 2);
    CHECK(f.next(1) == t4);
    f.now += 4min;
    CHECK(f.next(1) == t1);
    r = f.queue->no_show(1, f.now);
    REQUIRE(r.ok());
    CHECK(r.dropped);
    CHECK(r.ticket->state == TicketState::NoShow);
    CHECK(f.queue->view().waiting(f.now)[0].second == 0);
    CHECK(f.queue->no_show(2, f.now).error == QueueError::NoCurrentTicket);
}

TEST_CASE("transfer keeps the number and the issue time; to a counter it is called there first") {
    Fixture f;
    const auto b1 = f.issue("b");
    const auto a1 = f.issue("a");
    const auto b2 = f.issue("b");
    CHECK(f.next(1) == a1);
    auto r = f.queue->transfer(1, "b", 0, f.now);
    REQUIRE(r.ok());
    CHECK(r.ticket->number == a1);
    CHECK(r.ticket->service_id == "b");
    CHECK(r.ticket->origin_service_id == "a");
    CHECK(r.ticket->state == TicketState::Issued);
    CHECK(f.next(3) == b1);  // issued before a1
    CHECK(f.next(3) == a1);  // before b2: it kept its place
    // to counter 2 (which does not serve b): waits for counter 2 only, ahead of its own fields
    auto to2 = f.queue->transfer(3, "", 2, f.now);
    REQUIRE(to2.ok());
    CHECK(to2.ticket->target_counter == 2);
    const auto a2 = f.issue("a");
    CHECK(f.next(3) == b2);
    CHECK(f.next(2) == a1);
    CHECK(f.next(2) == a2);
    CHECK(f.queue->transfer(2, "nope", 0, f.now).error == QueueError::ServiceUnknown);
    CHECK(f.queue->transfer(2, "", 77, f.now).error == QueueError::CounterUnknown);
}

TEST_CASE("hold sets a ticket aside; call_number brings it back and finishes the current one") {
    Fixture f;
    const auto t1 = f.issue("a");
    const auto t2 = f.issue("a");
    const auto t3 = f.issue("a");
    CHECK(f.next(1) == t1);
    auto h = f.queue->hold(1, f.now);
    REQUIRE(h.ok());
    CHECK(h.ticket->state == TicketState::Held);
    auto c = f.queue->view().counter(1, f.now);
    REQUIRE(c->held.size() == 1);
    CHECK(c->held[0].number == t1);
    CHECK(f.next(1) == t2);
    f.now += 1s;
    auto back = f.queue->call_number(1, t1, f.now);
    REQUIRE(back.ok());
    CHECK(back.ticket->number == t1);
    REQUIRE(back.finished);
    CHECK(back.finished->number == t2);
    CHECK(f.queue->view().counter(1, f.now)->held.empty());
    // any waiting number, even out of order
    auto direct = f.queue->call_number(2, t3, f.now);
    REQUIRE(direct.ok());
    CHECK(f.queue->call_number(2, "1999", f.now).error == QueueError::TicketNotFound);
    CHECK(f.queue->call_number(2, t2, f.now).error == QueueError::TicketNotFound);  // served
}

TEST_CASE("pause blocks next and call; resume opens the counter again") {
    Fixture f;
    const auto t1 = f.issue("a");
    REQUIRE(f.queue->pause(1, "Nghỉ trưa", f.now).ok());
    auto c = f.queue->view().counter(1, f.now);
    CHECK(c->paused);
    CHECK(c->pause_reason == "Nghỉ trưa");
    CHECK(f.queue->call_next(1, f.now).error == QueueError::CounterPaused);
    CHECK(f.queue->call_number(1, t1, f.now).error == QueueError::CounterPaused);
    REQUIRE(f.queue->resume(1, f.now).ok());
    CHECK_FALSE(f.queue->view().counter(1, f.now)->paused);
    CHECK(f.next(1) == t1);
}

TEST_CASE("recall writes a new call; every action writes its outbox event in order") {
    Fixture f;
    f.issue("a");
    f.issue("a");
    f.issue("a");
    f.next(1);
    auto rc = f.queue->recall(1, f.now);
    REQUIRE(rc.ok());
    REQUIRE(rc.call);
    CHECK(rc.call->kind == CallKind::Recall);
    CHECK(rc.ticket->recalls == 1);
    REQUIRE(f.queue->no_show(1, f.now).ok());
    f.next(1);
    REQUIRE(f.queue->hold(1, f.now).ok());
    f.next(1);
    REQUIRE(f.queue->transfer(1, "c", 0, f.now).ok());
    f.next(2);
    REQUIRE(f.queue->finish(2, f.now).ok());
    REQUIRE(f.queue->pause(2, "Họp", f.now).ok());
    REQUIRE(f.queue->resume(2, f.now).ok());
    auto types = f.outbox_types();
    types.erase(std::remove(types.begin(), types.end(), "ticket.issued"), types.end());
    CHECK(types == std::vector<std::string>{"ticket.called", "ticket.recalled", "ticket.no_show",
                                            "ticket.called", "ticket.held", "ticket.called",
                                            "ticket.transferred", "ticket.called", "ticket.served",
                                            "counter.paused", "counter.resumed"});
    const auto calls = f.queue->view().calls_after(0, 100);
    REQUIRE(calls.size() == 5);  // 4 calls + 1 recall
    for (size_t i = 1; i < calls.size(); ++i)
        CHECK(calls[i].seq > calls[i - 1].seq);
    CHECK(f.queue->view().recent_calls(2).front().seq == calls.back().seq);
}

TEST_CASE("restart keeps counters, current tickets, streaks and the call sequence") {
    Fixture f("", CallQueueOptions{PriorityPolicy::Interleaved, 1, 2, 180s});
    const auto n1 = f.issue("a");
    const auto n2 = f.issue("a");
    const auto p1 = f.issue("a", true);
    CHECK(f.next(1) == n1);  // streak 0 < 1 → normal first
    REQUIRE(f.queue->pause(3, "Bảo trì", f.now).ok());
    const int64_t seq = f.queue->view().last_call_seq();
    f.queue.reset();
    f.queue = std::make_unique<CallQueue>(
        f.path, f.config, CallQueueOptions{PriorityPolicy::Interleaved, 1, 2, 180s});
    auto c1 = f.queue->view().counter(1, f.now);
    REQUIRE(c1->current);
    CHECK(c1->current->number == n1);
    CHECK(f.queue->view().counter(3, f.now)->paused);
    CHECK(f.next(1) == p1);  // the streak (1 normal) survived the restart
    CHECK(f.next(1) == n2);
    CHECK(f.queue->view().last_call_seq() == seq + 2);
}

TEST_CASE("two connections calling at once never take the same ticket") {
    Fixture f;
    std::vector<std::string> issued;
    for (int i = 0; i < 200; ++i)
        issued.push_back(f.issue("a"));
    std::vector<std::string> got[2];
    auto worker = [&](int counter, std::vector<std::string>& out) {
        CallQueue q(f.path, f.config, {});
        for (;;) {
            auto r = q.call_next(counter, f.now + 1h);
            if (!r.ok()) break;
            out.push_back(r.ticket->number);
        }
    };
    std::thread t1(worker, 1, std::ref(got[0]));
    std::thread t2(worker, 2, std::ref(got[1]));
    t1.join();
    t2.join();
    std::vector<std::string> all = got[0];
    all.insert(all.end(), got[1].begin(), got[1].end());
    CHECK(all.size() == issued.size());
    CHECK(std::set<std::string>(all.begin(), all.end()).size() == issued.size());
}

TEST_CASE("a schema-2 file is upgraded to 3 keeping its tickets, which can then be called") {
    test::TempDir dir;
    const std::string path = dir.file("q.db");
    {
        SqliteDb db(path);
        db.exec(R"SQL(
CREATE TABLE sequences(business_date TEXT NOT NULL, service_id TEXT NOT NULL,
  last_seq INTEGER NOT NULL, PRIMARY KEY (business_date, service_id));
CREATE TABLE tickets(id INTEGER PRIMARY KEY, business_date TEXT NOT NULL,
  service_id TEXT NOT NULL, sequence INTEGER NOT NULL, number TEXT NOT NULL,
  priority INTEGER NOT NULL, state TEXT NOT NULL, reserved_at_us INTEGER NOT NULL,
  issued_at_us INTEGER, called_at_us INTEGER, served_at_us INTEGER,
  void_reason TEXT NOT NULL DEFAULT '', print_unconfirmed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE outbox(seq INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
  payload TEXT NOT NULL, created_at_us INTEGER NOT NULL, sent_at_us INTEGER,
  reject_reason TEXT);
INSERT INTO tickets(business_date, service_id, sequence, number, priority, state,
  reserved_at_us, issued_at_us) VALUES('2026-11-28', 'a', 1, '1001', 0, 'issued', 1, 2);
PRAGMA user_version=2;)SQL");
    }
    const KioskConfig config = office();
    CallQueue q(path, config, {});
    auto r = q.call_next(1, kMorning);
    REQUIRE(r.ok());
    CHECK(r.ticket->number == "1001");
    SqliteDb db(path);
    Statement v(db, "PRAGMA user_version");
    v.step();
    CHECK(v.column_int(0) == kStoreSchemaVersion);  // upgraded through 3 to the newest
    Statement cache(db, "SELECT COUNT(*) FROM dossier_cache");
    CHECK(cache.step());
}

TEST_CASE("snapshot: waiting per field in config order, every counter, newest call first") {
    Fixture f;
    f.issue("a");
    f.issue("a");
    f.issue("b");
    f.next(1);
    f.next(3);
    const QueueSnapshot s = f.queue->view().snapshot(f.now, 6);
    REQUIRE(s.waiting.size() == 3);
    CHECK(s.waiting[0] == std::pair<std::string, int>{"a", 1});
    CHECK(s.waiting[1] == std::pair<std::string, int>{"b", 0});
    REQUIRE(s.counters.size() == 3);
    CHECK(s.counters[0].number == 1);
    CHECK(s.counters[2].number == 3);
    CHECK(s.counters[2].current->service_id == "b");
    REQUIRE(s.recent_calls.size() == 2);
    CHECK(s.recent_calls[0].counter == 3);
    CHECK(s.last_call_seq == s.recent_calls[0].seq);
}
