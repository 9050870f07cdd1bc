// The fixed US keymap on key sequences as a keyboard-wedge scanner sends them (press/release,
// shift held around capitals and symbols), independent of the desktop's layout.
#include <doctest/doctest.h>
#include <linux/input-event-codes.h>

#include <utility>
#include <vector>

#include "drivers/scanner/us_keymap.h"

using namespace kiosk::scanner;

namespace {

struct Key {
    int code;
    int value;
};

// Feeds events, collects completed reads.
std::vector<std::string> feed(KeySequenceDecoder& decoder, const std::vector<Key>& keys) {
    std::vector<std::string> reads;
    for (const Key& key : keys) {
        if (auto read = decoder.on_key(key.code, key.value)) reads.push_back(*read);
    }
    return reads;
}

std::vector<Key> tap(int code) {
    return {{code, 1}, {code, 0}};
}
std::vector<Key> shifted(int code) {
    return {{KEY_LEFTSHIFT, 1}, {code, 1}, {code, 0}, {KEY_LEFTSHIFT, 0}};
}
std::vector<Key> join(std::initializer_list<std::vector<Key>> parts) {
    std::vector<Key> out;
    for (const auto& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

}  // namespace

TEST_CASE("US keymap: a dossier code as a scanner types it") {
    // "H41.22-0007⏎" recorded as evdev key events: Shift+H, digits, dot, minus, Enter.
    const std::vector<Key> recorded =
        join({shifted(KEY_H), tap(KEY_4), tap(KEY_1), tap(KEY_DOT), tap(KEY_2), tap(KEY_2),
              tap(KEY_MINUS), tap(KEY_0), tap(KEY_0), tap(KEY_0), tap(KEY_7), tap(KEY_ENTER)});
    KeySequenceDecoder decoder;
    const auto reads = feed(decoder, recorded);
    REQUIRE(reads.size() == 1);
    CHECK(reads[0] == "H41.22-0007");
    CHECK(decoder.pending().empty());
}

TEST_CASE("US keymap: URL punctuation needs shift on the right keys") {
    // "https://a.vn/x?MHS=1&b_c" — ':' '?' '&' '_' and capitals are shifted.
    const std::vector<Key> keys = join({tap(KEY_H),      tap(KEY_T),         tap(KEY_T),
                                        tap(KEY_P),      tap(KEY_S),         shifted(KEY_SEMICOLON),
                                        tap(KEY_SLASH),  tap(KEY_SLASH),     tap(KEY_A),
                                        tap(KEY_DOT),    tap(KEY_V),         tap(KEY_N),
                                        tap(KEY_SLASH),  tap(KEY_X),         shifted(KEY_SLASH),
                                        shifted(KEY_M),  shifted(KEY_H),     shifted(KEY_S),
                                        tap(KEY_EQUAL),  tap(KEY_1),         shifted(KEY_7),
                                        tap(KEY_B),      shifted(KEY_MINUS), tap(KEY_C),
                                        tap(KEY_KPENTER)});
    KeySequenceDecoder decoder;
    const auto reads = feed(decoder, keys);
    REQUIRE(reads.size() == 1);
    CHECK(reads[0] == "https://a.vn/x?MHS=1&b_c");
}

TEST_CASE("US keymap: right shift, caps lock and the keypad") {
    KeySequenceDecoder decoder;
    const auto reads =
        feed(decoder, join({{{KEY_RIGHTSHIFT, 1}, {KEY_A, 1}, {KEY_A, 0}, {KEY_RIGHTSHIFT, 0}},
                            tap(KEY_CAPSLOCK),
                            tap(KEY_B),
                            shifted(KEY_C),
                            tap(KEY_CAPSLOCK),
                            tap(KEY_D),
                            tap(KEY_KP1),
                            tap(KEY_KPDOT),
                            tap(KEY_KP0),
                            shifted(KEY_KP9),
                            tap(KEY_ENTER)}));
    REQUIRE(reads.size() == 1);
    CHECK(reads[0] == "ABcd1.09");
}

TEST_CASE("US keymap: the character table itself") {
    CHECK(us_key_char(KEY_Q, false, false) == 'q');
    CHECK(us_key_char(KEY_M, true, false) == 'M');
    CHECK(us_key_char(KEY_2, true, false) == '@');
    CHECK(us_key_char(KEY_APOSTROPHE, true, false) == '"');
    CHECK(us_key_char(KEY_LEFTBRACE, false, false) == '[');
    CHECK(us_key_char(KEY_GRAVE, true, false) == '~');
    CHECK(us_key_char(KEY_1, false, true) == '1');  // caps lock leaves digits alone
    CHECK(us_key_char(KEY_F1, false, false) == 0);
    CHECK(us_key_char(KEY_LEFTCTRL, false, false) == 0);
}

TEST_CASE("US keymap: several reads, empty Enter, function keys and overflow") {
    KeySequenceDecoder decoder(4);
    auto reads = feed(decoder, join({tap(KEY_ENTER), tap(KEY_1), tap(KEY_F5), tap(KEY_2),
                                     tap(KEY_ENTER), tap(KEY_3), tap(KEY_ENTER)}));
    CHECK(reads == std::vector<std::string>{"12", "3"});
    reads = feed(decoder, join({tap(KEY_1), tap(KEY_2), tap(KEY_3), tap(KEY_4), tap(KEY_5),
                                tap(KEY_ENTER), tap(KEY_9), tap(KEY_ENTER)}));
    CHECK(reads == std::vector<std::string>{"9"});  // the 5-character read was dropped whole
}

TEST_CASE("US keymap: reset forgets a half-read code and a stuck shift") {
    KeySequenceDecoder decoder;
    feed(decoder, {{KEY_LEFTSHIFT, 1}, {KEY_A, 1}});
    CHECK(decoder.pending() == "A");
    decoder.reset();  // unplugged mid-code
    const auto reads = feed(decoder, join({tap(KEY_B), tap(KEY_ENTER)}));
    CHECK(reads == std::vector<std::string>{"b"});
}
