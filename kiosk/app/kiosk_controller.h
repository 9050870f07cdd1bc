#pragma once
// The kiosk's screen flow and queue wiring. The UI thread calls view_model(), handle() and
// tick(); every store and printer operation runs on the worker thread, which updates the state
// under the mutex and wakes the UI loop.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/lookup_flow.h"
#include "kiosk/app/procedure_flow.h"
#include "kiosk/app/rating_flow.h"
#include "kiosk/app/staff_pin.h"
#include "kiosk/app/staff_services.h"
#include "kiosk/app/worker.h"
#include "kiosk/core/catalog.h"
#include "kiosk/core/catalog_services.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
#include "kiosk/core/office_hours.h"
#include "kiosk/core/ticket_issuer.h"
#include "kiosk/core/ticket_store.h"
#include "kiosk/ui/view_model.h"

namespace kiosk::app {

class KioskController {
  public:
    KioskController(const KioskConfig& config, std::string db_path, const Clock& clock,
                    PrintFn print);
    ~KioskController();

    // Opens the store and resolves reservations a crash left behind (on the worker).
    void start();
    void set_waker(std::function<void()> wake);
    // Called on the worker after every commit that wrote outbox events (issue, void, recovery),
    // e.g. to wake the sync link. Set before start().
    void set_outbox_listener(std::function<void()> listener) {
        outbox_listener_ = std::move(listener);
    }

    // The staff screen's devices (printer status, paper, test page, sync). Without them the
    // staff screen still opens (reprint and counts) but shows no device state. Set before start().
    void set_staff_services(StaffServices* services) { staff_services_ = services; }

    // Dossier lookup (kiosk_controller_lookup.cpp): the server's lookup and the slip printer.
    // Without it the lookup screen works from the offline cache only. Set before start().
    void enable_lookup(DossierLookupFn lookup, SlipPrintFn print_slip);
    // A payload from any scanner (evdev, serial, SDL keyboard burst, camera, script `scan`),
    // on any thread: on the home or lookup screen it goes to the lookup, on the rating screen to
    // the rating; elsewhere it is ignored.
    void on_scan(const std::string& payload);
    // A camera is configured: the scan screen shows its preview area (call after enable_lookup).
    void set_camera_available(bool available);
    // True while the lookup's scan or second-factor stage is on screen (both show the camera
    // box): the camera should be running.
    bool scan_stage_shown() const;

    // The queue changed elsewhere (a counter called through the hub): refresh the waiting
    // counts the screens show.
    void queue_changed();

    // The office catalogue (kiosk_controller_catalog.cpp): from the cache or the configured file
    // at start, then each new version the sync link accepts. Any thread.
    void set_catalog(std::shared_ptr<const Catalog> catalog);
    // The config as written (before any catalogue; outlives the controller) and the warnings
    // from applying the start-up catalogue: each new catalogue's routing is compared with the
    // running one, and the warnings go to the staff screen. Set before start().
    void set_catalog_start(const KioskConfig* configured, std::vector<CatalogWarning> warnings);

    ui::ViewModel view_model() const;
    void handle(const ui::Action& action);
    void tick();                      // timers: idle return, ticket countdown, day change
    TimePoint next_deadline() const;  // when the picture must change next without input
    void wait_idle();                 // blocks until queued store/printer work is done

  private:
    struct QueueSnapshot {
        std::map<std::string, int> waiting;
        std::map<std::string, int> issued;
        std::string business_date;
    };

    void go_home_locked();
    // Procedure guide (kiosk_controller_procedures.cpp).
    void make_procedure_flow();
    bool procedures_available_locked() const;
    void open_procedures_locked();
    void procedures_command(const ui::Action& action);
    // Satisfaction rating (kiosk_controller_rating.cpp).
    void make_rating_flow();
    bool rating_available_locked() const;
    // `number` empty: from the home screen; else the lookup's served ticket of today.
    void open_rating_locked(const std::string& number);
    // Staff screen (kiosk_controller_staff.cpp).
    void staff_corner_tap_locked();
    void staff_command(const std::string& command);
    void staff_pin_command_locked(const std::string& command);
    void staff_post(std::function<void()> job);  // a printer/store job; busy until it ends
    void refresh_staff_on_worker(bool query_printer);
    void reprint_on_worker(const std::string& number);  // empty: the day's latest ticket
    void set_staff_result(std::string vi, std::string en, bool error);
    void poll_printer_on_worker();
    void fill_staff_view_locked(ui::ViewModel& vm) const;
    void select_service(const std::string& service_id);
    void refresh_snapshot_on_worker();
    void wake();

    const KioskConfig& config_;
    std::string db_path_;
    const Clock& clock_;
    PrintFn print_;

    mutable std::mutex mutex_;
    ui::Screen screen_ = ui::Screen::Home;
    ui::Language language_ = ui::Language::Vi;
    bool priority_ = false;
    ui::TicketView ticket_;
    bool issuing_ = false;
    std::optional<TimePoint> ticket_finished_at_;
    TimePoint last_activity_;
    QueueSnapshot snapshot_;
    std::string notice_vi_, notice_en_;
    bool store_ok_ = false;
    // A status-capable printer reported a fault: "Lấy số" waits until a poll says it is ready
    // again, instead of voiding a number per citizen.
    bool printer_blocked_ = false;
    bool printer_trouble_ = false;  // the notice is about the printer: poll until it recovers
    TimePoint next_printer_poll_{};

    std::shared_ptr<const Catalog> catalog_;     // null until one is known
    const KioskConfig* configured_ = nullptr;    // before the catalogue (set_catalog_start)
    std::vector<CatalogWarning> catalog_notes_;  // staff screen: start-up warnings, restart note
    // Opening hours of the newest catalogue now (kiosk_controller_catalog.cpp); always issuing
    // without a catalogue or with [catalog] opening_hours = "ignore".
    OfficeHoursState hours_locked(TimePoint now) const;

    StaffServices* staff_services_ = nullptr;
    StaffPinGate pin_gate_;
    std::string pin_entry_;  // digits typed so far (never drawn, never logged)
    bool pin_wrong_ = false;
    std::vector<TimePoint> corner_taps_;
    ui::StaffView staff_;  // device and queue facts from the worker, plus the panel state
    bool staff_busy_ = false;
    std::function<void()> wake_;
    std::function<void()> outbox_listener_;

    // Touched only on the worker thread.
    std::unique_ptr<TicketStore> store_;
    std::unique_ptr<TicketIssuer> issuer_;
    std::unique_ptr<LookupFlow> lookup_;         // created in the constructor; uses worker_
    std::unique_ptr<ProcedureFlow> procedures_;  // created in the constructor; uses worker_
    SlipPrintFn print_slip_;  // status and checklist slips (enable_lookup); used on the worker
    std::unique_ptr<RatingFlow> rating_;  // created in the constructor; uses worker_
    Worker worker_;                       // last: destroyed (joined) first
};

}  // namespace kiosk::app
