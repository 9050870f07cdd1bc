#pragma once
// The durable queue: ticket numbers, their states, and the outbox of events for the central
// server, all in one SQLite file so a state change and the event that reports it commit together.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "outbox.h"
#include "sqlite_db.h"
#include "ticket.h"

namespace kiosk {

struct ReserveRequest {
    const ServiceConfig* service = nullptr;
    bool priority = false;
    TimePoint now{};
};

struct Reservation {
    Ticket ticket;
    int people_ahead = 0;  // waiting tickets that will be called before this one
};

enum class ReserveError { None, DailyCapReached };

struct ReserveResult {
    std::optional<Reservation> reservation;
    ReserveError error = ReserveError::None;
};

// What start-up recovery did with reservations a crash left behind.
struct RecoveredTicket {
    Ticket ticket;
    TicketState resolved_to;
};

class TicketStore {
  public:
    explicit TicketStore(const std::string& path);

    // Takes the next number of the service for the local day of `now`, durably. Numbers are
    // never reused, whatever happens to the ticket afterwards.
    ReserveResult reserve(const ReserveRequest& request);
    // The printer is about to receive the ticket: from here on it may exist on paper.
    void mark_printing(int64_t id);
    // print_unconfirmed: the printer took the whole job but never confirmed it.
    void mark_issued(int64_t id, TimePoint now, bool print_unconfirmed = false);
    // Only before any byte went out, or when the print is known to have failed.
    void mark_void(int64_t id, const std::string& reason, TimePoint now);

    // Resolves tickets left RESERVED or PRINTING by a crash: RESERVED never reached the printer
    // and is voided; PRINTING may be on paper, so it is honoured as issued and flagged.
    std::vector<RecoveredTicket> recover_interrupted(TimePoint now);

    // Staff reprint: the ticket as printed, found by its number (the day's latest issued one
    // when `number` is empty). Never returns void or unfinished tickets' copies as printable:
    // callers check the state.
    std::optional<Ticket> find_by_number(const std::string& business_date,
                                         const std::string& number) const;
    std::optional<Ticket> last_issued(const std::string& business_date) const;
    // Waiting tickets of the same service that will be called before `t`.
    int people_ahead_of(const Ticket& t) const;
    // A staff copy was printed: records the outbox event `ticket.reprinted`.
    void record_reprint(int64_t id, TimePoint now);

    std::vector<Ticket> tickets_of_day(const std::string& business_date) const;
    std::optional<Ticket> ticket(int64_t id) const;
    std::map<std::string, int> waiting_counts(const std::string& business_date) const;
    std::map<std::string, int> issued_counts(const std::string& business_date) const;  // incl. void
    // Mean of the last `window` service durations (called → served) of a service, if any.
    std::optional<double> mean_service_seconds(const std::string& service_id, int window) const;

    const std::string& path() const { return db_->path(); }

  private:
    void migrate();
    void append_event(const std::string& type, const Ticket& t, TimePoint now,
                      const std::string& extra_json_fields);
    void set_state(int64_t id, TicketState from_a, TicketState from_b, TicketState to);

    std::unique_ptr<SqliteDb> db_;
};

int64_t to_us(TimePoint t);
TimePoint from_us(int64_t us);

// The ticket columns every reader selects first, in this order (the queue adds its own after).
inline constexpr const char* kTicketColumns =
    "id, business_date, service_id, sequence, number, priority, state, reserved_at_us, "
    "issued_at_us, void_reason, print_unconfirmed";
// Reads those columns of the current row; StoreError (naming `db_path`) for an unknown state.
Ticket read_ticket_columns(const Statement& s, const std::string& db_path);

}  // namespace kiosk
