// The background drainer, catalogue cache and lookup thread against the real server.
#include <doctest/doctest.h>

#include <cstdlib>
#include <future>
#include <set>
#include <sstream>
#include <thread>

#include "kiosk/core/catalog_cache.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/sqlite_db.h"
#include "kiosk/sync/sync_service.h"
#include "sync_test_util.h"
#include "test_server.h"

using namespace kiosk;
using namespace kiosk::sync;
using namespace std::chrono;

namespace {

SyncOptions options_for(const test::TestServer& server) {
    SyncOptions o;
    o.api = server.client_options();
    o.batch_size = 100;
    o.max_backoff = milliseconds(400);
    o.catalog_refresh_s = 3600;
    o.heartbeat_s = 3600;
    return o;
}

}  // namespace

TEST_CASE("the outbox drains in batches and every event arrives exactly once") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    const auto uuids = test::fill_outbox(db, 1000);
    SystemClock clock;
    SyncService service(options_for(server), db, clock, {});
    service.start();
    REQUIRE(test::wait_for([&] { return Outbox(db).depth() == 0; }));
    service.stop();
    CHECK(server.db().event_count() == 1000);
    CHECK(test::server_uuids(server.db()) == uuids);
    const auto status = service.status();
    CHECK(status.events_acked == 1000);
    CHECK(status.outbox_depth == 0);
    CHECK(status.last_success.has_value());
}

TEST_CASE("server down for a while: events wait, then arrive exactly once") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    server.stop();
    const auto uuids = test::fill_outbox(db, 300);
    SystemClock clock;
    SyncService service(options_for(server), db, clock, {});
    service.start();
    REQUIRE(test::wait_for([&] { return !service.status().last_error.empty(); }));
    CHECK(Outbox(db).depth() == 300);
    CHECK_FALSE(service.status().online);
    server.restart();
    REQUIRE(test::wait_for([&] { return Outbox(db).depth() == 0; }));
    service.stop();
    CHECK(server.db().event_count() == 300);
    CHECK(test::server_uuids(server.db()) == uuids);
}

TEST_CASE("lost replies: the batch is replayed, acknowledged as duplicate, applied once") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    const auto uuids = test::fill_outbox(db, 500);
    dossier::FaultPlan plan;
    plan.drop_count = 3;  // the server stores the batch, then the reply is cut off
    plan.fail_count = 0;
    server.faults().set(plan);
    SystemClock clock;
    SyncService service(options_for(server), db, clock, {});
    service.start();
    REQUIRE(test::wait_for([&] { return Outbox(db).depth() == 0; }));
    service.stop();
    CHECK(server.faults().get().drop_count == 0);
    CHECK(server.db().event_count() == 500);
    CHECK(test::server_uuids(server.db()) == uuids);
}

TEST_CASE("5xx bursts and malformed ack bodies delay the drain but lose nothing") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    const auto uuids = test::fill_outbox(db, 400);
    dossier::FaultPlan plan;
    plan.fail_count = 5;  // first five requests: 503 (consumed before the malformed ones)
    plan.retry_after_s = 0;
    plan.malformed_count = 4;  // then four 200 replies with broken bodies (events stored anyway)
    server.faults().set(plan);
    SystemClock clock;
    SyncService service(options_for(server), db, clock, {});
    service.start();
    REQUIRE(test::wait_for([&] { return Outbox(db).depth() == 0; }));
    service.stop();
    CHECK(server.db().event_count() == 400);
    CHECK(test::server_uuids(server.db()) == uuids);
}

TEST_CASE("an event the server rejects for good is parked with its reason, not resent") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    {
        Outbox outbox(db);
        outbox.append("ticket.teleported", R"({"number":"1001"})", system_clock::now());
        outbox.append("printer.status", R"({"printer":"ready","paper":"low"})",
                      system_clock::now());
    }
    SystemClock clock;
    SyncService service(options_for(server), db, clock, {});
    service.start();
    REQUIRE(test::wait_for([&] { return Outbox(db).depth() == 0; }));
    service.stop();
    CHECK(Outbox(db).rejected_count() == 1);
    CHECK(service.status().rejected_events == 1);
    CHECK(server.db().event_count() == 1);
}

TEST_CASE(
    "catalogue: cached after validation; an invalid one is rejected whole and the last good kept") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    SystemClock clock;
    std::mutex m;
    std::vector<int64_t> versions;
    SyncCallbacks cb;
    cb.on_catalog = [&](const Catalog& c) {
        std::lock_guard lock(m);
        versions.push_back(c.version);
    };
    {
        SyncService service(options_for(server), db, clock, cb);
        service.start();
        REQUIRE(test::wait_for([&] { return service.status().catalog_version == 7; }));

        auto broken = nlohmann::json::parse(server.db().catalog_json());
        broken["version"] = 8;
        broken["procedures"][2]["channels"][0]["fee_vnd"] = -5;  // one bad field spoils it all
        server.db().set_catalog_json(broken.dump());
        service.refresh_catalog();
        REQUIRE(test::wait_for(
            [&] { return service.status().last_error.find("fee_vnd") != std::string::npos; }));
        CHECK(service.status().catalog_version == 7);
        service.stop();
    }
    {
        std::lock_guard lock(m);
        CHECK(versions == std::vector<int64_t>{7});
    }
    CHECK(CatalogCache(db).load()->version == 7);

    // Next start with the server gone: the kiosk serves from the cache.
    server.stop();
    const auto cached = SyncService::load_cached_catalog(db);
    REQUIRE(cached);
    CHECK(cached->version == 7);
    CHECK(cached->office.name == "Trung tâm Phục vụ hành chính công tỉnh Nghệ An");
    CHECK(cached->procedures.size() == 31);  // assets/demo/catalog.json
}

TEST_CASE("lookups run on their own thread and map the server's answers") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    SystemClock clock;
    SyncService service(options_for(server), db, clock, {});
    service.start();
    auto ask = [&](const std::string& code, const std::string& kind = "",
                   const std::string& factor = "") {
        auto promise = std::make_shared<std::promise<LookupResult>>();
        auto future = promise->get_future();
        service.lookup(code, kind, factor,
                       [promise](const LookupResult& r) { promise->set_value(r); });
        REQUIRE(future.wait_for(seconds(30)) == std::future_status::ready);
        return future.get();
    };
    std::string guarded, open;
    for (const auto& c : server.db().dossier_codes())
        (server.db().dossier(c)->requires_factor ? guarded : open) = c;
    CHECK(ask(open).kind == LookupResult::Kind::Found);
    const auto needs = ask(guarded);
    CHECK(needs.kind == LookupResult::Kind::NeedsFactor);
    CHECK(needs.factors.size() == 2);
    CHECK_FALSE(needs.message.empty());
    CHECK(ask(guarded, "lookup_code", "9999").kind == LookupResult::Kind::FactorMismatch);
    const auto found = ask(guarded, "lookup_code", server.db().dossier(guarded)->lookup_code);
    REQUIRE(found.kind == LookupResult::Kind::Found);
    CHECK(found.dossier->status.code >= 1);
    CHECK(ask("000.00.00.H41-260101-9999").kind == LookupResult::Kind::NotFound);
    CHECK(ask("not-a-code").kind == LookupResult::Kind::InvalidCode);
    server.stop();
    CHECK(ask(open).kind == LookupResult::Kind::Unavailable);
    service.stop();
}

TEST_CASE("status reaches the callback: depth, last success, last error") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    test::fill_outbox(db, 10);
    SystemClock clock;
    std::mutex m;
    std::vector<SyncStatus> seen;
    SyncCallbacks cb;
    cb.on_status = [&](const SyncStatus& s) {
        std::lock_guard lock(m);
        seen.push_back(s);
    };
    cb.health = [] {
        KioskHealth h;
        h.paper = "low";
        return h;
    };
    auto o = options_for(server);
    o.heartbeat_s = 1;
    SyncService service(o, db, clock, cb);
    service.start();
    REQUIRE(test::wait_for([&] { return Outbox(db).depth() == 0; }));
    REQUIRE(test::wait_for([&] { return service.status().clock_offset_ms.has_value(); }));
    service.stop();
    std::lock_guard lock(m);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back().outbox_depth == 0);
    CHECK(seen.back().online);
    CHECK(std::llabs(*service.status().clock_offset_ms) < 60000);
    std::ostringstream dump;
    server.db().dump(dump);
    CHECK(dump.str().find("\"paper\":\"low\"") != std::string::npos);
}

TEST_CASE("acknowledged events are deleted after keep_sent; pending ones never are") {
    test::TestServer server;
    const std::string db = server.dir().file("kiosk.db");
    test::fill_outbox(db, 20);
    ManualClock clock{time_point_cast<microseconds>(system_clock::now())};
    auto count_rows = [&] {
        SqliteDb raw(db);
        Statement q(raw, "SELECT COUNT(*) FROM outbox");
        q.step();
        return q.column_int(0);
    };
    {
        SyncService service(options_for(server), db, clock, {});
        service.start();
        REQUIRE(test::wait_for([&] { return Outbox(db).depth() == 0; }));
        service.stop();
    }
    CHECK(count_rows() == 20);  // acknowledged, still kept
    Outbox(db).append("ticket.issued", R"({"number":"1001"})", clock.now());  // a new pending one
    clock.advance(hours(24 * 31));
    auto o = options_for(server);
    o.api.http.base_url = "https://127.0.0.1:9";  // server unreachable: the new event must stay
    SyncService later(o, db, clock, {});
    later.start();
    REQUIRE(test::wait_for([&] { return count_rows() == 1; }));
    later.stop();
    CHECK(Outbox(db).depth() == 1);
}
