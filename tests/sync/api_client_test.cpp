// Retries, Retry-After, timeouts, dropped connections and malformed bodies against the real
// server's fault injector. No timing assertions: attempts and outcomes only.
#include <doctest/doctest.h>

#include "kiosk/sync/retry_policy.h"
#include "test_server.h"

using namespace kiosk;
using namespace kiosk::sync;
using namespace std::chrono;

TEST_CASE("5xx replies are retried until the server answers") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.fail_count = 2;
    server.faults().set(plan);
    ApiClient client(server.client_options());
    const auto r = client.get_time();
    REQUIRE_MESSAGE(r.ok(), r.detail);
    CHECK(r.attempts == 3);
}

TEST_CASE("after max_attempts 5xx the call fails as unavailable, with the server's error code") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.fail_count = 10;
    server.faults().set(plan);
    ApiClient client(server.client_options());
    const auto r = client.get_time();
    CHECK(r.failure == CallFailure::Unavailable);
    CHECK(r.http_status == 503);
    CHECK(r.error.code == "unavailable");
    CHECK(r.attempts == 3);
}

TEST_CASE("Retry-After is read, and a wait longer than the cap is left to the caller") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.fail_count = 1;
    plan.retry_after_s = 3600;
    server.faults().set(plan);
    ApiClient client(server.client_options());  // cap 2 s
    const auto r = client.get_time();
    CHECK(r.failure == CallFailure::Unavailable);
    REQUIRE(r.retry_after);
    CHECK(*r.retry_after == hours(1));
    CHECK(r.attempts == 1);
}

TEST_CASE("Retry-After within the cap is waited out and the call succeeds") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.fail_count = 1;
    plan.retry_after_s = 1;
    server.faults().set(plan);
    std::vector<milliseconds> waits;
    ApiClient client(server.client_options(), nullptr, [&](milliseconds d) {
        waits.push_back(d);
        return true;  // no real sleep needed to check the decision
    });
    const auto r = client.get_time();
    REQUIRE(r.ok());
    REQUIRE(waits.size() == 1);
    CHECK(waits[0] >= seconds(1));
}

TEST_CASE("a request that times out is retried") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.slow_count = 1;
    plan.slow_ms = 3000;
    server.faults().set(plan);
    auto o = server.client_options();
    o.http.total_timeout_ms = 700;
    ApiClient client(o);
    const auto r = client.get_time();
    REQUIRE_MESSAGE(r.ok(), r.detail);
    CHECK(r.attempts == 2);
}

TEST_CASE("a connection dropped mid-reply is retried") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.drop_count = 1;
    server.faults().set(plan);
    ApiClient client(server.client_options());
    const auto r = client.get_time();
    REQUIRE_MESSAGE(r.ok(), r.detail);
    CHECK(r.attempts == 2);
}

TEST_CASE("a slow drip past the total timeout fails cleanly") {
    test::TestServer server;
    dossier::FaultPlan plan;
    plan.drip_count = 10;
    plan.drip_ms = 200;
    server.faults().set(plan);
    auto o = server.client_options();
    o.http.total_timeout_ms = 600;
    o.retry.max_attempts = 2;
    ApiClient client(o);
    const auto r = client.get_catalog("");
    CHECK(r.failure == CallFailure::Unavailable);
    CHECK(r.detail.find("timed out") != std::string::npos);
}

TEST_CASE("every kind of malformed body fails as Malformed, never crashes") {
    test::TestServer server;
    auto o = server.client_options();
    o.retry.max_attempts = 1;
    ApiClient client(o);
    for (int kind = 0; kind < dossier::kMalformedKinds; ++kind) {
        CAPTURE(kind);
        dossier::FaultPlan plan;
        plan.malformed_count = 3;
        server.faults().set(plan);
        // Three calls consume kinds in turn; cycle the injector so each call type sees each kind.
        const auto t = client.get_time();
        const auto c = client.get_catalog("");
        const auto d =
            client.get_dossier(server.db().dossier_codes().front(), "lookup_code", "0000");
        CHECK_FALSE(t.ok());
        CHECK_FALSE(c.ok());
        CHECK_FALSE(d.ok());
        CHECK(t.failure == CallFailure::Malformed);
        CHECK(c.failure == CallFailure::Malformed);
        CHECK(d.failure == CallFailure::Malformed);
    }
    CHECK(client.get_time().ok());  // and the connection is still usable afterwards
}

TEST_CASE("4xx replies are not retried; 401 without a valid token") {
    test::TestServer server;
    auto o = server.client_options();
    o.token = "wrong-token-wrong-token";
    ApiClient client(o);
    const auto r = client.get_time();
    CHECK(r.failure == CallFailure::Rejected);
    CHECK(r.http_status == 401);
    CHECK(r.error.code == "unauthorized");
    CHECK(r.attempts == 1);
}

TEST_CASE("catalogue: ETag revalidation answers 304 without a body") {
    test::TestServer server;
    ApiClient client(server.client_options());
    const auto first = client.get_catalog("");
    REQUIRE_MESSAGE(first.ok(), first.detail);
    REQUIRE(first.value->catalog);
    CHECK(first.value->catalog->office.agency_code == "000.00.00.H41");
    CHECK(first.value->etag.size() == 66);
    const auto again = client.get_catalog(first.value->etag);
    REQUIRE(again.ok());
    CHECK(again.value->not_modified);
    CHECK(again.value->body.empty());
}

TEST_CASE(
    "dossier lookup: second factor asked for, mismatch refused, then found with masked owner") {
    test::TestServer server;
    ApiClient client(server.client_options());
    const auto codes = server.db().dossier_codes();
    std::string guarded;
    for (const auto& c : codes)
        if (server.db().dossier(c)->requires_factor) guarded = c;
    REQUIRE_FALSE(guarded.empty());
    const auto record = *server.db().dossier(guarded);

    const auto ask = client.get_dossier(guarded);
    CHECK(ask.failure == CallFailure::Rejected);
    CHECK(ask.error.code == "second_factor_required");
    CHECK(ask.error.factors == std::vector<std::string>{"id_number", "lookup_code"});
    const auto wrong = client.get_dossier(guarded, "id_number", "000000000000");
    CHECK(wrong.error.code == "second_factor_mismatch");
    const auto found = client.get_dossier(guarded, "id_number", record.id_number);
    REQUIRE_MESSAGE(found.ok(), found.detail);
    CHECK(found.value->code == guarded);
    CHECK(found.value->owner_masked.find(record.owner_name) == std::string::npos);
    CHECK(found.value->owner_masked.find("**") != std::string::npos);
    const auto missing = client.get_dossier("000.00.00.H41-260101-9999");
    CHECK(missing.http_status == 404);
    CHECK(missing.error.code == "dossier_not_found");
    CHECK(client.get_dossier("000.00.00.H41-260101-0001\r\nX: y").failure == CallFailure::Rejected);
    CHECK(client.get_dossier(guarded, "id_number", "1\r\nInjected: yes").failure ==
          CallFailure::Rejected);
}

TEST_CASE("backoff grows exponentially within jitter bounds and respects the cap") {
    std::mt19937_64 rng(7);
    const RetryPolicy p{5, milliseconds(100), milliseconds(1000)};
    for (int i = 0; i < 50; ++i) {
        const auto d1 = backoff_delay(p, 1, rng), d3 = backoff_delay(p, 3, rng),
                   d9 = backoff_delay(p, 9, rng);
        CHECK(d1 >= milliseconds(50));
        CHECK(d1 <= milliseconds(100));
        CHECK(d3 >= milliseconds(200));
        CHECK(d3 <= milliseconds(400));
        CHECK(d9 >= milliseconds(500));
        CHECK(d9 <= milliseconds(1000));
    }
}

TEST_CASE("Retry-After: seconds, HTTP dates, garbage") {
    const TimePoint now = sys_days{2026y / 11 / 27} + 1h;
    CHECK(parse_retry_after("5", now) == seconds(5));
    CHECK(parse_retry_after("99999999", now) == hours(1));
    CHECK(parse_retry_after("Fri, 27 Nov 2026 01:00:30 GMT", now) == seconds(30));
    CHECK(parse_retry_after("Fri, 27 Nov 2026 00:00:00 GMT", now) == milliseconds(0));
    CHECK_FALSE(parse_retry_after("", now));
    CHECK_FALSE(parse_retry_after("soon", now));
    CHECK_FALSE(parse_retry_after("-5", now));
}
