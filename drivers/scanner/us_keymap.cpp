#include "drivers/scanner/us_keymap.h"

#include <linux/input-event-codes.h>

namespace kiosk::scanner {

namespace {

struct KeyChars {
    char plain;
    char shifted;
};

// The US layout's non-letter keys: unshifted and shifted character.
KeyChars us_symbol_key(int code) {
    switch (code) {
        case KEY_1:
            return {'1', '!'};
        case KEY_2:
            return {'2', '@'};
        case KEY_3:
            return {'3', '#'};
        case KEY_4:
            return {'4', '$'};
        case KEY_5:
            return {'5', '%'};
        case KEY_6:
            return {'6', '^'};
        case KEY_7:
            return {'7', '&'};
        case KEY_8:
            return {'8', '*'};
        case KEY_9:
            return {'9', '('};
        case KEY_0:
            return {'0', ')'};
        case KEY_MINUS:
            return {'-', '_'};
        case KEY_EQUAL:
            return {'=', '+'};
        case KEY_LEFTBRACE:
            return {'[', '{'};
        case KEY_RIGHTBRACE:
            return {']', '}'};
        case KEY_SEMICOLON:
            return {';', ':'};
        case KEY_APOSTROPHE:
            return {'\'', '"'};
        case KEY_GRAVE:
            return {'`', '~'};
        case KEY_BACKSLASH:
            return {'\\', '|'};
        case KEY_COMMA:
            return {',', '<'};
        case KEY_DOT:
            return {'.', '>'};
        case KEY_SLASH:
            return {'/', '?'};
        case KEY_SPACE:
            return {' ', ' '};
        case KEY_TAB:
            return {'\t', '\t'};
        // Keypad: the same character whatever shift says.
        case KEY_KP0:
            return {'0', '0'};
        case KEY_KP1:
            return {'1', '1'};
        case KEY_KP2:
            return {'2', '2'};
        case KEY_KP3:
            return {'3', '3'};
        case KEY_KP4:
            return {'4', '4'};
        case KEY_KP5:
            return {'5', '5'};
        case KEY_KP6:
            return {'6', '6'};
        case KEY_KP7:
            return {'7', '7'};
        case KEY_KP8:
            return {'8', '8'};
        case KEY_KP9:
            return {'9', '9'};
        case KEY_KPDOT:
            return {'.', '.'};
        case KEY_KPMINUS:
            return {'-', '-'};
        case KEY_KPPLUS:
            return {'+', '+'};
        case KEY_KPASTERISK:
            return {'*', '*'};
        case KEY_KPSLASH:
            return {'/', '/'};
        default:
            return {0, 0};
    }
}

// KEY_A… are laid out in keyboard rows, not alphabetically.
char us_letter(int code) {
    switch (code) {
        case KEY_Q:
            return 'q';
        case KEY_W:
            return 'w';
        case KEY_E:
            return 'e';
        case KEY_R:
            return 'r';
        case KEY_T:
            return 't';
        case KEY_Y:
            return 'y';
        case KEY_U:
            return 'u';
        case KEY_I:
            return 'i';
        case KEY_O:
            return 'o';
        case KEY_P:
            return 'p';
        case KEY_A:
            return 'a';
        case KEY_S:
            return 's';
        case KEY_D:
            return 'd';
        case KEY_F:
            return 'f';
        case KEY_G:
            return 'g';
        case KEY_H:
            return 'h';
        case KEY_J:
            return 'j';
        case KEY_K:
            return 'k';
        case KEY_L:
            return 'l';
        case KEY_Z:
            return 'z';
        case KEY_X:
            return 'x';
        case KEY_C:
            return 'c';
        case KEY_V:
            return 'v';
        case KEY_B:
            return 'b';
        case KEY_N:
            return 'n';
        case KEY_M:
            return 'm';
        default:
            return 0;
    }
}

}  // namespace

char us_key_char(int key_code, bool shift, bool caps_lock) {
    if (char letter = us_letter(key_code)) {
        return (shift != caps_lock) ? static_cast<char>(letter - 'a' + 'A') : letter;
    }
    const KeyChars chars = us_symbol_key(key_code);
    return shift ? chars.shifted : chars.plain;
}

std::optional<std::string> KeySequenceDecoder::on_key(int key_code, int value) {
    const bool pressed = value != 0;  // 1 press, 2 autorepeat (typed again), 0 release
    switch (key_code) {
        case KEY_LEFTSHIFT:
            left_shift_ = pressed;
            return std::nullopt;
        case KEY_RIGHTSHIFT:
            right_shift_ = pressed;
            return std::nullopt;
        case KEY_CAPSLOCK:
            if (value == 1) caps_lock_ = !caps_lock_;
            return std::nullopt;
        default:
            break;
    }
    if (!pressed) return std::nullopt;
    if (key_code == KEY_ENTER || key_code == KEY_KPENTER) {
        std::string line = std::move(line_);
        line_.clear();
        overflowed_ = overflowing_;
        overflowing_ = false;
        if (line.empty() || overflowed_) return std::nullopt;
        return line;
    }
    const char c = us_key_char(key_code, left_shift_ || right_shift_, caps_lock_);
    if (c == 0) return std::nullopt;
    if (line_.size() >= max_length_) {
        overflowing_ = true;  // runaway input: drop the whole read at Enter
        return std::nullopt;
    }
    line_.push_back(c);
    return std::nullopt;
}

void KeySequenceDecoder::reset() {
    line_.clear();
    left_shift_ = right_shift_ = caps_lock_ = false;
    overflowed_ = overflowing_ = false;
}

}  // namespace kiosk::scanner
