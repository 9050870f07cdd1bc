// The reference server's check of `rating.submitted` payloads (docs/sync-api.md §4): the kiosk's
// own payload is stored; each broken field is rejected with a reason naming it.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"

using namespace dossier;
using nlohmann::json;

namespace {

struct Fixture : test::ApiFixture {
    Fixture() : ApiFixture("rating-server-test") {}

    // The ack for one rating event carrying `payload`.
    json post(const json& payload, const std::string& id) {
        const json batch = {{"kiosk_id", "k1"},
                            {"events",
                             {{{"id", id},
                               {"seq", 7},
                               {"type", "rating.submitted"},
                               {"at", "2026-11-27T09:12:00+07:00"},
                               {"payload", payload}}}}};
        const ApiReply r = api.post_events("k1", batch.dump());
        REQUIRE(r.status == 200);
        return json::parse(r.body)["acks"][0];
    }
};

// What RatingStore writes (kiosk/core/rating_store.cpp).
json good_payload() {
    return {{"target", "ticket"},
            {"ticket_id", 12},
            {"business_date", "2026-11-27"},
            {"number", "1001"},
            {"service_id", "ho-tich"},
            {"counter", 2},
            {"level", 2},
            {"level_code", "KHL"},
            {"reason", "long_wait"},
            {"comment", "Chờ hơi lâu"},
            {"source", "kiosk"},
            {"served_at", "2026-11-27T09:06:00+07:00"},
            {"at", "2026-11-27T09:12:00+07:00"}};
}

std::string uuid(int i) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "7f1c7a9e-3b1e-4c52-9d51-%012d", i);
    return buf;
}

}  // namespace

TEST_CASE("a rating.submitted payload as the kiosk writes it is stored once") {
    Fixture f;
    CHECK(f.post(good_payload(), uuid(1))["result"] == "stored");
    CHECK(f.post(good_payload(), uuid(1))["result"] == "duplicate");
    json minimal = good_payload();  // reason and comment are optional
    minimal.erase("reason");
    minimal.erase("comment");
    minimal["level"] = 5;
    minimal["level_code"] = "RHL";
    CHECK(f.post(minimal, uuid(2))["result"] == "stored");
    CHECK(f.db.event_count() == 2);
}

TEST_CASE("each broken rating field is rejected, naming the field") {
    Fixture f;
    struct Case {
        const char* field;
        json value;  // null = remove the field
    };
    const std::vector<Case> cases = {
        {"target", "dossier"},
        {"ticket_id", 0},
        {"ticket_id", "12"},
        {"business_date", "27/11/2026"},
        {"number", "10 01"},
        {"number", nullptr},
        {"service_id", ""},
        {"counter", 0},
        {"counter", 1000},
        {"level", 6},
        {"level", 2.5},
        {"level_code", "RHL"},
        {"reason", "rude"},
        {"comment", std::string(501, 'a')},
        {"comment", "Ch\x6f\xcc\x9b\xcc\x80 l\xc3\xa2u"},  // NFD "Chờ lâu"
        {"source", "web"},
        {"served_at", "09:06"},
        {"at", nullptr},
    };
    int i = 10;
    for (const Case& c : cases) {
        json p = good_payload();
        if (c.value.is_null())
            p.erase(c.field);
        else
            p[c.field] = c.value;
        const json ack = f.post(p, uuid(i++));
        INFO(c.field << " = " << c.value.dump());
        CHECK(ack["result"] == "rejected");
        CHECK(ack["reason"].get<std::string>().find(c.field) != std::string::npos);
    }
    json high_with_reason = good_payload();  // a reason only with levels 1-2
    high_with_reason["level"] = 4;
    high_with_reason["level_code"] = "HL";
    const json ack = f.post(high_with_reason, uuid(99));
    CHECK(ack["result"] == "rejected");
    CHECK(ack["reason"].get<std::string>().find("level 1 or 2") != std::string::npos);
    CHECK(f.db.event_count() == 0);
}
