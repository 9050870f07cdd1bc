// RatingStore (issue 4, rating.submitted): who may rate, one rating per ticket, the rating and
// its outbox event in one transaction, and the upgrade of a schema-3 file. Real SQLite files.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kiosk/core/call_queue.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/rating_store.h"
#include "kiosk/core/store_schema.h"
#include "kiosk/core/ticket_store.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace std::chrono;

namespace {

const TimePoint kMorning = sys_days{2026y / 11 / 27} + 2h;  // 09:00 local
const std::string kToday = "2026-11-27";

struct Fixture {
    test::TempDir dir;
    std::string path = dir.file("queue.db");
    KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    TicketStore tickets{path};
    CallQueue queue{path, config, CallQueueOptions{.max_no_shows = 0}};
    RatingStore ratings{path};
    TimePoint now = kMorning;

    // Issues the next number of a field ("ho-tich" is served at counters 1 and 2).
    Ticket issue(const std::string& service = "ho-tich") {
        auto r = tickets.reserve({config.find_service(service), false, now});
        REQUIRE(r.reservation);
        tickets.mark_printing(r.reservation->ticket.id);
        tickets.mark_issued(r.reservation->ticket.id, now);
        return *tickets.ticket(r.reservation->ticket.id);
    }
    // Issues a ticket and has counter `counter` call and finish it.
    Ticket serve(int counter = 2) {
        Ticket t = issue();
        now += 1min;
        REQUIRE(queue.call_next(counter, now).ok());
        now += 5min;
        REQUIRE(queue.finish(counter, now).ok());
        return t;
    }
    std::vector<OutboxEvent> rating_events() {
        std::vector<OutboxEvent> out;
        for (OutboxEvent& e : Outbox(path).pending(1000))
            if (e.type == "rating.submitted") out.push_back(std::move(e));
        return out;
    }
    int64_t rating_rows() {
        SqliteDb db(path);
        Statement q(db, "SELECT COUNT(*) FROM ratings");
        q.step();
        return q.column_int(0);
    }
    RatingInput input(const std::string& number, int level,
                      RatingReason reason = RatingReason::None) {
        RatingInput in;
        in.business_date = kToday;
        in.number = number;
        in.level = level;
        in.reason = reason;
        return in;
    }
};

}  // namespace

TEST_CASE("a ticket served by a counter today can be rated once; the event carries the rating") {
    Fixture f;
    const Ticket t = f.serve(2);
    const RatingCheck c = f.ratings.check(kToday, t.number, f.now);
    REQUIRE(c.ok());
    CHECK(c.ticket->number == "1001");
    CHECK(c.ticket->service_id == "ho-tich");
    CHECK(c.ticket->counter == 2);

    f.now += 1min;
    const RatingResult r = f.ratings.submit(f.input("1001", 5), f.now);
    REQUIRE(r.ok());
    const auto events = f.rating_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].uuid == r.event_uuid);
    const auto p = nlohmann::json::parse(events[0].payload);
    CHECK(p["target"] == "ticket");
    CHECK(p["ticket_id"] == t.id);
    CHECK(p["business_date"] == kToday);
    CHECK(p["number"] == "1001");
    CHECK(p["service_id"] == "ho-tich");
    CHECK(p["counter"] == 2);
    CHECK(p["level"] == 5);
    CHECK(p["level_code"] == "RHL");
    CHECK(p["source"] == "kiosk");
    CHECK(p["at"] == "2026-11-27T09:07:00+07:00");
    CHECK(p["served_at"] == "2026-11-27T09:06:00+07:00");
    CHECK_FALSE(p.contains("reason"));
    CHECK_FALSE(p.contains("comment"));
    CHECK(f.ratings.counts_of_day(kToday) == std::map<int, int>{{5, 1}});

    // Once only: the check and a second submit both say so, and nothing more is written.
    CHECK(f.ratings.check(kToday, "1001", f.now).refusal == RatingRefusal::AlreadyRated);
    const RatingResult again = f.ratings.submit(f.input("1001", 1), f.now);
    CHECK(again.refusal == RatingRefusal::AlreadyRated);
    CHECK(again.event_uuid.empty());
    CHECK(f.rating_events().size() == 1);
    CHECK(f.rating_rows() == 1);
}

TEST_CASE("each refusal has its own reason") {
    Fixture f;
    SUBCASE("no such number today") {
        CHECK(f.ratings.check(kToday, "1099", f.now).refusal == RatingRefusal::NotFound);
    }
    SUBCASE("still waiting") {
        f.issue();
        CHECK(f.ratings.check(kToday, "1001", f.now).refusal == RatingRefusal::NotServedYet);
    }
    SUBCASE("at the counter now") {
        f.issue();
        REQUIRE(f.queue.call_next(1, f.now).ok());
        CHECK(f.ratings.check(kToday, "1001", f.now).refusal == RatingRefusal::NotServedYet);
    }
    SUBCASE("set aside by the counter") {
        f.issue();
        REQUIRE(f.queue.call_next(1, f.now).ok());
        REQUIRE(f.queue.hold(1, f.now).ok());
        CHECK(f.ratings.check(kToday, "1001", f.now).refusal == RatingRefusal::NotServedYet);
    }
    SUBCASE("voided") {
        auto r = f.tickets.reserve({f.config.find_service("ho-tich"), false, f.now});
        f.tickets.mark_void(r.reservation->ticket.id, "printer offline", f.now);
        CHECK(f.ratings.check(kToday, "1001", f.now).refusal == RatingRefusal::Voided);
    }
    SUBCASE("missed its call and was dropped") {
        f.issue();
        REQUIRE(f.queue.call_next(1, f.now).ok());
        const auto r = f.queue.no_show(1, f.now);
        REQUIRE(r.dropped);
        CHECK(f.ratings.check(kToday, "1001", f.now).refusal == RatingRefusal::NoShow);
    }
    SUBCASE("a ticket of another day, and yesterday's service rated today") {
        f.serve();
        CHECK(f.ratings.check("2026-11-26", "1001", f.now).refusal == RatingRefusal::OtherDay);
        const TimePoint tomorrow = f.now + 24h;
        CHECK(f.ratings.check(kToday, "1001", tomorrow).refusal == RatingRefusal::OtherDay);
        CHECK(f.ratings.submit(f.input("1001", 4), tomorrow).refusal == RatingRefusal::OtherDay);
    }
    CHECK(f.rating_events().empty());
    CHECK(f.rating_rows() == 0);
}

TEST_CASE("a reason is kept only for the two low levels; bad input writes nothing") {
    Fixture f;
    f.serve();
    f.serve(1);
    CHECK_THROWS_AS(f.ratings.submit(f.input("1001", 0), f.now), std::invalid_argument);
    CHECK_THROWS_AS(f.ratings.submit(f.input("1001", 6), f.now), std::invalid_argument);
    CHECK_THROWS_AS(f.ratings.submit(f.input("1001", 4, RatingReason::LongWait), f.now),
                    std::invalid_argument);
    RatingInput nfd = f.input("1001", 3);
    nfd.comment = "Nhanh cho\xcc\x81ng";  // "chóng" with a combining acute: NFD
    CHECK_THROWS_AS(f.ratings.submit(nfd, f.now), std::invalid_argument);
    RatingInput long_comment = f.input("1001", 3);
    long_comment.comment = std::string(501, 'a');
    CHECK_THROWS_AS(f.ratings.submit(long_comment, f.now), std::invalid_argument);
    CHECK(f.rating_rows() == 0);

    REQUIRE(f.ratings.submit(f.input("1001", 2, RatingReason::LongWait), f.now).ok());
    RatingInput with_comment = f.input("1002", 1, RatingReason::StaffAttitude);
    with_comment.comment = "Cán bộ không giải thích";
    with_comment.source = "lan";
    REQUIRE(f.ratings.submit(with_comment, f.now).ok());
    const auto events = f.rating_events();
    REQUIRE(events.size() == 2);
    const auto p1 = nlohmann::json::parse(events[0].payload);
    CHECK(p1["level_code"] == "KHL");
    CHECK(p1["reason"] == "long_wait");
    const auto p2 = nlohmann::json::parse(events[1].payload);
    CHECK(p2["level_code"] == "RKHL");
    CHECK(p2["reason"] == "staff_attitude");
    CHECK(p2["comment"] == "Cán bộ không giải thích");
    CHECK(p2["source"] == "lan");
    CHECK(p2["counter"] == 1);
}

TEST_CASE("the schema keeps one rating per ticket and levels 1-5, whoever writes") {
    Fixture f;
    const Ticket t = f.serve();
    REQUIRE(f.ratings.submit(f.input("1001", 4), f.now).ok());
    SqliteDb db(f.path);
    auto insert = [&](int64_t ticket_id, int level, const std::string& reason) {
        Statement(db,
                  "INSERT INTO ratings(ticket_id, business_date, number, service_id, counter, "
                  "level, reason, source, rated_at_us, event_uuid) "
                  "VALUES(?1, '2026-11-27', 'x', 'ho-tich', 1, ?2, ?3, 'kiosk', 0, 'u')")
            .bind(1, ticket_id)
            .bind(2, int64_t{level})
            .bind(3, reason)
            .run();
    };
    CHECK_THROWS_AS(insert(t.id, 3, ""), StoreError);                 // UNIQUE(ticket_id)
    CHECK_THROWS_AS(insert(t.id + 100, 7, ""), StoreError);           // level 1–5
    CHECK_THROWS_AS(insert(t.id + 100, 4, "long_wait"), StoreError);  // reason only for 1–2
    CHECK_THROWS_AS(insert(t.id + 100, 1, "rude"), StoreError);       // known reason words only
}

TEST_CASE("rating and event commit together: a failure after the event leaves neither") {
    Fixture f;
    f.serve();
    {  // Makes the ratings insert fail after the outbox row was written in the same transaction.
        SqliteDb db(f.path);
        db.exec(
            "CREATE TRIGGER fail_rating BEFORE INSERT ON ratings "
            "BEGIN SELECT RAISE(ABORT, 'disk trouble (test)'); END;");
    }
    CHECK_THROWS_AS(f.ratings.submit(f.input("1001", 5), f.now), StoreError);
    CHECK(f.rating_events().empty());
    CHECK(f.rating_rows() == 0);
    CHECK(Outbox(f.path).depth() > 0);  // the ticket's own events are still there
    {
        SqliteDb db(f.path);
        db.exec("DROP TRIGGER fail_rating");
    }
    // Nothing half-done blocks the retry.
    REQUIRE(f.ratings.check(kToday, "1001", f.now).ok());
    REQUIRE(f.ratings.submit(f.input("1001", 5), f.now).ok());
    CHECK(f.rating_events().size() == 1);
    CHECK(f.rating_rows() == 1);
}

TEST_CASE("a schema-3 file is upgraded to 4 keeping its served tickets, which can be rated") {
    test::TempDir dir;
    const std::string path = dir.file("q.db");
    const KioskConfig config = *parse_config(embedded_demo_config(), "<embedded>").config;
    {  // A v3 file: today's schema without the ratings table, user_version 3.
        TicketStore tickets(path);
        auto r = tickets.reserve({config.find_service("dat-dai"), false, kMorning});
        tickets.mark_printing(r.reservation->ticket.id);
        tickets.mark_issued(r.reservation->ticket.id, kMorning);
        CallQueue q(path, config, {});
        REQUIRE(q.call_next(4, kMorning + 1min).ok());
        REQUIRE(q.finish(4, kMorning + 9min).ok());
        SqliteDb db(path);
        db.exec("DROP INDEX ratings_by_day; DROP TABLE ratings; PRAGMA user_version=3;");
    }
    {
        SqliteDb db(path);
        Statement t(db, "SELECT COUNT(*) FROM sqlite_master WHERE name='ratings'");
        t.step();
        REQUIRE(t.column_int(0) == 0);
    }
    RatingStore ratings(path);
    const RatingCheck c = ratings.check(kToday, "3001", kMorning + 10min);
    REQUIRE(c.ok());
    CHECK(c.ticket->counter == 4);
    RatingInput in;
    in.business_date = kToday;
    in.number = "3001";
    in.level = 3;
    REQUIRE(ratings.submit(in, kMorning + 10min).ok());
    SqliteDb db(path);
    Statement v(db, "PRAGMA user_version");
    v.step();
    CHECK(v.column_int(0) == 4);
    Statement rows(db, "SELECT level, counter, service_id FROM ratings");
    REQUIRE(rows.step());
    CHECK(rows.column_int(0) == 3);
    CHECK(rows.column_int(1) == 4);
    CHECK(rows.column_text(2) == "dat-dai");
}

TEST_CASE("level codes and reason words round-trip") {
    CHECK(std::string(rating_level_code(1)) == "RKHL");
    CHECK(std::string(rating_level_code(3)) == "BT");
    CHECK(std::string(rating_level_code(5)) == "RHL");
    CHECK(std::string(rating_level_code(0)).empty());
    for (auto r : {RatingReason::LongWait, RatingReason::StaffAttitude,
                   RatingReason::UnclearGuidance, RatingReason::ComplexProcedure})
        CHECK(rating_reason_from_string(to_string(r)) == r);
    CHECK_FALSE(rating_reason_from_string("rude").has_value());
    CHECK(std::string(to_string(RatingRefusal::AlreadyRated)) == "already_rated");
}
