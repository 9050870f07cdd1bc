#pragma once
// The counters' side of the queue: calling, recalling, no-shows, holds, transfers, pauses.
// Each action is one BEGIN IMMEDIATE transaction on its own connection to queue.db, so two
// counters (or two processes) never get the same ticket, and each writes its outbox event in the
// same transaction. Expected outcomes (nobody waiting, counter paused) come back as QueueError,
// never as exceptions; StoreError is thrown only when SQLite itself fails.
// Not thread-safe: one CallQueue per thread, or a mutex around it (the hub does that).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clock.h"
#include "config.h"
#include "sqlite_db.h"
#include "ticket.h"

namespace kiosk {

enum class QueueError {
    None,
    CounterUnknown,   // not a counter of any service in the config
    ServiceUnknown,   // transfer to a field the office does not have
    NothingWaiting,   // no waiting ticket for this counter
    TicketNotFound,   // no ticket with that number today in a callable state
    CounterPaused,    // next / call on a paused counter
    NoCurrentTicket,  // recall / no-show / hold / finish / transfer with nobody called
};
const char* to_string(QueueError e);  // "nothing_waiting" (same words as docs/lan-api.md)

enum class CallKind { Call, Recall };

struct CallEntry {
    int64_t seq = 0;  // calls.seq: strictly increasing
    int64_t ticket_id = 0;
    std::string number;
    std::string service_id;
    int counter = 0;
    CallKind kind = CallKind::Call;
    bool priority = false;
    TimePoint at{};
};

struct CounterStatus {
    int number = 0;
    std::vector<std::string> services;  // fields it serves (config order)
    bool paused = false;
    std::string pause_reason;
    std::optional<Ticket> current;  // state Called
    std::vector<Ticket> held;       // held by this counter, today
    int served_today = 0;
};

struct QueueActionResult {
    QueueError error = QueueError::None;
    std::optional<Ticket> ticket;    // the ticket the action concerned, after the action
    std::optional<CallEntry> call;   // written by next / call_number / recall
    bool priority_call = false;      // next / call_number picked a priority ticket (log it)
    bool dropped = false;            // no_show: the ticket missed too often and left the queue
    std::optional<Ticket> finished;  // next / call_number: the previous ticket, now served
    int other_counter = 0;           // call_number took a ticket held by this other counter
    bool ok() const { return error == QueueError::None; }
};

struct QueueSnapshot {
    std::string business_date;
    std::vector<std::pair<std::string, int>> waiting;  // per service, config order
    std::vector<CounterStatus> counters;               // ascending
    std::vector<CallEntry> recent_calls;               // newest first
    int64_t last_call_seq = 0;
};

struct CallQueueOptions {
    PriorityPolicy policy = PriorityPolicy::Strict;
    int priority_every = 3;
    int max_no_shows = 2;
    // A citizen who missed a call is not called again at once (they are probably still on
    // their way): the ticket waits as if it had been issued this long after the missed call,
    // but never loses its original place to people who came later than that.
    std::chrono::seconds no_show_grace{180};
    static CallQueueOptions from(const HubConfig& hub) {
        return {hub.priority_policy, hub.priority_every, hub.max_no_shows,
                std::chrono::seconds(hub.no_show_grace_s)};
    }
};

// Reads only: usable on any connection to the file (the hub's event streams use their own).
class QueueView {
  public:
    QueueView(SqliteDb& db, const KioskConfig& config);

    QueueSnapshot snapshot(TimePoint now, int recent_calls) const;
    std::optional<CounterStatus> counter(int number, TimePoint now) const;
    std::vector<std::pair<std::string, int>> waiting(TimePoint now) const;
    std::vector<CallEntry> calls_after(int64_t seq, int limit) const;  // ascending
    std::vector<CallEntry> recent_calls(int limit) const;              // newest first
    int64_t last_call_seq() const;
    std::optional<Ticket> ticket(int64_t id) const;
    std::optional<Ticket> ticket_by_number(const std::string& business_date,
                                           const std::string& number) const;

    const std::vector<int>& counter_numbers() const { return counter_numbers_; }
    const std::vector<std::string>& services_of(int counter) const;  // empty if unknown

  private:
    friend class CallQueue;
    Ticket read_ticket(const Statement& s) const;

    SqliteDb& db_;
    const KioskConfig& config_;
    std::vector<int> counter_numbers_;
    std::map<int, std::vector<std::string>> services_;
};

class CallQueue {
  public:
    // Opens its own connection (busy_timeout set) and registers the config's counters.
    CallQueue(const std::string& path, const KioskConfig& config, CallQueueOptions options);
    ~CallQueue();

    // Finishes the counter's current ticket (served), then calls the next waiting ticket:
    // first those transferred to this counter, then by the priority policy.
    QueueActionResult call_next(int counter, TimePoint now);
    QueueActionResult recall(int counter, TimePoint now);
    // Back to its place in the line; dropped (NoShow) once it missed more than max_no_shows.
    QueueActionResult no_show(int counter, TimePoint now);
    QueueActionResult hold(int counter, TimePoint now);
    QueueActionResult finish(int counter, TimePoint now);
    // To another field (to_service non-empty) or to one counter (to_counter ≠ 0); keeps the
    // number and the issue time, so it waits in its original place.
    QueueActionResult transfer(int counter, const std::string& to_service, int to_counter,
                               TimePoint now);
    // Calls a specific waiting or held ticket of today by its printed number.
    QueueActionResult call_number(int counter, const std::string& number, TimePoint now);
    QueueActionResult pause(int counter, const std::string& reason, TimePoint now);
    QueueActionResult resume(int counter, TimePoint now);

    const QueueView& view() const { return *view_; }
    SqliteDb& db() { return *db_; }

  private:
    int64_t grace_us() const {
        return std::chrono::duration_cast<std::chrono::microseconds>(options_.no_show_grace)
            .count();
    }
    struct CounterRow;
    std::optional<CounterRow> counter_row(int counter);
    QueueActionResult start_action(int counter, CounterRow& row);
    std::optional<Ticket> finish_current(const CounterRow& row, TimePoint now);
    QueueActionResult call_ticket(int counter, const Ticket& t, TimePoint now);
    std::optional<Ticket> pick_next(int counter, int priority_streak, bool& priority_pick,
                                    TimePoint now);
    void append_event(const std::string& type, const Ticket& t, int counter, TimePoint now,
                      const std::string& extra_json);
    void record_call(int counter, const Ticket& t, CallKind kind, TimePoint now,
                     QueueActionResult& r);

    std::unique_ptr<SqliteDb> db_;
    const KioskConfig& config_;
    CallQueueOptions options_;
    std::unique_ptr<QueueView> view_;
};

}  // namespace kiosk
