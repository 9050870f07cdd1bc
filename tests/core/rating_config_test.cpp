// [rating]: on by default only where counters serve this queue.db (an in-process hub), explicit
// switch both ways, ranges and unknown keys reported as `file: key: problem`.
#include <doctest/doctest.h>

#include "kiosk/core/config.h"
#include "support/minimal_config.h"

using namespace kiosk;

namespace {
ConfigResult parse_with(const std::string& tables) {
    std::string text = test::kMinimalConfig;
    text.insert(text.find("[[services]]"), tables + "\n");
    return parse_config(text, "kiosk.toml");
}
const std::string kHub = "[hub]\nlisten = \"127.0.0.1:8470\"\ntokens_file = \"t\"\n";
}  // namespace

TEST_CASE("[rating] default: off without a hub, on with [hub] listen") {
    auto plain = parse_with("");
    REQUIRE(plain.ok());
    CHECK_FALSE(plain.config->rating.enabled);
    CHECK(plain.config->rating.thanks_s == 6);
    CHECK(plain.config->rating.ask_reason);
    auto hub = parse_with(kHub);
    REQUIRE(hub.ok());
    CHECK(hub.config->rating.enabled);
}

TEST_CASE("[rating] enabled switches it either way; thanks_s and ask_reason are read") {
    auto shared = parse_with("[rating]\nenabled = true\nthanks_s = 10\nask_reason = false\n");
    REQUIRE(shared.ok());
    CHECK(shared.config->rating.enabled);
    CHECK(shared.config->rating.thanks_s == 10);
    CHECK_FALSE(shared.config->rating.ask_reason);
    auto off = parse_with(kHub + "[rating]\nenabled = false\n");
    REQUIRE(off.ok());
    CHECK_FALSE(off.config->rating.enabled);
}

TEST_CASE("[rating] problems name the file and key") {
    auto range = parse_with("[rating]\nthanks_s = 1\n");
    REQUIRE(range.errors.size() == 1);
    CHECK(range.errors[0].to_string().find("kiosk.toml: rating.thanks_s:") == 0);
    auto type = parse_with("[rating]\nenabled = \"yes\"\n");
    REQUIRE(type.errors.size() == 1);
    CHECK(type.errors[0].key == "rating.enabled");
    auto typo = parse_with("[rating]\nenable = true\n");
    REQUIRE(typo.errors.size() == 1);
    CHECK(typo.errors[0].key == "rating.enable");
}
