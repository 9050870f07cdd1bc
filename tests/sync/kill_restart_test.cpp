// The kiosk process dies (SIGKILL) while batches are in flight; after a restart every event
// reaches the server exactly once.
#include <doctest/doctest.h>

#include "kiosk/core/outbox.h"
#include "sync_test_util.h"
#include "test_server.h"

using namespace kiosk;

TEST_CASE("kill -9 mid-batch, twice: after restart every event arrives exactly once") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.latency_ms =
        15;  // keeps a request in flight most of the time, so the kill lands mid-batch
    server.faults().set(plan);
    const std::string db = server.dir().file("kiosk.db");
    const auto uuids = test::fill_outbox(db, 3000);
    const std::vector<std::string> argv = {
        std::string(KIOSK_BINARY_DIR) + "/bin/tests/sync_drain_driver",
        db,
        server.base_url(),
        server.certs().ca_file,
        server.token_file(),
        test::kTestKioskId,
        "40"};
    for (int64_t threshold : {600, 1800}) {
        const int pid = test::spawn(argv);
        REQUIRE(test::wait_for([&] { return server.db().event_count() >= threshold; }));
        test::kill9_and_reap(pid);
        const int64_t at_kill = server.db().event_count();
        CAPTURE(at_kill);
        WARN_MESSAGE(at_kill < 3000, "the driver finished before it was killed");
    }
    const int pid = test::spawn(argv);
    CHECK(test::wait_exit(pid) == 0);
    CHECK(Outbox(db).depth() == 0);
    CHECK(server.db().event_count() == 3000);
    CHECK(test::server_uuids(server.db()) == uuids);
}
