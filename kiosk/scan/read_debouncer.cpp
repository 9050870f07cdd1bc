#include "kiosk/scan/read_debouncer.h"

namespace kiosk::scan {

std::optional<size_t> ReadDebouncer::on_frame(const std::vector<std::string>& payloads,
                                              TimePoint at) {
    // Forget codes that have been out of view long enough: showing them again is a new read.
    for (auto it = last_seen_.begin(); it != last_seen_.end();) {
        it = (at - it->second > rearm_after_) ? last_seen_.erase(it) : std::next(it);
    }
    bool presentation_active = false;
    for (const auto& payload : payloads) {
        if (last_seen_.count(payload)) presentation_active = true;
    }
    std::optional<size_t> deliver;
    for (size_t i = 0; i < payloads.size(); ++i) {
        if (!presentation_active && !deliver && !last_seen_.count(payloads[i])) deliver = i;
        last_seen_[payloads[i]] = at;
    }
    return deliver;
}

void ReadDebouncer::reset() {
    last_seen_.clear();
}

}  // namespace kiosk::scan
