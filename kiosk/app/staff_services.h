#pragma once
// What the staff screen asks of the kiosk's devices: the printer's state (with a fresh status
// query when asked), "a new roll is loaded", a test page, and the sync link's status. The
// printer calls run on the controller's worker (the printer's one owner thread); the health
// snapshot for heartbeats may be read from any thread.
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "drivers/printer/print_outcome.h"
#include "kiosk/core/config.h"
#include "kiosk/core/ticket_issuer.h"
#include "kiosk/sync/api_client.h"
#include "kiosk/sync/sync_service.h"

namespace kiosk::app {

class TicketPrinter;
class SyncLink;

struct PrinterSnapshot {
    bool ready = true;  // no known fault
    printer::PrintFault fault = printer::PrintFault::None;
    bool status_supported = false;  // the printer answers status queries
    std::string words_vi, words_en;  // staff words for the state: "hết giấy — thay cuộn giấy mới"
    std::string detail;              // precise cause (for staff and logs)
    std::string transport;       // "tcp://10.0.0.9:9100"
    bool paper_counter = false;  // software counter in use (write-only printers)
    int paper_left_mm = 0;
    int paper_roll_mm = 0;
    bool paper_low = false;  // counter or sensor says the roll is nearly done
};

class StaffServices {
  public:
    virtual ~StaffServices() = default;
    // Worker thread. query_now: ask the printer (DLE EOT) instead of reporting the last state.
    virtual PrinterSnapshot printer_snapshot(bool query_now) = 0;
    virtual void paper_loaded() = 0;                                  // worker thread
    virtual PrintAttempt print_test_page() = 0;                       // worker thread
    virtual std::optional<sync::SyncStatus> sync_status() const = 0;  // nullopt: no [sync]
};

// The real devices. Keeps the latest printer snapshot for heartbeats (health()).
class DeviceStaffServices final : public StaffServices {
  public:
    DeviceStaffServices(const KioskConfig& config, TicketPrinter& printer,
                        const SyncLink* sync = nullptr);

    PrinterSnapshot printer_snapshot(bool query_now) override;
    void paper_loaded() override;
    PrintAttempt print_test_page() override;
    std::optional<sync::SyncStatus> sync_status() const override;

    void set_sync(const SyncLink* sync) { sync_ = sync; }
    // Called (on the worker) when the printer or paper word of the heartbeat changes, e.g. to
    // record a `printer.status` event. The first snapshot only sets the baseline unless the
    // printer is already in trouble.
    void set_on_change(
        std::function<void(const sync::KioskHealth&, const std::string& detail)> cb) {
        on_change_ = std::move(cb);
    }
    // Printer and paper words for the heartbeat (any thread): printer ready|offline|error,
    // paper ok|low|out|unknown.
    sync::KioskHealth health() const;

  private:
    const KioskConfig& config_;
    TicketPrinter& printer_;
    const SyncLink* sync_;
    mutable std::mutex mutex_;
    PrinterSnapshot last_;
    std::optional<sync::KioskHealth> reported_;  // words of the last change reported
    std::function<void(const sync::KioskHealth&, const std::string&)> on_change_;
};

// The heartbeat's printer and paper words for a snapshot.
sync::KioskHealth health_of(const PrinterSnapshot& snapshot);

}  // namespace kiosk::app
