#pragma once
// Power saving: decide when to render and how long the loop may block. After any input or wake
// the UI renders `settle_frames` frames (hover, layout and pop-ups settle), then sleeps until the
// next deadline (clock minute, countdown, animation) or the cap. A deadline that merely arrives
// renders one frame: nothing moved under a finger.
#include <chrono>
#include <optional>

namespace kiosk::platform {

class FramePacer {
  public:
    using Clock = std::chrono::steady_clock;

    explicit FramePacer(int settle_frames = 3,
                        std::chrono::milliseconds max_wait = std::chrono::seconds(5))
        : settle_frames_(settle_frames), max_wait_(max_wait) {}

    void on_input() { pending_ = settle_frames_; }  // event or wake(): render a few frames
    void on_deadline() {
        if (pending_ < 1) pending_ = 1;
    }
    bool should_render() const { return pending_ > 0; }
    void frame_rendered() {
        if (pending_ > 0) --pending_;
    }

    // After a frame: when the picture must change next (nullopt: never by itself).
    void set_next_change(Clock::time_point now, std::optional<std::chrono::milliseconds> in) {
        deadline_ = in ? std::optional(now + *in) : std::nullopt;
    }
    bool deadline_passed(Clock::time_point now) const { return deadline_ && now >= *deadline_; }

    // How long the loop may block in SDL_WaitEventTimeout: 0 while frames are pending, else
    // until the deadline, at most the cap (so periodic work such as watchdog pings still runs).
    int wait_ms(Clock::time_point now) const;

  private:
    int settle_frames_;
    std::chrono::milliseconds max_wait_;
    int pending_ = 0;
    std::optional<Clock::time_point> deadline_;
};

}  // namespace kiosk::platform
