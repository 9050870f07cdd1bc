// KioskController's part of the satisfaction rating: building the RatingFlow on the controller's
// worker, when the home button shows, and opening the screen. The flow itself is rating_flow.cpp.
#include "kiosk/app/kiosk_controller.h"

namespace kiosk::app {

void KioskController::make_rating_flow() {
    RatingFlowOptions o;
    o.post = [this](std::function<void()> job) { worker_.post(std::move(job)); };
    o.db_path = db_path_;
    o.wake = [this] { wake(); };
    // The rating's outbox event is committed: the sync link sends it.
    o.on_recorded = [this] {
        if (outbox_listener_) outbox_listener_();
    };
    rating_ = std::make_unique<RatingFlow>(config_, clock_, std::move(o));
}

bool KioskController::rating_available_locked() const {
    // Only where counters serve this queue.db ([rating] in config/README.md), and only while the
    // store works (the rating is written to it).
    return config_.rating.enabled && store_ok_;
}

void KioskController::open_rating_locked(const std::string& number) {
    if (issuing_ || !rating_available_locked()) return;
    if (number.empty()) {
        if (screen_ != ui::Screen::Home) return;
        screen_ = ui::Screen::Rating;
        rating_->open();
        return;
    }
    // "Đánh giá" on the lookup's ticket place: the citizen's ticket was just read there.
    if (screen_ != ui::Screen::Lookup) return;
    lookup_->reset();
    screen_ = ui::Screen::Rating;
    rating_->open_for(number);
}

}  // namespace kiosk::app
