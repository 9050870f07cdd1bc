#pragma once
// Touch and mouse → ImGui 1.86, one pointer state per frame. The 1.86 SDL backend polls SDL's
// mouse state, which is dead on the dummy driver, ignores SDL_FINGER* and leaves buttons hovered
// after a finger lifts. So the runner lets the backend run, then overwrites io.MousePos /
// io.MouseDown[0] from this queue (between ImGui_ImplSDL2_NewFrame() and ImGui::NewFrame()).
// Every press gets a move-only frame first (the 1.86 "teleporting cursor" fix) and every touch
// release is followed by a frame with no pointer (hover-release rule). Scripted taps use the
// same queue, so tests exercise the same path as fingers.
#include <deque>

#include <SDL.h>
#include <imgui.h>

namespace kiosk::platform {

class PointerInput {
  public:
    // Feeds one SDL event (mouse, finger, window leave); returns true when it was pointer input.
    // Finger coordinates are normalised by SDL; `width`/`height` are the window size in pixels.
    bool handle_event(const SDL_Event& event, int width, int height);
    // Queues a complete tap at (x, y): move there, press, release, move away — one frame each.
    void queue_tap(float x, float y);
    // Writes the next queued pointer state (or the last one again) into io.
    void apply(ImGuiIO& io);
    // True while queued frames remain: the runner must keep rendering until they are consumed.
    bool busy() const { return !queue_.empty(); }

  private:
    enum class Kind { Move, Press, Drag, Release, Away };
    struct Step {
        Kind kind;
        bool present;  // false: no pointer over the window
        float x, y;
        bool down;
    };
    const Step& last() const { return queue_.empty() ? current_ : queue_.back(); }
    void push(const Step& step);
    void press(float x, float y);
    void release(float x, float y, bool lift_away);

    std::deque<Step> queue_;
    Step current_{Kind::Away, false, 0, 0, false};
    bool finger_active_ = false;
    SDL_FingerID finger_ = 0;
};

}  // namespace kiosk::platform
