// KioskController's part of the procedure guide: building the ProcedureFlow on the controller's
// worker, when the home button shows, opening the screen and taking a ticket for a procedure
// through the service picker's path. The flow itself is procedure_flow.cpp.
#include "kiosk/app/kiosk_controller.h"

namespace kiosk::app {

void KioskController::make_procedure_flow() {
    ProcedureFlowOptions o;
    o.post = [this](std::function<void()> job) { worker_.post(std::move(job)); };
    // print_slip_ is set by enable_lookup before start(); read on the worker only.
    o.print_slip = [this](const MonoBitmap& slip, const std::string& code) {
        return print_slip_ ? print_slip_(slip, code)
                           : PrintAttempt::failed("no_printer", "no slip printer wired");
    };
    o.wake = [this] { wake(); };
    procedures_ = std::make_unique<ProcedureFlow>(config_, clock_, std::move(o));
}

bool KioskController::procedures_available_locked() const {
    // A catalogue with at least one procedure of a field this kiosk's services serve.
    return procedures_->available(catalog_);
}

void KioskController::open_procedures_locked() {
    if (issuing_ || screen_ != ui::Screen::Home) return;
    if (procedures_->open(catalog_)) screen_ = ui::Screen::Procedures;
}

void KioskController::procedures_command(const ui::Action& action) {
    const ProcedureRequest request = procedures_->handle(action);
    if (request.issue_service_id.empty()) return;
    {
        std::lock_guard lock(mutex_);
        // Same conditions as opening the picker: a working store and printer, one at a time.
        if (!store_ok_ || printer_blocked_ || issuing_ || screen_ != ui::Screen::Procedures) return;
        priority_ = false;
    }
    select_service(request.issue_service_id);
}

}  // namespace kiosk::app
