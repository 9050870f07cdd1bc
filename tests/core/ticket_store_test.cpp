#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "kiosk/core/config.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/ticket_store.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace std::chrono;

namespace {
ServiceConfig service(const std::string& id, const std::string& prefix, int cap = 999) {
    ServiceConfig s;
    s.id = id;
    s.name_vi = id;
    s.name_en = id;
    s.prefix = prefix;
    s.digits = 3;
    s.counters = {1};
    s.daily_cap = cap;
    return s;
}
const TimePoint kMorning = sys_days{2026y / 11 / 27} + 1h;  // 08:00 local
}  // namespace

TEST_CASE("numbers run per service, persist across reopen, and reset at local midnight") {
    test::TempDir dir;
    const auto a = service("ho-tich", "1"), b = service("dat-dai", "3");
    {
        TicketStore store(dir.file("q.db"));
        CHECK(store.reserve({&a, false, kMorning}).reservation->ticket.number == "1001");
        CHECK(store.reserve({&a, false, kMorning}).reservation->ticket.number == "1002");
        CHECK(store.reserve({&b, false, kMorning}).reservation->ticket.number == "3001");
    }
    TicketStore store(dir.file("q.db"));  // reopened: the counter continues
    CHECK(store.reserve({&a, false, kMorning + 1h}).reservation->ticket.number == "1003");
    // 23:59:59 local is still the same day, 00:00:00 is a new one.
    const TimePoint last_second = sys_days{2026y / 11 / 27} + 16h + 59min + 59s;
    CHECK(store.reserve({&a, false, last_second}).reservation->ticket.number == "1004");
    auto next_day = store.reserve({&a, false, last_second + 1s}).reservation->ticket;
    CHECK(next_day.number == "1001");
    CHECK(next_day.business_date == "2026-11-28");
    CHECK(std::filesystem::exists(dir.file("q.db-wal")));  // WAL mode is on
}

TEST_CASE("a voided number is never reused") {
    test::TempDir dir;
    TicketStore store(dir.file("q.db"));
    const auto a = service("ho-tich", "1");
    auto t1 = store.reserve({&a, false, kMorning}).reservation->ticket;
    store.mark_printing(t1.id);
    store.mark_void(t1.id, "paper end", kMorning);
    auto t2 = store.reserve({&a, false, kMorning}).reservation->ticket;
    CHECK(t2.number == "1002");
    CHECK(store.ticket(t1.id)->state == TicketState::Void);
    CHECK(store.ticket(t1.id)->void_reason == "paper end");
}

TEST_CASE("daily cap stops reservations without consuming a number") {
    test::TempDir dir;
    TicketStore store(dir.file("q.db"));
    const auto a = service("ho-tich", "1", 2);
    CHECK(store.reserve({&a, false, kMorning}).reservation);
    CHECK(store.reserve({&a, false, kMorning}).reservation);
    const auto third = store.reserve({&a, false, kMorning});
    CHECK_FALSE(third.reservation);
    CHECK(third.error == ReserveError::DailyCapReached);
    CHECK(store.issued_counts("2026-11-27").at("ho-tich") == 2);
    CHECK(store.reserve({&a, false, kMorning + 24h}).reservation);  // tomorrow is a new day
}

TEST_CASE("people ahead follows strict priority and counts only waiting tickets") {
    test::TempDir dir;
    TicketStore store(dir.file("q.db"));
    const auto a = service("ho-tich", "1");
    auto issue = [&](bool prio) {
        auto r = *store.reserve({&a, prio, kMorning}).reservation;
        store.mark_printing(r.ticket.id);
        store.mark_issued(r.ticket.id, kMorning);
        return r;
    };
    CHECK(issue(false).people_ahead == 0);
    CHECK(issue(false).people_ahead == 1);
    CHECK(issue(true).people_ahead == 0);  // priority goes before the normal queue
    CHECK(issue(true).people_ahead == 1);
    CHECK(issue(false).people_ahead == 4);
    // A reserved-but-not-printed ticket is nobody's ahead.
    store.reserve({&a, false, kMorning});
    CHECK(issue(false).people_ahead == 5);
    CHECK(store.waiting_counts("2026-11-27").at("ho-tich") == 6);
}

TEST_CASE("state changes and their outbox events commit together") {
    test::TempDir dir;
    TicketStore store(dir.file("q.db"));
    const auto a = service("ho-tich", "1");
    auto t = store.reserve({&a, true, kMorning}).reservation->ticket;
    CHECK(Outbox(dir.file("q.db")).depth() == 0);  // reserving is not an event
    store.mark_printing(t.id);
    store.mark_issued(t.id, kMorning + 2s);
    const auto events = Outbox(dir.file("q.db")).pending(10);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "ticket.issued");
    CHECK(events[0].uuid.size() == 36);
    CHECK(events[0].payload.find("\"number\":\"1001\"") != std::string::npos);
    CHECK(events[0].payload.find("\"priority\":true") != std::string::npos);
    CHECK(events[0].payload.find("+07:00") != std::string::npos);
    CHECK_THROWS_AS(store.mark_void(t.id, "late", kMorning),
                    StoreError);  // issued cannot be voided
    CHECK(Outbox(dir.file("q.db")).depth() == 1);
}

TEST_CASE("start-up recovery resolves every interrupted reservation") {
    test::TempDir dir;
    const auto a = service("ho-tich", "1");
    int64_t never_sent, maybe_printed;
    {
        TicketStore store(dir.file("q.db"));
        never_sent = store.reserve({&a, false, kMorning}).reservation->ticket.id;
        maybe_printed = store.reserve({&a, false, kMorning}).reservation->ticket.id;
        store.mark_printing(maybe_printed);
    }  // "crash": the store is closed with both tickets open
    TicketStore store(dir.file("q.db"));
    const auto recovered = store.recover_interrupted(kMorning + 1min);
    REQUIRE(recovered.size() == 2);
    CHECK(store.ticket(never_sent)->state == TicketState::Void);
    const auto honoured = *store.ticket(maybe_printed);
    CHECK(honoured.state == TicketState::Issued);
    CHECK(honoured.print_unconfirmed);
    CHECK(store.recover_interrupted(kMorning + 2min).empty());  // idempotent
    CHECK(Outbox(dir.file("q.db")).depth() == 2);
    CHECK(store.reserve({&a, false, kMorning}).reservation->ticket.number == "1003");
}

TEST_CASE("mean service time uses the last N served tickets") {
    test::TempDir dir;
    TicketStore store(dir.file("q.db"));
    CHECK_FALSE(store.mean_service_seconds("ho-tich", 20));  // no data: the caller uses its default
    const auto a = service("ho-tich", "1");
    std::vector<int64_t> ids;
    for (int i = 0; i < 4; ++i) {
        auto r = *store.reserve({&a, false, kMorning}).reservation;
        store.mark_printing(r.ticket.id);
        store.mark_issued(r.ticket.id, kMorning);
        ids.push_back(r.ticket.id);
    }
    // Counters (a later issue) record call and finish times; write them as that code will.
    {
        SqliteDb db(dir.file("q.db"));
        const int64_t service_min[] = {10, 2, 4, 6};  // the oldest service took 10 minutes
        for (int i = 0; i < 4; ++i) {
            const int64_t called = to_us(kMorning + hours(1) + minutes(i * 15));
            Statement(
                db,
                "UPDATE tickets SET state='served', called_at_us=?1, served_at_us=?2 WHERE id=?3")
                .bind(1, called)
                .bind(2, called + service_min[i] * 60000000)
                .bind(3, ids[i])
                .run();
        }
    }
    CHECK(*store.mean_service_seconds("ho-tich", 3) ==
          doctest::Approx(240.0));  // last three: 2, 4, 6 min
    CHECK(*store.mean_service_seconds("ho-tich", 20) == doctest::Approx(330.0));
    CHECK_FALSE(store.mean_service_seconds("dat-dai", 20));
}

TEST_CASE("a database from a newer kiosk is refused, not damaged") {
    test::TempDir dir;
    {
        SqliteDb db(dir.file("q.db"));
        db.exec("PRAGMA user_version=99");
    }
    CHECK_THROWS_WITH_AS(TicketStore(dir.file("q.db")), doctest::Contains("newer kiosk"),
                         StoreError);
}

TEST_CASE("an unwritable database path gives a precise error") {
    CHECK_THROWS_WITH_AS(TicketStore("/nonexistent-dir/q.db"),
                         doctest::Contains("/nonexistent-dir/q.db"), StoreError);
}
