#pragma once
// Linux input key codes (KEY_*, <linux/input-event-codes.h>) → ASCII with a FIXED US layout,
// the layout every keyboard-wedge scanner assumes. Used on the scanner's own evdev node so the
// OS layout (Vietnamese, Telex/VNI input methods) can never rewrite a code (notes §6).
// Pure logic: feed key events (code, value: 1 press, 0 release, 2 autorepeat), get completed
// reads back when Enter is pressed.
#include <optional>
#include <string>

namespace kiosk::scanner {

// The character a key produces on a US keyboard, or 0 for keys that type nothing (modifiers,
// function keys, Enter). Letters honour shift XOR caps_lock; keypad digits/operators always
// type (scanners rarely send Num Lock).
char us_key_char(int key_code, bool shift, bool caps_lock);

class KeySequenceDecoder {
  public:
    explicit KeySequenceDecoder(size_t max_length = 4096) : max_length_(max_length) {}

    // Returns the characters typed since the last Enter when this event is an Enter press
    // (KEY_ENTER or KEY_KPENTER); empty reads (Enter alone) are not returned.
    std::optional<std::string> on_key(int key_code, int value);
    void reset();  // e.g. after the device was unplugged
    const std::string& pending() const { return line_; }
    bool overflowed() const { return overflowed_; }  // the last read exceeded max_length

  private:
    size_t max_length_;
    std::string line_;
    bool left_shift_ = false, right_shift_ = false, caps_lock_ = false;
    bool overflowed_ = false, overflowing_ = false;
};

}  // namespace kiosk::scanner
