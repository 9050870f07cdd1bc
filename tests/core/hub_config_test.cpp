#include <doctest/doctest.h>

#include "kiosk/core/config.h"
#include "support/minimal_config.h"

using namespace kiosk;

namespace {
const std::string& kBase = test::kMinimalConfig;

ConfigResult parse_with(const std::string& tables) {
    // Tables go before [[services]] so they are not read as part of the array entry.
    std::string text = kBase;
    text.insert(text.find("[[services]]"), tables + "\n");
    return parse_config(text, "kiosk.toml");
}

std::string only_error(const ConfigResult& r) {
    REQUIRE(r.errors.size() == 1);
    return r.errors[0].to_string();
}
}  // namespace

TEST_CASE("no [hub], [voice] or [board]: defaults, hub off") {
    auto r = parse_with("");
    REQUIRE(r.ok());
    CHECK_FALSE(r.config->hub.enabled());
    CHECK(r.config->hub.priority_policy == PriorityPolicy::Strict);
    CHECK(r.config->hub.max_no_shows == 2);
    CHECK(r.config->voice.reading == "north");
    CHECK(r.config->voice.repeat == 1);
    CHECK(r.config->board.recent_calls == 6);
}

TEST_CASE("full [hub], [voice] and [board] tables are read") {
    auto r = parse_with(R"(
[hub]
listen = "0.0.0.0:8470"
tokens_file = "/etc/motcua/hub-tokens"
tls_cert = "c.pem"
tls_key = "k.pem"
priority_policy = "interleaved"
priority_every = 4
max_no_shows = 0
[voice]
enabled = false
reading = "south"
repeat = 3
clips_dir = "/srv/voice"
gap_ms = 200
[board]
recent_calls = 12
notice_vi = "Quý khách vui lòng chờ"
notice_en = "Please wait"
)");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].to_string()));
    const auto& c = *r.config;
    CHECK(c.hub.enabled());
    CHECK(c.hub.listen == "0.0.0.0:8470");
    CHECK(c.hub.priority_policy == PriorityPolicy::Interleaved);
    CHECK(c.hub.priority_every == 4);
    CHECK(c.hub.max_no_shows == 0);
    CHECK(c.hub.tls_key == "k.pem");
    CHECK_FALSE(c.voice.enabled);
    CHECK(c.voice.reading == "south");
    CHECK(c.voice.repeat == 3);
    CHECK(c.voice.clips_dir == "/srv/voice");
    CHECK(c.voice.gap_ms == 200);
    CHECK(c.board.recent_calls == 12);
    CHECK(c.board.notice_vi == "Quý khách vui lòng chờ");
}

TEST_CASE("bad [hub] values are reported with file and key") {
    CHECK(only_error(parse_with("[hub]\nlisten = \"8470\"\ntokens_file = \"t\"")) ==
          "kiosk.toml: hub.listen: must be HOST:PORT (\"0.0.0.0:8470\") or empty for no hub, got "
          "'8470'");
    CHECK(only_error(parse_with("[hub]\nlisten = \"0.0.0.0:8470\"")).find("hub.tokens_file") !=
          std::string::npos);
    CHECK(only_error(parse_with("[hub]\npriority_policy = \"fair\"")).find("strict") !=
          std::string::npos);
    CHECK(only_error(parse_with("[hub]\npriority_every = 0")).find("hub.priority_every") !=
          std::string::npos);
    CHECK(only_error(parse_with("[hub]\nmax_no_shows = 6")).find("between 0 and 5") !=
          std::string::npos);
    CHECK(only_error(parse_with("[hub]\ntls_cert = \"c.pem\"")).find("go together") !=
          std::string::npos);
    CHECK(only_error(parse_with("[hub]\nlisen = \"x\"")) ==
          "kiosk.toml: hub.lisen: unknown key (misspelt?)");
}

TEST_CASE("bad [voice] and [board] values are reported with file and key") {
    CHECK(only_error(parse_with("[voice]\nreading = \"east\"")).find("voice.reading") !=
          std::string::npos);
    CHECK(only_error(parse_with("[voice]\nrepeat = 4")).find("voice.repeat") != std::string::npos);
    CHECK(only_error(parse_with("[voice]\ngap_ms = -1")).find("voice.gap_ms") != std::string::npos);
    CHECK(only_error(parse_with("[voice]\nenabled = \"yes\"")).find("true or false") !=
          std::string::npos);
    CHECK(only_error(parse_with("[board]\nrecent_calls = 2")).find("between 3 and 12") !=
          std::string::npos);
    CHECK(only_error(parse_with("[board]\nnotice = \"x\"")) ==
          "kiosk.toml: board.notice: unknown key (misspelt?)");
}

TEST_CASE("the demo config with the commented examples still parses") {
    auto r = parse_config(embedded_demo_config(), "demo");
    REQUIRE(r.ok());
    CHECK_FALSE(r.config->hub.enabled());
}
