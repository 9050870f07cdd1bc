#pragma once
// The procedure guide (issue 4: the cached catalogue on the kiosk): the fields a kiosk service
// serves → a field's procedures, or a search typed on the A–Z keyboard → one procedure's
// documents, time and fee → a queue ticket for it, or its documents checklist on paper.
// The UI thread calls open/handle/view (search runs inline: ~2 000 procedures take well under a
// millisecond); the checklist slip is rendered and printed on the app worker (the thread that
// owns the printer), whose answer updates the state under the flow's mutex and wakes the UI.
// Lock order: the controller's mutex may be held when calling in; the flow never calls out
// while holding its own.
#include <functional>
#include <memory>
#include <string>

#include "kiosk/app/lookup_flow.h"  // JobPoster, SlipPrintFn
#include "kiosk/core/catalog.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/ui/procedure_view.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::app {

struct ProcedureFlowOptions {
    JobPoster post;          // required: printer jobs on the worker, in order
    SlipPrintFn print_slip;  // empty: printing reports a failure
    std::function<void()> wake;
};

// What ProcedureFlow::handle asks the controller to do.
struct ProcedureRequest {
    std::string issue_service_id;  // non-empty: take a ticket for this service (select_service)
};

class ProcedureFlow {
  public:
    ProcedureFlow(const KioskConfig& config, const Clock& clock, ProcedureFlowOptions options);
    ~ProcedureFlow();  // a checklist being printed finishes; its outcome is dropped
    ProcedureFlow(const ProcedureFlow&) = delete;
    ProcedureFlow& operator=(const ProcedureFlow&) = delete;

    // True when `catalog` has at least one procedure of a field a kiosk service serves (the
    // home button is shown then). Cheap after the first call per catalogue.
    bool available(const std::shared_ptr<const Catalog>& catalog) const;
    // Home → the fields list of `catalog`, fresh. False (nothing changes) when not available.
    bool open(std::shared_ptr<const Catalog> catalog);
    // Back home: forgets the query and the open procedure.
    void reset();
    // ActionType::Procedures (args in kiosk/ui/procedure_view.h); others are ignored.
    ProcedureRequest handle(const ui::Action& action);

    ui::ProcedureView view() const;
    bool printing() const;  // a checklist slip is being rendered or printed

    struct State;

  private:
    std::shared_ptr<State> s_;
};

}  // namespace kiosk::app
