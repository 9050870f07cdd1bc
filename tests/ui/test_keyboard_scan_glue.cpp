// The runner's keyboard-wedge fallback (KeyboardScanGlue) fed with synthetic, timestamped SDL
// text / Enter events: a scanner burst becomes one scan, a person's typing and Enter flow on to
// ImGui unchanged, and a burst cut off without Enter is released by the wait deadline.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "kiosk/platform/keyboard_scan_glue.h"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Recorder {
    std::string typed;
    int enters = 0;
    std::vector<std::string> scans;

    platform::KeyboardScanSinks sinks() {
        return {[this](const std::string& t) { typed += t; }, [this] { ++enters; },
                [this](const std::string& p) { scans.push_back(p); }};
    }
};

constexpr scanner::BurstOptions kOptions{.min_chars = 6, .max_gap = 30ms, .max_chars = 4096};

}  // namespace

TEST_CASE("a scanner burst ending in Enter is one scan; nothing reaches the typed text") {
    Recorder r;
    platform::KeyboardScanGlue glue(kOptions, r.sinks());
    const std::string code = "000.00.00.H41-261120-0007";
    std::uint32_t t = 1000;
    for (char c : code) {
        glue.on_text(std::string(1, c), t);
        t += 3;  // a scanner: a few ms per key
        glue.poll(t);
    }
    glue.on_enter(t);
    REQUIRE(r.scans.size() == 1);
    CHECK(r.scans[0] == code);
    CHECK(r.typed.empty());
    CHECK(r.enters == 0);
}

TEST_CASE("a person typing is passed on, and a person's Enter too") {
    Recorder r;
    platform::KeyboardScanGlue glue(kOptions, r.sinks());
    std::uint32_t t = 5000;
    for (char c : std::string("1234567")) {
        glue.on_text(std::string(1, c), t);
        t += 150;  // a person: well over max_gap between keys
        glue.poll(t);
    }
    glue.on_enter(t);
    CHECK(r.typed == "1234567");
    CHECK(r.enters == 1);
    CHECK(r.scans.empty());
}

TEST_CASE("held keys are released at the deadline the wait timeout points to") {
    Recorder r;
    platform::KeyboardScanGlue glue(kOptions, r.sinks());
    CHECK(glue.wait_ms(100, 5000) == 5000);  // nothing held: the loop's own timeout
    glue.on_text("AB", 100);                 // a short burst, no Enter follows
    CHECK(r.typed.empty());                  // held while it might be a scanner
    const int wait = glue.wait_ms(100, 5000);
    CHECK(wait > 0);
    CHECK(wait <= 31);
    glue.poll(100 + static_cast<std::uint32_t>(wait));
    CHECK(r.typed == "AB");
    CHECK(glue.wait_ms(200, 5000) == 5000);
    CHECK(glue.wait_ms(200, 0) == 0);  // a loop that must not block stays non-blocking
}

TEST_CASE("a burst too short for a code is typing, Enter and all") {
    Recorder r;
    platform::KeyboardScanGlue glue(kOptions, r.sinks());
    glue.on_text("12", 10);
    glue.on_text("3", 12);
    glue.on_enter(14);
    CHECK(r.typed == "123");
    CHECK(r.enters == 1);
    CHECK(r.scans.empty());
}
