// KioskController's part of the dossier lookup: building the LookupFlow on the controller's
// worker and routing scanner reads to it. The flow itself is lookup_flow.cpp.
#include "kiosk/app/kiosk_controller.h"

namespace kiosk::app {

void KioskController::enable_lookup(DossierLookupFn lookup, SlipPrintFn print_slip) {
    LookupFlowOptions o;
    o.lookup = std::move(lookup);
    o.print_slip = std::move(print_slip);
    o.post = [this](std::function<void()> job) { worker_.post(std::move(job)); };
    o.db_path = db_path_;
    o.wake = [this] { wake(); };
    lookup_ = std::make_unique<LookupFlow>(config_, clock_, std::move(o));
}

void KioskController::on_scan(const std::string& payload) {
    {
        std::lock_guard lock(mutex_);
        // A scan on the home screen opens the lookup at once; while a ticket prints or on the
        // staff screens it is ignored (nobody is looking at a lookup there).
        if (issuing_ || (screen_ != ui::Screen::Home && screen_ != ui::Screen::Lookup)) return;
        last_activity_ = clock_.now();
        if (screen_ == ui::Screen::Home) {
            screen_ = ui::Screen::Lookup;
            lookup_->open();
        }
    }
    lookup_->on_scan(payload);  // outside mutex_: the flow wakes the UI, which takes it
}

void KioskController::set_camera_available(bool available) {
    lookup_->set_camera_available(available);
}

bool KioskController::scan_stage_shown() const {
    {
        std::lock_guard lock(mutex_);
        if (screen_ != ui::Screen::Lookup || issuing_) return false;
    }
    // The factor stage shows the camera box too (the ID card's QR answers it).
    const ui::LookupStage stage = lookup_->view().stage;  // the flow has its own lock
    return stage == ui::LookupStage::Scan || stage == ui::LookupStage::Factor;
}

}  // namespace kiosk::app
