#pragma once
// The calling board's logic: fed by the hub's live stream (HubEventStream calls on_hub_event on
// its own thread), it keeps the latest call, the history and the waiting counts, highlights a
// new call for a few seconds and hands every live call or recall to the voice. The UI thread
// only reads view_model(); each event wakes it.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/board/board_view_model.h"
#include "kiosk/core/announcement.h"
#include "kiosk/core/clock.h"
#include "kiosk/hub/hub_client.h"

namespace kiosk::board {

// Office settings for the board. Unset fields follow the hub (its [board] / [voice]), so one
// config on the hub governs every board; a board's own --config can override them.
struct BoardSettings {
    std::optional<int> recent_calls;
    std::optional<std::string> notice_vi, notice_en;
    std::optional<bool> voice_enabled;
    std::optional<NumberReading> reading;
    std::optional<int> repeat;
    std::chrono::milliseconds highlight{8000};  // a new call blinks this long
    // Calls replayed after a reconnect are spoken only if they are this recent; older ones go
    // straight into the history (nobody is still waiting for them to be announced).
    std::chrono::seconds announce_max_age{90};
};

struct BoardCallAnnouncement {
    std::string number;
    int counter = 0;
    bool recall = false;
    AnnouncementStyle style;
};
using AnnounceFn = std::function<void(const BoardCallAnnouncement&)>;

class BoardController {
  public:
    BoardController(BoardSettings settings, const Clock& clock);

    void set_waker(std::function<void()> wake);
    void set_announcer(AnnounceFn announce);  // before events arrive

    void on_hub_event(const hub::HubEvent& event);  // any thread

    BoardViewModel view_model() const;
    // Next minute of the clock, or the next blink step while a call is highlighted.
    std::optional<std::chrono::milliseconds> next_change_in() const;

    // For tests and logs.
    int64_t last_seq() const;
    bool connected() const;

  private:
    void add_call_locked(const hub::CallRecord& call, bool live);
    void apply_snapshot_locked(const hub::HubState& state);
    int history_size_locked() const;
    AnnouncementStyle style_locked() const;

    BoardSettings settings_;
    const Clock& clock_;
    mutable std::mutex mutex_;
    BoardLink link_ = BoardLink::Connecting;
    std::string office_vi_, office_en_;
    std::vector<hub::CallRecord> calls_;  // newest first, one entry per ticket
    std::vector<hub::ServiceWaiting> services_;
    int64_t last_seq_ = 0;
    std::chrono::microseconds hub_skew_{0};
    int hub_recent_calls_ = 6;
    std::string hub_notice_vi_, hub_notice_en_;
    bool hub_voice_enabled_ = true;
    NumberReading hub_reading_ = NumberReading::North;
    int hub_repeat_ = 1;
    std::optional<TimePoint> highlight_until_;
    std::function<void()> wake_;
    AnnounceFn announce_;
};

}  // namespace kiosk::board
