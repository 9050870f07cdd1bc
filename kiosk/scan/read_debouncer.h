#pragma once
// One read per presentation of a code to the camera. A receipt held up for two seconds is seen
// on ~30 frames: only the first sighting is delivered. A payload is re-armed once it has been out
// of view for `rearm_after` (~1 s). A receipt carries a QR code AND a Code 128 with the same
// dossier code: when a frame shows a symbol already active (seen within rearm_after), the other
// symbols on that frame are taken as the same presentation and not delivered either.
// Pure logic with explicit timestamps (the frames' capture times); not thread-safe.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::scan {

class ReadDebouncer {
  public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit ReadDebouncer(std::chrono::milliseconds rearm_after = std::chrono::milliseconds(1000))
        : rearm_after_(rearm_after) {}

    // `payloads`: what one frame showed, in order of preference (QR code first). Returns the
    // index of the payload to deliver, or nullopt (nothing new, or part of a presentation
    // already delivered).
    std::optional<size_t> on_frame(const std::vector<std::string>& payloads, TimePoint at);
    void reset();  // forget everything (the camera was restarted)

  private:
    std::chrono::milliseconds rearm_after_;
    std::map<std::string, TimePoint> last_seen_;
};

}  // namespace kiosk::scan
