#pragma once
// Issue-and-print as a state machine over the durable store:
//   reserve (durable) → build slip → mark printing (durable) → print → issued | void.
// The printer is reached only through a callback, so this stays free of drivers and I/O.
#include <functional>
#include <optional>
#include <string>

#include "clock.h"
#include "config.h"
#include "ticket.h"
#include "ticket_store.h"

namespace kiosk {

struct PrintAttempt {
    bool ok = false;
    bool bytes_sent = false;  // some of the job may have reached the printer
    // Every byte was taken but the printer never confirmed the job: the ticket is most likely
    // on paper, so the number is honoured (flagged print_unconfirmed) rather than voided.
    bool whole_job_sent = false;
    std::string error_code;  // short machine word: "connect_failed", "write_timeout", …
    std::string detail;      // precise cause for the log and staff
    // What the citizen is told (Vietnamese, English); empty = the app's generic wording.
    std::string citizen_vi;
    std::string citizen_en;

    static PrintAttempt printed() { return {true, true, true, {}, {}, {}, {}}; }
    static PrintAttempt failed(std::string code, std::string why, bool some_bytes_sent = false) {
        return {false, some_bytes_sent, false, std::move(code), std::move(why), {}, {}};
    }
};

using PrintFn = std::function<PrintAttempt(const TicketSlip&)>;

enum class IssueStatus { Issued, PrintFailed, DailyCapReached, UnknownService, StoreFailed };

struct IssueOutcome {
    IssueStatus status = IssueStatus::StoreFailed;
    std::optional<Ticket> ticket;
    TicketSlip slip;
    int people_ahead = 0;
    int wait_minutes = 0;
    PrintAttempt attempt;  // the printer's answer, when printing was tried
    // Issued although the printer did not confirm the job (attempt.whole_job_sent): the screen
    // tells the citizen to ask staff for a reprint if no ticket came out.
    bool print_unconfirmed = false;
    std::string detail;  // log text for failures
};

class TicketIssuer {
  public:
    TicketIssuer(TicketStore& store, const KioskConfig& config, const Clock& clock);

    // `on_reserved` (optional) sees the number as soon as it is durably reserved, before
    // printing starts, so the screen can show it during "Đang in vé…".
    IssueOutcome issue(const std::string& service_id, bool priority, const PrintFn& print,
                       const std::function<void(const IssueOutcome&)>& on_reserved = {});

    int wait_minutes_for(const ServiceConfig& service, int people_ahead) const;

    // The slip of an existing ticket for a staff copy: same number, QR and issue time, with the
    // queue position as it is now and the "BẢN IN LẠI" mark. nullopt for a service no longer in
    // the config.
    std::optional<TicketSlip> reprint_slip(const Ticket& ticket) const;

  private:
    TicketSlip make_slip(const ServiceConfig& service, const Reservation& r,
                         int wait_minutes) const;

    TicketStore& store_;
    const KioskConfig& config_;
    const Clock& clock_;
};

const char* to_string(IssueStatus s);

}  // namespace kiosk
