#pragma once
// The sync worker's view of the outbox: events committed with the state changes they report
// (TicketStore) or appended alone (printer status, ratings), read in order and marked done once
// the server acknowledged them. Opens its own connection to the kiosk's SQLite file; use it
// from one thread.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "clock.h"
#include "sqlite_db.h"

namespace kiosk {

struct OutboxEvent {
    int64_t seq = 0;
    std::string uuid;
    std::string type;     // "ticket.issued", "ticket.voided", "printer.status", …
    std::string payload;  // JSON object
    TimePoint created_at{};
};

// The server's verdict on one event: acknowledged (stored or duplicate) or rejected for good.
struct OutboxAck {
    std::string uuid;
    bool rejected = false;
    std::string reason;  // why it was rejected
};

class Outbox {
  public:
    explicit Outbox(const std::string& db_path);
    ~Outbox();

    // Appends an event in its own transaction; returns its UUID.
    std::string append(const std::string& type, const std::string& payload_json, TimePoint now);
    // The oldest events not yet acknowledged, in commit order.
    std::vector<OutboxEvent> pending(int limit) const;
    // Marks acknowledged / rejected events done in one transaction; unknown or already-done ids
    // are ignored (a replayed ack changes nothing). Returns how many rows changed.
    int mark_done(const std::vector<OutboxAck>& acks, TimePoint now);
    int64_t depth() const;           // events waiting for an ack
    int64_t rejected_count() const;  // events the server refused for good
    // Deletes acknowledged (not rejected) events older than `before`; returns how many.
    int64_t prune_sent(TimePoint before);

  private:
    std::unique_ptr<SqliteDb> db_;
};

}  // namespace kiosk
