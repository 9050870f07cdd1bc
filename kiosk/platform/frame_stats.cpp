#include "kiosk/platform/frame_stats.h"

#include <algorithm>
#include <numeric>

namespace kiosk::platform {

void FrameStats::add(double ms) {
    ++frames_;
    max_ms_ = std::max(max_ms_, ms);
    if (samples_.size() < kKeep) {
        samples_.push_back(ms);
    } else {
        samples_[next_] = ms;
        next_ = (next_ + 1) % kKeep;
    }
}

FrameTimeSummary FrameStats::summary() const {
    FrameTimeSummary s;
    s.frames = frames_;
    if (samples_.empty()) return s;
    std::vector<double> sorted = samples_;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double q) {
        return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
    };
    s.mean_ms =
        std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(sorted.size());
    s.p50_ms = at(0.50);
    s.p95_ms = at(0.95);
    s.p99_ms = at(0.99);
    s.max_ms = max_ms_;
    return s;
}

}  // namespace kiosk::platform
