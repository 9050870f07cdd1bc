#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kiosk/sync/reply_parsers.h"
#include "server/demo_seed.h"
#include "server/dossier_api.h"

using namespace kiosk::sync;
using nlohmann::json;

namespace {
json demo() {
    return dossier::demo_catalog(std::chrono::system_clock::now());
}

json demo_dossier() {
    auto d = dossier::demo_dossiers(std::chrono::system_clock::now()).at(3);
    json j = d.public_part;
    j["owner_masked"] = dossier::mask_name(d.owner_name);
    return j;
}
}  // namespace

TEST_CASE("the demo catalogue passes validation with every field read") {
    const auto p = parse_catalog(demo().dump());
    REQUIRE_MESSAGE(p.ok(), p.error);
    const Catalog& c = *p.value;
    CHECK(c.version == 7);
    CHECK(c.office.agency_code == "000.00.00.H41");
    CHECK(c.fields.size() == 5);
    CHECK(c.counters.size() == 7);
    CHECK(c.opening_hours.size() == 6);
    CHECK(c.opening_hours[0].sessions[1].open == "13:30");
    CHECK(c.holidays.size() == 6);
    REQUIRE(c.procedures.size() == 31);  // assets/demo/catalog.json: 6 + 25 for the guide
    const Procedure& lltp = c.procedures[5];
    CHECK(lltp.code == "2.001417");
    CHECK(lltp.channels[0].fee_vnd == 200000);
    CHECK(lltp.channels[1].channel == 2);
    CHECK(lltp.documents[0].originals == 1);
}

TEST_CASE("NFD text is normalised to NFC; invalid UTF-8 is rejected") {
    auto j = demo();
    j["office"]["name"] = "Nghe\xCC\xA3\xCC\x82 An";  // e + dot below + circumflex (NFD of ệ)
    const auto p = parse_catalog(j.dump());
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.value->office.name == "Nghệ An");

    std::string body = demo().dump();
    const auto at = body.find("Nghệ An");
    REQUIRE(at != std::string::npos);
    body[at + 4] = '\xC3';  // breaks the multi-byte sequence of ệ
    const auto bad = parse_catalog(body);
    CHECK_FALSE(bad.ok());
    CHECK(bad.error.find("UTF-8") != std::string::npos);
}

TEST_CASE("one bad field rejects the whole catalogue, with its path") {
    struct Case {
        const char* what;
        std::function<void(json&)> spoil;
        const char* expect;
    };
    const Case cases[] = {
        {"fee type", [](json& j) { j["procedures"][0]["channels"][0]["fee_vnd"] = "free"; },
         "procedures[0].channels[0].fee_vnd: must be an integer"},
        {"fee range", [](json& j) { j["procedures"][1]["channels"][0]["fee_vnd"] = -1; },
         "fee_vnd: must be 0-"},
        {"channel", [](json& j) { j["procedures"][0]["channels"][0]["channel"] = 4; },
         "channel: must be 1-3"},
        {"procedure code", [](json& j) { j["procedures"][0]["code"] = "1.00123"; },
         "not a procedure code"},
        {"duplicate code", [](json& j) { j["procedures"][1]["code"] = j["procedures"][0]["code"]; },
         "duplicate"},
        {"unknown field", [](json& j) { j["procedures"][0]["field_code"] = "G99-XX01"; },
         "unknown field"},
        {"missing name", [](json& j) { j["procedures"][0].erase("name"); },
         "procedures[0].name: missing"},
        {"agency", [](json& j) { j["office"]["agency_code"] = "000.00.00.h41"; },
         "office.agency_code"},
        {"hours", [](json& j) { j["opening_hours"][0]["sessions"][0]["open"] = "25:00"; },
         "must be HH:MM"},
        {"session order", [](json& j) { j["opening_hours"][0]["sessions"][0]["close"] = "06:00"; },
         "opens at or after"},
        {"holiday", [](json& j) { j["holidays"][0]["date"] = "2026-02-30"; }, "valid YYYY-MM-DD"},
        {"version", [](json& j) { j["version"] = 0; }, "version: must be 1-"},
        {"generated_at", [](json& j) { j["generated_at"] = "2026-11-27 07:00"; }, "ISO-8601"},
        {"control char",
         [](json& j) {
             j["office"]["name"] =
                 "A\x01"
                 "B";
         },
         "control characters"},
        {"not an object", [](json& j) { j = json::array(); }, "expected an object"},
    };
    for (const auto& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        json j = demo();
        c.spoil(j);
        const auto p = parse_catalog(j.dump());
        CHECK_FALSE(p.ok());
        CHECK_MESSAGE(p.error.find(c.expect) != std::string::npos, p.error);
    }
}

TEST_CASE("size and nesting limits are checked before parsing") {
    const auto huge = parse_server_time("{\"now\": \"" + std::string(300 * 1024, 'x') + "\"}");
    CHECK(huge.error.find("exceeds the limit") != std::string::npos);
    const auto deep = parse_api_error(std::string(5000, '[') + std::string(5000, ']'));
    CHECK(deep.error.find("nested deeper") != std::string::npos);
    CHECK(parse_event_acks("").error.find("empty") != std::string::npos);
    CHECK(parse_event_acks("{\"acks\": [").error.find("well-formed") != std::string::npos);
}

TEST_CASE("dossier replies: valid one read, bad status and times refused") {
    const auto p = parse_dossier(demo_dossier().dump());
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.value->status.code == 4);
    CHECK(p.value->appointment_at.has_value());
    CHECK(p.value->history.size() == 2);
    CHECK(p.value->owner_masked == "N. V. A**");

    json j = demo_dossier();
    j["status"]["code"] = 11;
    CHECK(parse_dossier(j.dump()).error.find("status.code") != std::string::npos);
    j = demo_dossier();
    j["received_at"] = "2026-11-27T08:00:00";  // no offset
    CHECK_FALSE(parse_dossier(j.dump()).ok());
    j = demo_dossier();
    j["history"][0]["at"] = "2026-13-01T08:00:00+07:00";
    CHECK_FALSE(parse_dossier(j.dump()).ok());
    j = demo_dossier();
    j["code"] = "000.00.00.h41-261120-0007";
    CHECK_FALSE(parse_dossier(j.dump()).ok());
}

TEST_CASE("acks, time and error bodies") {
    const auto acks = parse_event_acks(
        R"({"acks":[{"id":"a","result":"stored"},{"id":"b","result":"duplicate"},{"id":"c","result":"rejected","reason":"bad type"}]})");
    REQUIRE(acks.ok());
    REQUIRE(acks.value->size() == 3);
    CHECK(acks.value->at(1).result == EventAck::Result::Duplicate);
    CHECK(acks.value->at(2).reason == "bad type");
    CHECK_FALSE(parse_event_acks(R"({"acks":[{"id":"a","result":"maybe"}]})").ok());
    CHECK_FALSE(parse_event_acks(R"({"acks":"all"})").ok());

    const auto t =
        parse_server_time(R"({"now":"2026-11-27T08:00:00+07:00","unix_ms":1795741200000})");
    REQUIRE(t.ok());
    CHECK(t.value->unix_ms == 1795741200000);
    CHECK_FALSE(parse_server_time(R"({"now":"2026-11-27T08:00:00+07:00","unix_ms":-1})").ok());

    const auto e = parse_api_error(
        R"({"error":{"code":"second_factor_required","message":"Nhập số CCCD","factors":["id_number","retina","lookup_code"]}})");
    REQUIRE(e.ok());
    CHECK(e.value->factors == std::vector<std::string>{"id_number", "lookup_code"});
    CHECK_FALSE(parse_api_error(R"({"message":"no envelope"})").ok());
}

TEST_CASE("code formats") {
    CHECK(is_dossier_code("000.00.21.H41-250312-0007"));
    CHECK(is_dossier_code("H15.50.05.13-261008-0975"));
    CHECK_FALSE(is_dossier_code("1.000948.H38"));
    CHECK_FALSE(is_dossier_code("000.00.21.H41-250312-007"));
    CHECK(is_procedure_code("1.001234"));
    CHECK(is_procedure_code("1.002891.000.00.00.H41"));
    CHECK_FALSE(is_procedure_code("1.00123"));
    CHECK(is_iso8601_offset("2026-11-27T14:05:09+07:00"));
    CHECK_FALSE(is_iso8601_offset("2026-02-29T14:05:09+07:00"));
}
