#pragma once
// Tells a keyboard-wedge scanner from a person typing, using only the timing of the UI's own
// keyboard events (the fallback when no scanner device node is configured; notes §6). A scanner
// "types" a whole code in a burst — a few ms between keys — and ends it with Enter; a person
// leaves ≥ 50–100 ms between keys. Pure logic (no SDL): the UI feeds text and Enter events with
// their timestamps and acts on what comes back.
//
// While a burst might be in progress, characters are HELD (at most max_gap): the UI gets them
// back as Typed once a gap shows it was a person, or as one Scan when a long enough burst ends
// with Enter. The UI calls poll(now) at next_deadline() (e.g. as its SDL_WaitEventTimeout
// timeout) so a held character is never stuck.
//
// Usage (UI thread):
//   KeyboardBurstDetector detector({.min_chars = 6, .max_gap = 30ms});
//   on SDL_TEXTINPUT:          handle(detector.on_text(event.text.text, ms(event.timestamp)));
//   on SDL_KEYDOWN Return/KP:  handle(detector.on_enter(ms(event.timestamp)));
//   each loop iteration:       handle(detector.poll(ms(SDL_GetTicks())));
//   handle(): Typed → insert into the focused field, Enter → a person pressed Enter,
//             Scan → ScanInput{payload, ScanSource::KeyboardBurst}.
// SDL2 stamps events when they are pumped (ms), so a burst may share one timestamp: that is
// fine, a gap of 0 ms is a burst.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::scanner {

struct BurstOptions {
    size_t min_chars = 6;                   // shorter bursts are typing (codes are longer)
    std::chrono::milliseconds max_gap{30};  // longer gap between keys = a person
    size_t max_chars = 4096;                // longer bursts are flushed as typing
};

struct BurstOutput {
    enum class Kind { Typed, Enter, Scan };
    Kind kind = Kind::Typed;
    std::string text;  // Typed: the characters; Scan: the payload; Enter: empty
    bool operator==(const BurstOutput&) const = default;
};

class KeyboardBurstDetector {
  public:
    using Millis = std::chrono::milliseconds;  // any monotonic epoch (SDL ticks)

    explicit KeyboardBurstDetector(BurstOptions options = {});

    // UTF-8 text of one or more keys (an SDL_TEXTINPUT event), at `at`.
    std::vector<BurstOutput> on_text(std::string_view utf8, Millis at);
    // Return / keypad Enter pressed at `at`.
    std::vector<BurstOutput> on_enter(Millis at);
    // Releases held characters as Typed once `now` is more than max_gap after the last key.
    std::vector<BurstOutput> poll(Millis now);
    // When poll() should next be called (nullopt: nothing held).
    std::optional<Millis> next_deadline() const;
    // Drops anything held (e.g. on a screen change).
    void reset();

    const BurstOptions& options() const { return options_; }

  private:
    BurstOptions options_;
    std::string held_;
    size_t held_chars_ = 0;  // code points in held_
    Millis last_key_{0};
};

}  // namespace kiosk::scanner
