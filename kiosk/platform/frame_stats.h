#pragma once
// Frame-time statistics for benchmarks: CPU time from the start of a frame to after present.
#include <cstdint>
#include <vector>

namespace kiosk::platform {

struct FrameTimeSummary {
    std::uint64_t frames = 0;
    double mean_ms = 0, p50_ms = 0, p95_ms = 0, p99_ms = 0, max_ms = 0;
};

class FrameStats {
  public:
    void add(double ms);
    FrameTimeSummary summary() const;

  private:
    static constexpr std::size_t kKeep = 100000;  // newest frames kept for percentiles
    std::vector<double> samples_;
    std::size_t next_ = 0;
    std::uint64_t frames_ = 0;
    double max_ms_ = 0;
};

}  // namespace kiosk::platform
