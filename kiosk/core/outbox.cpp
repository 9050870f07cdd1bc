#include "outbox.h"

#include "store_schema.h"
#include "ticket_store.h"

namespace kiosk {

Outbox::Outbox(const std::string& db_path) : db_(open_store(db_path)) {}
Outbox::~Outbox() = default;

std::string Outbox::append(const std::string& type, const std::string& payload_json,
                           TimePoint now) {
    Transaction tx(*db_);
    std::string uuid = insert_outbox_event(*db_, type, payload_json, now);
    tx.commit();
    return uuid;
}

std::vector<OutboxEvent> Outbox::pending(int limit) const {
    std::vector<OutboxEvent> out;
    Statement q(
        *db_,
        "SELECT seq, uuid, type, payload, created_at_us FROM outbox WHERE sent_at_us IS NULL "
        "ORDER BY seq LIMIT ?1");
    q.bind(1, int64_t{limit});
    while (q.step())
        out.push_back({q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3),
                       from_us(q.column_int(4))});
    return out;
}

int Outbox::mark_done(const std::vector<OutboxAck>& acks, TimePoint now) {
    if (acks.empty()) return 0;
    int changed = 0;
    Transaction tx(*db_);
    for (const auto& ack : acks) {
        Statement u(*db_,
                    "UPDATE outbox SET sent_at_us=?1, reject_reason=?2 WHERE uuid=?3 AND "
                    "sent_at_us IS NULL");
        u.bind(1, to_us(now));
        if (ack.rejected)
            u.bind(2, ack.reason.empty() ? std::string("rejected") : ack.reason);
        else
            u.bind_null(2);
        u.bind(3, ack.uuid);
        u.run();
        changed += sqlite3_changes(db_->handle());
    }
    tx.commit();
    return changed;
}

int64_t Outbox::depth() const {
    Statement q(*db_, "SELECT COUNT(*) FROM outbox WHERE sent_at_us IS NULL");
    q.step();
    return q.column_int(0);
}

int64_t Outbox::rejected_count() const {
    Statement q(*db_, "SELECT COUNT(*) FROM outbox WHERE reject_reason IS NOT NULL");
    q.step();
    return q.column_int(0);
}

int64_t Outbox::prune_sent(TimePoint before) {
    Transaction tx(*db_);
    Statement(*db_,
              "DELETE FROM outbox WHERE sent_at_us IS NOT NULL AND reject_reason IS NULL AND "
              "sent_at_us < ?1")
        .bind(1, to_us(before))
        .run();
    const int64_t n = sqlite3_changes(db_->handle());
    tx.commit();
    return n;
}

}  // namespace kiosk
