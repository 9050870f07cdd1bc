// POST /lan/v1/ratings over real loopback HTTP: a tablet with a kiosk token rates a ticket the
// counter finished; refusals and bad bodies come back with their codes; the rating lands in the
// same outbox as the kiosk screen's, with source "lan".
#include <doctest/doctest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "hub/hub_fixture.h"
#include "kiosk/core/outbox.h"

using namespace kiosk;
using nlohmann::json;

namespace {

httplib::Result post_rating(const test::HubFixture& f, const json& body,
                            const std::string& token = test::HubFixture::kiosk_token()) {
    httplib::Client c(f.url());
    httplib::Headers h;
    h.emplace("Authorization", "Bearer " + token);
    return c.Post("/lan/v1/ratings", h, body.dump(), "application/json");
}

std::string error_code(const httplib::Result& r) {
    auto j = json::parse(r->body, nullptr, false);
    if (j.is_discarded() || !j.contains("error")) return "<no error body: " + r->body + ">";
    return j["error"]["code"].get<std::string>();
}

}  // namespace

TEST_CASE("LAN ratings: served ticket rated once, refusals with codes, event source lan") {
    test::HubFixture f(2);
    f.start();
    const auto numbers = f.bulk_issue("a", 2);
    hub::HubClient counter(f.client(test::HubFixture::counter_token(2)));
    auto called = counter.next(2);
    REQUIRE(called);
    REQUIRE(called->ticket);
    const std::string served = called->ticket->number;
    REQUIRE(counter.finish(2));
    const std::string waiting = served == numbers[0] ? numbers[1] : numbers[0];

    auto ok = post_rating(f, {{"number", served},
                              {"level", 1},
                              {"reason", "staff_attitude"},
                              {"comment", "Cán bộ chưa giải thích rõ"}});
    REQUIRE(ok);
    INFO(ok->body);
    REQUIRE(ok->status == 201);
    const json rating = json::parse(ok->body)["rating"];
    CHECK(rating["number"] == served);
    CHECK(rating["counter"] == 2);
    CHECK(rating["level_code"] == "RKHL");

    auto again = post_rating(f, {{"number", served}, {"level", 5}});
    CHECK(again->status == 409);
    CHECK(error_code(again) == "already_rated");
    auto early = post_rating(f, {{"number", waiting}, {"level", 4}});
    CHECK(early->status == 409);
    CHECK(error_code(early) == "not_served_yet");
    auto unknown = post_rating(f, {{"number", "9999"}, {"level", 4}});
    CHECK(unknown->status == 404);
    CHECK(error_code(unknown) == "not_found");
    auto yesterday =
        post_rating(f, {{"number", served}, {"level", 4}, {"business_date", "2000-01-01"}});
    CHECK(yesterday->status == 409);
    CHECK(error_code(yesterday) == "other_day");

    for (const json& bad : {json{{"number", served}}, json{{"number", served}, {"level", 9}},
                            json{{"number", "10 01"}, {"level", 3}},
                            json{{"number", waiting}, {"level", 4}, {"reason", "long_wait"}},
                            json{{"number", waiting}, {"level", 1}, {"reason", "rude"}}}) {
        INFO(bad.dump());
        auto r = post_rating(f, bad);
        CHECK(r->status == 400);
        CHECK(error_code(r) == "bad_request");
    }
    auto board =
        post_rating(f, {{"number", served}, {"level", 3}}, test::HubFixture::board_token());
    CHECK(board->status == 403);

    int ratings = 0;
    for (const OutboxEvent& e : Outbox(f.db_path()).pending(1000)) {
        if (e.type != "rating.submitted") continue;
        ++ratings;
        const json p = json::parse(e.payload);
        CHECK(p["source"] == "lan");
        CHECK(p["reason"] == "staff_attitude");
        CHECK(p["comment"] == "Cán bộ chưa giải thích rõ");
    }
    CHECK(ratings == 1);
}
