#include <doctest/doctest.h>

#include "kiosk/core/catalog_cache.h"
#include "kiosk/core/config.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/store_schema.h"
#include "kiosk/core/ticket_store.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace std::chrono;

namespace {
const TimePoint kMorning = sys_days{2026y / 11 / 27} + 1h;
}

TEST_CASE("a schema-1 store is upgraded in place, keeping its tickets and pending events") {
    test::TempDir dir;
    const std::string path = dir.file("q.db");
    {
        SqliteDb db(path);
        db.exec(R"SQL(
CREATE TABLE outbox(seq INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
  payload TEXT NOT NULL, created_at_us INTEGER NOT NULL, sent_at_us INTEGER);
INSERT INTO outbox(uuid, type, payload, created_at_us) VALUES('u-1', 'ticket.issued', '{}', 1);
PRAGMA user_version=1;)SQL");
    }
    Outbox outbox(path);
    CHECK(outbox.depth() == 1);
    CHECK(outbox.pending(10).at(0).uuid == "u-1");
    SqliteDb db(path);
    Statement v(db, "PRAGMA user_version");
    v.step();
    CHECK(v.column_int(0) == kStoreSchemaVersion);
    TicketStore store(path);  // opens the upgraded file without complaint
    CHECK(outbox.depth() == 1);
}

TEST_CASE("a store from a newer kiosk is refused with both versions named") {
    test::TempDir dir;
    {
        SqliteDb db(dir.file("q.db"));
        db.exec("PRAGMA user_version=99");
    }
    CHECK_THROWS_WITH_AS(Outbox(dir.file("q.db")), doctest::Contains("schema 99"), StoreError);
}

TEST_CASE("outbox: ordered pending, acks applied once, rejected events parked with their reason") {
    test::TempDir dir;
    Outbox outbox(dir.file("q.db"));
    const auto a = outbox.append("printer.status", R"({"paper":"low"})", kMorning);
    const auto b = outbox.append("ticket.called", R"({"number":"1001"})", kMorning + 1s);
    const auto c = outbox.append("ticket.teleported", "{}", kMorning + 2s);
    CHECK(a != b);
    const auto pending = outbox.pending(2);
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].uuid == a);
    CHECK(pending[1].uuid == b);
    CHECK(pending[0].created_at == kMorning);

    CHECK(outbox.mark_done({{a, false, ""}, {c, true, "unknown type"}}, kMorning + 5s) == 2);
    CHECK(outbox.mark_done({{a, false, ""}, {"no-such-id", false, ""}}, kMorning + 6s) ==
          0);  // replayed ack
    CHECK(outbox.depth() == 1);
    CHECK(outbox.rejected_count() == 1);
    CHECK(outbox.pending(10).at(0).uuid == b);

    CHECK(outbox.prune_sent(kMorning + 1h) == 1);  // the acknowledged one; the rejected one stays
    CHECK(outbox.rejected_count() == 1);
}

TEST_CASE("ticket events and outbox readers share the file: issued tickets appear in the outbox") {
    test::TempDir dir;
    ServiceConfig s;
    s.id = "ho-tich";
    s.prefix = "1";
    s.counters = {1};
    TicketStore store(dir.file("q.db"));
    Outbox outbox(dir.file("q.db"));
    const auto t = store.reserve({&s, false, kMorning}).reservation->ticket;
    store.mark_printing(t.id);
    store.mark_issued(t.id, kMorning);
    REQUIRE(outbox.depth() == 1);
    const auto e = outbox.pending(1).at(0);
    CHECK(e.type == "ticket.issued");
    CHECK(e.payload.find("\"number\":\"1001\"") != std::string::npos);
    outbox.mark_done({{e.uuid, false, ""}}, kMorning);
    CHECK(outbox.depth() == 0);
}

TEST_CASE("catalogue cache keeps one body with its ETag and check time") {
    test::TempDir dir;
    CatalogCache cache(dir.file("q.db"));
    CHECK_FALSE(cache.load());
    cache.store({"\"abc\"", R"({"version":3})", 3, kMorning, kMorning});
    cache.store({"\"def\"", R"({"version":4})", 4, kMorning + 1h, kMorning + 1h});
    cache.mark_checked(kMorning + 2h);
    const auto c = CatalogCache(dir.file("q.db")).load();
    REQUIRE(c);
    CHECK(c->etag == "\"def\"");
    CHECK(c->version == 4);
    CHECK(c->fetched_at == kMorning + 1h);
    CHECK(c->checked_at == kMorning + 2h);
}
