// [catalog] and services[].field_code.
#include <doctest/doctest.h>

#include "kiosk/core/config.h"
#include "support/minimal_config.h"

using namespace kiosk;

namespace {

ConfigResult parse_with(const std::string& tables, const std::string& service_extra = "") {
    // Tables go before [[services]]; service keys at the end of the one service.
    std::string text = test::kMinimalConfig;
    text.insert(text.find("[[services]]"), tables + "\n");
    text += service_extra + "\n";
    return parse_config(text, "kiosk.toml");
}

std::string only_error(const ConfigResult& r) {
    REQUIRE(r.errors.size() == 1);
    return r.errors[0].to_string();
}

}  // namespace

TEST_CASE("no [catalog]: no file, hours enforced, 15 minutes margin, no field_code") {
    auto r = parse_with("");
    REQUIRE(r.ok());
    CHECK(r.config->catalog.file.empty());
    CHECK(r.config->catalog.opening_hours == OpeningHoursMode::Enforce);
    CHECK(r.config->catalog.last_ticket_before_close_min == 15);
    CHECK(r.config->services[0].field_code.empty());
}

TEST_CASE("[catalog] keys are read") {
    auto r = parse_with(
        "[catalog]\nfile = \"office.json\"\nopening_hours = \"ignore\"\n"
        "last_ticket_before_close_min = 30",
        "field_code = \"G09-TP03\"");
    REQUIRE(r.ok());
    CHECK(r.config->catalog.file == "office.json");
    CHECK(r.config->catalog.opening_hours == OpeningHoursMode::Ignore);
    CHECK(r.config->catalog.last_ticket_before_close_min == 30);
    CHECK(r.config->services[0].field_code == "G09-TP03");
}

TEST_CASE("[catalog] problems name the file and key") {
    CHECK(only_error(parse_with("[catalog]\nopening_hours = \"sometimes\"")) ==
          "kiosk.toml: catalog.opening_hours: must be \"enforce\" or \"ignore\", got 'sometimes'");
    CHECK(only_error(parse_with("[catalog]\nlast_ticket_before_close_min = 300")) ==
          "kiosk.toml: catalog.last_ticket_before_close_min: must be between 0 and 240, got 300");
    CHECK(
        only_error(parse_with("[catalog]\nfile = \"\"")).find("catalog.file: must not be empty") !=
        std::string::npos);
    CHECK(only_error(parse_with("[catalog]\nfiel = \"x\"")) ==
          "kiosk.toml: catalog.fiel: unknown key (misspelt?)");
}

TEST_CASE("field_code: letters, digits, '-' and '.', at most 32") {
    CHECK(parse_with("", "field_code = \"G12-DD01.a\"").ok());
    CHECK(parse_with("", "field_code = \"" + std::string(32, 'A') + "\"").ok());
    CHECK(only_error(parse_with("", "field_code = \"" + std::string(33, 'A') + "\""))
              .find("services[0].field_code: must be 1-32 characters") != std::string::npos);
    CHECK(only_error(parse_with("", "field_code = \"G09 TP03\"")).find("services[0].field_code:") !=
          std::string::npos);
    CHECK(only_error(parse_with("", "field_code = \"\"")).find("services[0].field_code:") !=
          std::string::npos);
}

TEST_CASE("the embedded demo config names the demo catalogue, ignores hours, maps every field") {
    auto r = parse_config(embedded_demo_config(), "<embedded>");
    REQUIRE(r.ok());
    CHECK(r.config->catalog.file == "embedded:demo");
    CHECK(r.config->catalog.opening_hours == OpeningHoursMode::Ignore);
    for (const auto& s : r.config->services)
        CHECK_MESSAGE(!s.field_code.empty(), s.id);
}
