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

#include "kiosk/app/worker.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/config.h"
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
    std::function<void()> wake_;
    std::function<void()> outbox_listener_;

    // Touched only on the worker thread.
    std::unique_ptr<TicketStore> store_;
    std::unique_ptr<TicketIssuer> issuer_;
    Worker worker_;  // last: destroyed (joined) first
};

}  // namespace kiosk::app
