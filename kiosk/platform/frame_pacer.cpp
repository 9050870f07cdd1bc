#include "kiosk/platform/frame_pacer.h"

#include <algorithm>

namespace kiosk::platform {

int FramePacer::wait_ms(Clock::time_point now) const {
    if (pending_ > 0) return 0;
    auto wait = max_wait_;
    if (deadline_) {
        if (now >= *deadline_) return 0;
        // Round up so we wake just after the deadline, not 1 ms before it (which would spin).
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline_ - now);
        wait = std::min(wait, left);
    }
    return static_cast<int>(std::max<std::chrono::milliseconds::rep>(wait.count(), 0));
}

}  // namespace kiosk::platform
