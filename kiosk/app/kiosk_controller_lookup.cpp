// KioskController's part of the dossier lookup: building the LookupFlow on the controller's
// worker and routing scanner reads to it. The flow itself is lookup_flow.cpp.
#include "kiosk/app/kiosk_controller.h"

namespace kiosk::app {

void KioskController::enable_lookup(DossierLookupFn lookup, SlipPrintFn print_slip) {
    LookupFlowOptions o;
    o.lookup = std::move(lookup);
    o.print_slip = print_slip;
    print_slip_ = std::move(print_slip);  // the procedure guide's checklist uses it too
    o.post = [this](std::function<void()> job) { worker_.post(std::move(job)); };
    o.db_path = db_path_;
    o.wake = [this] { wake(); };
    lookup_ = std::make_unique<LookupFlow>(config_, clock_, std::move(o));
}

void KioskController::on_scan(const std::string& payload) {
    bool rating = false;
    {
        std::lock_guard lock(mutex_);
        // A scan on the home screen opens the lookup at once; on the rating screen it is the
        // ticket to rate; while a ticket prints or on the staff screens it is ignored.
        rating = screen_ == ui::Screen::Rating;
        if (!rating && (issuing_ || (screen_ != ui::Screen::Home && screen_ != ui::Screen::Lookup)))
            return;
        last_activity_ = clock_.now();
        if (screen_ == ui::Screen::Home) {
            screen_ = ui::Screen::Lookup;
            lookup_->open();
        }
    }
    // Outside mutex_: the flows wake the UI, which takes it.
    if (rating)
        rating_->on_scan(payload);
    else
        lookup_->on_scan(payload);
}

void KioskController::set_camera_available(bool available) {
    lookup_->set_camera_available(available);
    rating_->set_camera_available(available);
}

bool KioskController::scan_stage_shown() const {
    {
        std::lock_guard lock(mutex_);
        if (screen_ == ui::Screen::Rating)  // the ticket's QR can be shown to the camera
            return rating_->view().stage == ui::RatingStage::Entry;
        if (screen_ != ui::Screen::Lookup || issuing_) return false;
    }
    // The factor stage shows the camera box too (the ID card's QR answers it).
    const ui::LookupStage stage = lookup_->view().stage;  // the flow has its own lock
    return stage == ui::LookupStage::Scan || stage == ui::LookupStage::Factor;
}

}  // namespace kiosk::app
