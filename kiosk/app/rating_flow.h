#pragma once
// The satisfaction rating flow (notes/domain.md §12): the ticket's QR or its typed number →
// the five levels → an optional reason for the two low levels → thanks → home. The UI thread
// (and scanner threads) call open/on_scan/handle/view; every store read and write runs on the
// app worker through `post`, and answers update the state under a mutex and wake the UI loop.
// Nothing here blocks the caller.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/app/lookup_flow.h"  // JobPoster
#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/ui/rating_view.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::app {

struct RatingFlowOptions {
    JobPoster post;       // required: runs store jobs on the worker, in order
    std::string db_path;  // the kiosk's queue.db
    std::function<void()> wake;
    // Called on the worker after a rating and its outbox event committed (wakes the sync link).
    std::function<void()> on_recorded;
    // A repeated read of the same payload within this window is ignored (camera frames, scanner
    // double reads).
    std::chrono::milliseconds repeat_window{3000};
};

class RatingFlow {
  public:
    RatingFlow(const KioskConfig& config, const Clock& clock, RatingFlowOptions options);
    ~RatingFlow();  // answers arriving later are dropped
    RatingFlow(const RatingFlow&) = delete;
    RatingFlow& operator=(const RatingFlow&) = delete;

    // Home → the entry stage, fresh.
    void open();
    // Straight to today's ticket `number` (the lookup showed it served): checks it on the worker.
    void open_for(const std::string& number);
    // Back home: forgets the number and the level.
    void reset();
    // A payload from a scanner, the camera or a script (`scan`), on any thread.
    void on_scan(std::string_view payload);
    // ActionType::Rating (args in kiosk/ui/rating_view.h); others are ignored.
    void handle(const ui::Action& action);
    void set_camera_available(bool available);

    ui::RatingView view() const;
    // The thanks screen has been shown for [rating] thanks_s.
    bool thanks_expired(TimePoint now) const;
    // Left alone for the idle timeout (never while a store job is in flight).
    bool idle_expired(TimePoint now) const;
    // When the picture must change next without input (thanks countdown, idle return).
    TimePoint next_deadline() const;
    bool busy() const;  // a check or a save is in flight

    struct State;

  private:
    std::shared_ptr<State> s_;
};

}  // namespace kiosk::app
