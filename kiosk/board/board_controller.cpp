#include "kiosk/board/board_controller.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiosk::board {
namespace {

using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

int64_t us_of(TimePoint t) {
    return duration_cast<microseconds>(t.time_since_epoch()).count();
}

constexpr milliseconds kBlinkStep{500};

}  // namespace

BoardController::BoardController(BoardSettings settings, const Clock& clock)
    : settings_(std::move(settings)), clock_(clock) {}

void BoardController::set_waker(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void BoardController::set_announcer(AnnounceFn announce) {
    std::lock_guard lock(mutex_);
    announce_ = std::move(announce);
}

int BoardController::history_size_locked() const {
    return std::clamp(settings_.recent_calls.value_or(hub_recent_calls_), 1, 20);
}

AnnouncementStyle BoardController::style_locked() const {
    return {settings_.reading.value_or(hub_reading_),
            std::clamp(settings_.repeat.value_or(hub_repeat_), 1, kMaxRepeat)};
}

void BoardController::add_call_locked(const hub::CallRecord& call, bool live) {
    if (call.seq <= last_seq_ && live) return;  // seen already (replay overlap)
    last_seq_ = std::max(last_seq_, call.seq);
    // One line per ticket: a recall moves the number back to the top instead of doubling it.
    std::erase_if(calls_, [&](const hub::CallRecord& c) {
        return c.ticket_id == call.ticket_id ||
               (c.number == call.number && c.counter == call.counter);
    });
    calls_.insert(calls_.begin(), call);
    const auto keep = static_cast<std::size_t>(history_size_locked() + 1);  // latest + history
    if (calls_.size() > keep) calls_.resize(keep);
    if (!live) return;

    const TimePoint now = clock_.now();
    const int64_t age_us = us_of(now) + hub_skew_.count() - call.at_us;
    const bool fresh = call.at_us == 0 ||
                       age_us <= duration_cast<microseconds>(settings_.announce_max_age).count();
    if (!fresh) {
        spdlog::info("board: call {} → counter {} is {} s old: shown, not announced", call.number,
                     call.counter, age_us / 1'000'000);
        return;
    }
    highlight_until_ = now + settings_.highlight;
    const bool voice = settings_.voice_enabled.value_or(hub_voice_enabled_);
    if (voice && announce_)
        announce_({call.number, call.counter, call.kind == "recall", style_locked()});
}

void BoardController::apply_snapshot_locked(const hub::HubState& s) {
    office_vi_ = s.office_name_vi;
    office_en_ = s.office_name_en;
    services_ = s.services;
    hub_recent_calls_ = s.board_recent_calls;
    hub_notice_vi_ = s.notice_vi;
    hub_notice_en_ = s.notice_en;
    hub_voice_enabled_ = s.voice_enabled;
    if (auto r = parse_number_reading(s.voice_reading)) hub_reading_ = *r;
    hub_repeat_ = s.voice_repeat;
    if (s.now_us > 0) hub_skew_ = microseconds(s.now_us - us_of(clock_.now()));
    // The snapshot's history is the truth (a new day starts empty); replayed calls that came
    // just before it are in it too.
    calls_.clear();
    for (auto it = s.recent_calls.rbegin(); it != s.recent_calls.rend(); ++it)
        add_call_locked(*it, false);
    last_seq_ = std::max(last_seq_, s.last_call_seq);
}

void BoardController::on_hub_event(const hub::HubEvent& e) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        switch (e.kind) {
            case hub::HubEvent::Kind::Connected:
                break;  // the snapshot that follows brings the state
            case hub::HubEvent::Kind::Disconnected:
                if (link_ != BoardLink::Reconnecting)
                    spdlog::warn("board: queue hub stream lost: {}", e.detail);
                link_ = BoardLink::Reconnecting;
                break;
            case hub::HubEvent::Kind::Snapshot:
                if (link_ != BoardLink::Connected) spdlog::info("board: queue hub connected");
                link_ = BoardLink::Connected;
                apply_snapshot_locked(e.snapshot);
                break;
            case hub::HubEvent::Kind::Call:
                add_call_locked(e.call, true);
                break;
            case hub::HubEvent::Kind::Waiting:
                services_ = e.waiting;
                break;
            case hub::HubEvent::Kind::Counter:
                return;  // counters' inner state is not the board's business
        }
        wake = wake_;
    }
    if (wake) wake();
}

BoardViewModel BoardController::view_model() const {
    std::lock_guard lock(mutex_);
    BoardViewModel vm;
    const TimePoint now = clock_.now();
    const LocalDateTime t = to_local(now);
    vm.year = t.year, vm.month = t.month, vm.day = t.day, vm.weekday = t.weekday;
    vm.hour = t.hour, vm.minute = t.minute;
    vm.office_name_vi = office_vi_;
    vm.office_name_en = office_en_;
    vm.link = link_;
    for (std::size_t i = 0; i < calls_.size(); ++i) {
        const hub::CallRecord& c = calls_[i];
        BoardCallView v{c.number, c.counter, c.kind == "recall", c.priority};
        if (i == 0) {
            vm.has_latest = true;
            vm.latest = v;
        } else {
            vm.recent.push_back(v);
        }
    }
    vm.highlight = vm.has_latest && highlight_until_ && now < *highlight_until_;
    for (const auto& s : services_)
        vm.fields.push_back({s.name_vi, s.name_en, s.waiting});
    vm.notice_vi = settings_.notice_vi.value_or(hub_notice_vi_);
    vm.notice_en = settings_.notice_en.value_or(hub_notice_en_);
    return vm;
}

std::optional<milliseconds> BoardController::next_change_in() const {
    const TimePoint now = clock_.now();
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
    milliseconds next(60'000 - ms % 60'000);
    std::lock_guard lock(mutex_);
    if (highlight_until_ && now < *highlight_until_) next = std::min(next, kBlinkStep);
    return next;
}

int64_t BoardController::last_seq() const {
    std::lock_guard lock(mutex_);
    return last_seq_;
}

bool BoardController::connected() const {
    std::lock_guard lock(mutex_);
    return link_ == BoardLink::Connected;
}

}  // namespace kiosk::board
