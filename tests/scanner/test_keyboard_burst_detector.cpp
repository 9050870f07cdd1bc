// KeyboardBurstDetector: a scanner's burst ending in Enter vs a person typing.
#include <doctest/doctest.h>

#include "drivers/scanner/keyboard_burst_detector.h"

using namespace kiosk::scanner;
using Millis = std::chrono::milliseconds;
using Out = std::vector<BurstOutput>;

namespace {

// Feeds `text` one character every `gap` ms from `start`, then Enter after `gap`; returns all
// outputs including polls between keys (as a UI loop would make them).
Out type(KeyboardBurstDetector& d, const std::string& text, int start, int gap) {
    Out out;
    int t = start;
    for (char c : text) {
        for (auto& o : d.on_text(std::string(1, c), Millis(t)))
            out.push_back(o);
        if (auto deadline = d.next_deadline(); deadline && deadline->count() < t + gap) {
            for (auto& o : d.poll(*deadline))
                out.push_back(o);
        }
        t += gap;
    }
    for (auto& o : d.on_enter(Millis(t)))
        out.push_back(o);
    return out;
}

std::string typed_text(const Out& out) {
    std::string text;
    for (const auto& o : out)
        if (o.kind == BurstOutput::Kind::Typed) text += o.text;
    return text;
}

}  // namespace

TEST_CASE("burst: a scanner's 8 ms burst ending in Enter is one scan") {
    KeyboardBurstDetector d;
    const Out out = type(d, "000.00.21.H41-250312-0007", 1000, 8);
    REQUIRE(out.size() == 1);
    CHECK(out[0] == BurstOutput{BurstOutput::Kind::Scan, "000.00.21.H41-250312-0007"});
    CHECK_FALSE(d.next_deadline());
}

TEST_CASE("burst: SDL stamps a whole burst with one time; still a scan") {
    KeyboardBurstDetector d;
    const Out out = type(d, "H41.22.10.01-251103-0012", 5000, 0);
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == BurstOutput::Kind::Scan);
}

TEST_CASE("burst: a person typing at 120 ms a key is typing, Enter included") {
    KeyboardBurstDetector d;
    const Out out = type(d, "0007123", 1000, 120);
    CHECK(typed_text(out) == "0007123");
    REQUIRE_FALSE(out.empty());
    CHECK(out.back().kind == BurstOutput::Kind::Enter);
    for (const auto& o : out)
        CHECK(o.kind != BurstOutput::Kind::Scan);
}

TEST_CASE("burst: a short fast burst (a person's quick 'ok') is typing") {
    KeyboardBurstDetector d({.min_chars = 6, .max_gap = Millis(30)});
    const Out out = type(d, "ok", 0, 5);
    REQUIRE(out.size() == 2);
    CHECK(out[0] == BurstOutput{BurstOutput::Kind::Typed, "ok"});
    CHECK(out[1].kind == BurstOutput::Kind::Enter);
}

TEST_CASE("burst: held characters are released by poll after the gap, not before") {
    KeyboardBurstDetector d;
    CHECK(d.on_text("a", Millis(100)).empty());
    REQUIRE(d.next_deadline());
    CHECK(d.next_deadline()->count() == 131);
    CHECK(d.poll(Millis(130)).empty());  // exactly max_gap: could still be a burst
    const Out out = d.poll(Millis(131));
    REQUIRE(out.size() == 1);
    CHECK(out[0] == BurstOutput{BurstOutput::Kind::Typed, "a"});
    CHECK_FALSE(d.next_deadline());
}

TEST_CASE("burst: a person typing, then a scan: each recognised") {
    KeyboardBurstDetector d;
    Out out = type(d, "12", 0, 200);
    CHECK(typed_text(out) == "12");
    out = type(d, "https://x.vn/?MHS=ABC", 2000, 4);
    REQUIRE(out.size() == 1);
    CHECK(out[0] == BurstOutput{BurstOutput::Kind::Scan, "https://x.vn/?MHS=ABC"});
}

TEST_CASE("burst: a pause inside a burst splits it into typing") {
    KeyboardBurstDetector d;
    Out out;
    for (auto& o : d.on_text("ABCDEFG", Millis(0)))
        out.push_back(o);
    for (auto& o : d.on_text("H", Millis(100)))
        out.push_back(o);  // 100 ms gap
    for (auto& o : d.on_enter(Millis(105)))
        out.push_back(o);
    REQUIRE(out.size() == 3);
    CHECK(out[0] == BurstOutput{BurstOutput::Kind::Typed, "ABCDEFG"});
    CHECK(out[1] == BurstOutput{BurstOutput::Kind::Typed, "H"});
    CHECK(out[2].kind == BurstOutput::Kind::Enter);
}

TEST_CASE("burst: UTF-8 characters count once; runaway input is released as typing") {
    KeyboardBurstDetector d({.min_chars = 3, .max_gap = Millis(30), .max_chars = 10});
    CHECK(d.on_text("đ", Millis(0)).empty());
    CHECK(d.on_text("ơ", Millis(1)).empty());
    Out out = d.on_enter(Millis(2));  // two characters (four bytes): below min_chars
    REQUIRE(out.size() == 2);
    CHECK(out[0] == BurstOutput{BurstOutput::Kind::Typed, "đơ"});
    out = d.on_text("0123456789A", Millis(10));
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == BurstOutput::Kind::Typed);
    d.on_text("x", Millis(11));
    d.reset();
    CHECK_FALSE(d.next_deadline());
}
