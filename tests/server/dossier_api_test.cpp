// The reference server's API logic without sockets: idempotent events, validation, second
// factor and its rate limit, ETags, masking, tokens and fault plans.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "api_fixture.h"
#include "server/fault_plan.h"
#include "server/token_table.h"

using namespace dossier;
using nlohmann::json;

namespace {
struct Fixture : test::ApiFixture {
    Fixture() : ApiFixture("server-test") {}
};

json event(const std::string& id, const std::string& type = "ticket.issued") {
    return {{"id", id},
            {"seq", 1},
            {"type", type},
            {"at", "2026-11-27T09:00:00+07:00"},
            {"payload", {{"n", 1}}}};
}
const std::string kId1 = "7f1c7a9e-3b1e-4c52-9d51-0c1f6b2a4e10";
const std::string kId2 = "0b6d0d1e-3b1e-4c52-9d51-0c1f6b2a4e11";
}  // namespace

TEST_CASE(
    "events: stored once, replays acknowledged as duplicate, bad ones rejected with a reason") {
    Fixture f;
    const json batch = {
        {"kiosk_id", "k1"},
        {"events", {event(kId1), event(kId2, "ticket.teleported"), event("NOT-A-UUID")}}};
    auto r = f.api.post_events("k1", batch.dump());
    REQUIRE(r.status == 200);
    auto acks = json::parse(r.body)["acks"];
    CHECK(acks[0]["result"] == "stored");
    CHECK(acks[1]["result"] == "rejected");
    CHECK(acks[1]["reason"].get<std::string>().find("teleported") != std::string::npos);
    CHECK(acks[2]["result"] == "rejected");
    r = f.api.post_events("k1", batch.dump());
    acks = json::parse(r.body)["acks"];
    CHECK(acks[0]["result"] == "duplicate");
    CHECK(f.db.event_count() == 1);
    CHECK(f.api.post_events("k2", batch.dump()).status == 400);  // kiosk id must match the token
    CHECK(f.api.post_events("k1", "{\"events\": []}").status == 400);
    CHECK(f.api.post_events("k1", "not json").status == 400);
}

TEST_CASE("catalogue ETag: 304 on a match, 200 with the body otherwise") {
    Fixture f;
    const auto first = f.api.catalog("");
    REQUIRE(first.status == 200);
    const std::string etag = first.headers.at(0).second;
    CHECK(etag.front() == '"');
    CHECK(f.api.catalog(etag).status == 304);
    CHECK(f.api.catalog(etag).body.empty());
    f.db.set_catalog_json(R"({"version":8})");
    CHECK(f.api.catalog(etag).status == 200);
}

TEST_CASE("second factor: required, checked, and rate limited after five wrong answers") {
    Fixture f;
    std::string code;
    for (const auto& c : f.db.dossier_codes())
        if (f.db.dossier(c)->requires_factor) code = c;
    const auto rec = *f.db.dossier(code);
    CHECK(json::parse(f.api.dossier(code, "", "").body)["error"]["code"] ==
          "second_factor_required");
    const auto ok = f.api.dossier(code, "lookup_code", rec.lookup_code);
    REQUIRE(ok.status == 200);
    const auto body = json::parse(ok.body);
    CHECK(body["owner_masked"] == mask_name(rec.owner_name));
    CHECK(ok.body.find(rec.id_number) == std::string::npos);
    CHECK(ok.body.find(rec.owner_name) == std::string::npos);
    for (int i = 0; i < 5; ++i)
        CHECK(f.api.dossier(code, "id_number", "000").status == 403);
    const auto limited = f.api.dossier(code, "id_number", rec.id_number);
    CHECK(limited.status == 429);
    f.clock.advance(std::chrono::minutes(16));
    CHECK(f.api.dossier(code, "id_number", rec.id_number).status == 200);
    CHECK(f.api.dossier("bad code", "", "").status == 400);
    CHECK(f.api.dossier("000.00.00.H41-260101-9999", "", "").status == 404);
}

TEST_CASE("demo data: dossiers in every national status 1-10") {
    Fixture f;
    std::set<int> statuses;
    for (const auto& c : f.db.dossier_codes())
        statuses.insert(json::parse(f.db.dossier(c)->public_json)["status"]["code"].get<int>());
    CHECK(statuses == std::set<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("names are masked to initials") {
    CHECK(mask_name("Nguyễn Văn An") == "N. V. A**");
    CHECK(mask_name("Đặng Quốc Bảo") == "Đ. Q. B**");
    CHECK(mask_name("  Lan ") == "L**");
}

TEST_CASE("token table: parse errors name the line; lookups need the exact bearer token") {
    const auto t = TokenTable::parse(
        "# kiosks\nk1 aaaaaaaaaaaaaaaa1\nk2 bbbbbbbbbbbbbbbb2 # lobby\n", "tokens");
    CHECK(t.kiosk_for("Bearer aaaaaaaaaaaaaaaa1") == "k1");
    CHECK(t.kiosk_for("Bearer bbbbbbbbbbbbbbbb2") == "k2");
    CHECK_FALSE(t.kiosk_for("Bearer aaaaaaaaaaaaaaaa"));
    CHECK_FALSE(t.kiosk_for("aaaaaaaaaaaaaaaa1"));
    CHECK_THROWS_WITH(TokenTable::parse("k1 short\n", "tokens"), doctest::Contains("tokens:1"));
    CHECK_THROWS_WITH(TokenTable::parse("k1 aaaaaaaaaaaaaaaa1 extra\n", "tokens"),
                      doctest::Contains("tokens:1"));
}

TEST_CASE("fault plans: counted faults are consumed in order; unknown keys refused") {
    FaultInjector f;
    f.set(fault_plan_from_json(json{{"fail_count", 1}, {"drop_count", 1}, {"malformed_count", 2}}));
    CHECK(f.next().fail_status == 503);
    CHECK(f.next().drop);
    CHECK(f.next().malformed_kind == 0);
    CHECK(f.next().malformed_kind == 1);
    const auto calm = f.next();
    CHECK(calm.fail_status == 0);
    CHECK_FALSE(calm.drop);
    CHECK(calm.malformed_kind == -1);
    CHECK_THROWS(fault_plan_from_json(json{{"explode", 1}}));
    CHECK_THROWS(fault_plan_from_json(json{{"fail_status", 404}}));
}
