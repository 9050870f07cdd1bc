#pragma once
// The dossier lookup flow (issue 5): scan screen → looking up → result, with the second factor,
// the offline cache, the kiosk's own ticket QR and the status slip. The UI thread (and scanner
// threads) call open/on_scan/handle/view; the dossier request runs on the sync lookup thread;
// cache, ticket and printer work runs on the app worker (the thread that owns the printer).
// Answers update the state under a mutex and wake the UI loop. Nothing here blocks the caller.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/core/mono_bitmap.h"
#include "kiosk/core/ticket_issuer.h"
#include "kiosk/sync/sync_service.h"
#include "kiosk/ui/lookup_view.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::app {

// SyncService::lookup's shape: the answer comes back through `done`, on another thread.
using DossierLookupFn =
    std::function<void(const std::string& code, const std::string& factor_kind,
                       const std::string& factor, std::function<void(const sync::LookupResult&)>)>;
// Runs a job on the worker that owns the store and the printer (in order, never inline on the
// UI thread in the product; tests may run it inline).
using JobPoster = std::function<void(std::function<void()>)>;
// Prints a rendered slip through the kiosk's printer path; called on that worker.
using SlipPrintFn = std::function<PrintAttempt(const MonoBitmap&, const std::string& code)>;

struct LookupFlowOptions {
    DossierLookupFn lookup;  // empty: no dossier server configured (cache only)
    JobPoster post;          // required
    SlipPrintFn print_slip;  // empty: printing reports a failure
    std::string db_path;     // the kiosk store: dossier cache + today's tickets; "" = neither
    std::function<void()> wake;
    // A repeated read of the same payload within this window is ignored (a camera sees the
    // same QR on every frame; a scanner may double-read).
    std::chrono::milliseconds repeat_window{3000};
};

class LookupFlow {
  public:
    LookupFlow(const KioskConfig& config, const Clock& clock, LookupFlowOptions options);
    ~LookupFlow();  // answers arriving later are dropped
    LookupFlow(const LookupFlow&) = delete;
    LookupFlow& operator=(const LookupFlow&) = delete;

    // Home → the scan screen, fresh.
    void open();
    // Back home: forgets the code, the factor and the answer (nothing personal stays on screen).
    void reset();
    // A payload read by a scanner, the camera or a script (`scan`), on any thread.
    void on_scan(std::string_view payload);
    // LookupKey, LookupSubmit, LookupPrintSlip, LookupAgain, LookupRetry; others are ignored.
    void handle(const ui::Action& action);
    void set_camera_available(bool available);

    ui::LookupView view() const;
    // The screen has been left alone for the idle timeout (never while a request is in flight
    // or a slip is printing).
    bool idle_expired(TimePoint now) const;
    // When idle_expired() turns true (for the UI loop's deadline).
    TimePoint idle_deadline() const;
    // True while a request or a print is in flight (tests and shutdown).
    bool busy() const;

    struct State;

  private:
    std::shared_ptr<State> s_;
};

}  // namespace kiosk::app
