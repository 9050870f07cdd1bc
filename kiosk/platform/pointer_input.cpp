#include "kiosk/platform/pointer_input.h"

#include <cfloat>

namespace kiosk::platform {

void PointerInput::push(const Step& step) {
    // Consecutive moves (or drags) collapse into the newest one; presses and releases never do.
    if (!queue_.empty() && queue_.back().kind == step.kind &&
        (step.kind == Kind::Move || step.kind == Kind::Drag || step.kind == Kind::Away)) {
        queue_.back() = step;
        return;
    }
    queue_.push_back(step);
}

void PointerInput::press(float x, float y) {
    const Step& prev = last();
    if (!prev.present || prev.x != x || prev.y != y) push({Kind::Move, true, x, y, false});
    push({Kind::Press, true, x, y, true});
}

void PointerInput::release(float x, float y, bool lift_away) {
    push({Kind::Release, true, x, y, false});
    if (lift_away) push({Kind::Away, false, 0, 0, false});
}

bool PointerInput::handle_event(const SDL_Event& e, int width, int height) {
    switch (e.type) {
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return true;  // fingers handled below
            if (e.motion.state & SDL_BUTTON_LMASK) {
                push({Kind::Drag, true, float(e.motion.x), float(e.motion.y), true});
            } else {
                push({Kind::Move, true, float(e.motion.x), float(e.motion.y), false});
            }
            return true;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                return true;
            press(float(e.button.x), float(e.button.y));
            return true;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                return true;
            release(float(e.button.x), float(e.button.y), false);  // a real mouse may hover
            return true;
        case SDL_FINGERDOWN:
            if (finger_active_) return true;  // one finger drives the UI; others are ignored
            finger_active_ = true;
            finger_ = e.tfinger.fingerId;
            press(e.tfinger.x * float(width), e.tfinger.y * float(height));
            return true;
        case SDL_FINGERMOTION:
            if (finger_active_ && e.tfinger.fingerId == finger_)
                push({Kind::Drag, true, e.tfinger.x * float(width), e.tfinger.y * float(height),
                      true});
            return true;
        case SDL_FINGERUP:
            if (finger_active_ && e.tfinger.fingerId == finger_) {
                finger_active_ = false;
                release(e.tfinger.x * float(width), e.tfinger.y * float(height), true);
            }
            return true;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_LEAVE && !last().down) {
                push({Kind::Away, false, 0, 0, false});
                return true;
            }
            return false;
        default:
            return false;
    }
}

void PointerInput::queue_tap(float x, float y) {
    press(x, y);
    release(x, y, true);
}

void PointerInput::apply(ImGuiIO& io) {
    if (!queue_.empty()) {
        current_ = queue_.front();
        queue_.pop_front();
    }
    io.MousePos = current_.present ? ImVec2(current_.x, current_.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = current_.down;
}

}  // namespace kiosk::platform
