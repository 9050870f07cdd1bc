#include "ticket_store.h"

#include <nlohmann/json.hpp>

#include "store_schema.h"

namespace kiosk {

int64_t to_us(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}
TimePoint from_us(int64_t us) {
    return TimePoint(
        std::chrono::duration_cast<TimePoint::duration>(std::chrono::microseconds(us)));
}

TicketStore::TicketStore(const std::string& path) : db_(std::make_unique<SqliteDb>(path)) {
    migrate();
}

void TicketStore::migrate() {
    migrate_store(*db_);
}

Ticket read_ticket_columns(const Statement& s, const std::string& db_path) {
    Ticket t;
    t.id = s.column_int(0);
    t.business_date = s.column_text(1);
    t.service_id = s.column_text(2);
    t.sequence = static_cast<int>(s.column_int(3));
    t.number = s.column_text(4);
    t.priority = s.column_int(5) != 0;
    const auto state = ticket_state_from_string(s.column_text(6));
    if (!state)
        throw StoreError(db_path + ": ticket " + std::to_string(t.id) + " has unknown state '" +
                         s.column_text(6) + "'");
    t.state = *state;
    t.reserved_at = from_us(s.column_int(7));
    if (auto us = s.column_opt_int(8)) t.issued_at = from_us(*us);
    t.void_reason = s.column_text(9);
    t.print_unconfirmed = s.column_int(10) != 0;
    return t;
}

ReserveResult TicketStore::reserve(const ReserveRequest& req) {
    const ServiceConfig& svc = *req.service;
    const std::string date = local_date_iso(req.now);
    Transaction tx(*db_);
    int last = 0;
    {
        Statement q(*db_,
                    "SELECT last_seq FROM sequences WHERE business_date=?1 AND service_id=?2");
        q.bind(1, date).bind(2, svc.id);
        if (q.step()) last = static_cast<int>(q.column_int(0));
    }
    if (last >= svc.daily_cap) return {std::nullopt, ReserveError::DailyCapReached};
    const int seq = last + 1;
    Statement(*db_,
              "INSERT INTO sequences(business_date, service_id, last_seq) VALUES(?1, ?2, ?3) "
              "ON CONFLICT(business_date, service_id) DO UPDATE SET last_seq=excluded.last_seq")
        .bind(1, date)
        .bind(2, svc.id)
        .bind(3, int64_t{seq})
        .run();

    Reservation r;
    r.ticket.business_date = date;
    r.ticket.service_id = svc.id;
    r.ticket.sequence = seq;
    r.ticket.number = format_ticket_number(svc, seq);
    r.ticket.priority = req.priority;
    r.ticket.state = TicketState::Reserved;
    r.ticket.reserved_at = req.now;
    Statement(*db_,
              "INSERT INTO tickets(business_date, service_id, sequence, number, priority, state, "
              "reserved_at_us) "
              "VALUES(?1, ?2, ?3, ?4, ?5, 'reserved', ?6)")
        .bind(1, date)
        .bind(2, svc.id)
        .bind(3, int64_t{seq})
        .bind(4, r.ticket.number)
        .bind(5, int64_t{req.priority})
        .bind(6, to_us(req.now))
        .run();
    r.ticket.id = db_->last_insert_id();

    // Strict priority order: a priority ticket waits only behind earlier priority tickets.
    Statement ahead(*db_,
                    "SELECT COUNT(*) FROM tickets WHERE business_date=?1 AND service_id=?2 "
                    "AND state='issued' AND (?3 = 0 OR priority = 1)");
    ahead.bind(1, date).bind(2, svc.id).bind(3, int64_t{req.priority});
    ahead.step();
    r.people_ahead = static_cast<int>(ahead.column_int(0));
    tx.commit();
    return {std::move(r), ReserveError::None};
}

void TicketStore::set_state(int64_t id, TicketState from_a, TicketState from_b, TicketState to) {
    Statement s(*db_, "UPDATE tickets SET state=?1 WHERE id=?2 AND state IN (?3, ?4)");
    s.bind(1, std::string(to_string(to))).bind(2, id);
    s.bind(3, std::string(to_string(from_a))).bind(4, std::string(to_string(from_b)));
    s.run();
    if (sqlite3_changes(db_->handle()) != 1)
        throw StoreError(db_->path() + ": ticket " + std::to_string(id) + " cannot move to " +
                         to_string(to) + " (not in state " + to_string(from_a) + "/" +
                         to_string(from_b) + ")");
}

void TicketStore::mark_printing(int64_t id) {
    Transaction tx(*db_);
    set_state(id, TicketState::Reserved, TicketState::Reserved, TicketState::Printing);
    tx.commit();
}

void TicketStore::mark_issued(int64_t id, TimePoint now, bool print_unconfirmed) {
    Transaction tx(*db_);
    set_state(id, TicketState::Printing, TicketState::Reserved, TicketState::Issued);
    Statement(*db_, "UPDATE tickets SET issued_at_us=?1, print_unconfirmed=?2 WHERE id=?3")
        .bind(1, to_us(now))
        .bind(2, print_unconfirmed ? 1 : 0)
        .bind(3, id)
        .run();
    append_event("ticket.issued", *ticket(id), now, "");
    tx.commit();
}

void TicketStore::mark_void(int64_t id, const std::string& reason, TimePoint now) {
    Transaction tx(*db_);
    set_state(id, TicketState::Reserved, TicketState::Printing, TicketState::Void);
    Statement(*db_, "UPDATE tickets SET void_reason=?1 WHERE id=?2")
        .bind(1, reason)
        .bind(2, id)
        .run();
    append_event("ticket.voided", *ticket(id), now, reason);
    tx.commit();
}

std::vector<RecoveredTicket> TicketStore::recover_interrupted(TimePoint now) {
    std::vector<RecoveredTicket> out;
    Transaction tx(*db_);
    std::vector<Ticket> open;
    {
        Statement q(*db_, (std::string("SELECT ") + kTicketColumns +
                           " FROM tickets WHERE state IN ('reserved','printing') ORDER BY id")
                              .c_str());
        while (q.step())
            open.push_back(read_ticket_columns(q, db_->path()));
    }
    for (const Ticket& t : open) {
        if (t.state == TicketState::Reserved) {
            const std::string reason = "kiosk stopped before the ticket was sent to the printer";
            Statement(*db_, "UPDATE tickets SET state='void', void_reason=?1 WHERE id=?2")
                .bind(1, reason)
                .bind(2, t.id)
                .run();
            append_event("ticket.voided", t, now, reason);
            out.push_back({t, TicketState::Void});
        } else {
            // Bytes may have reached the printer: the citizen may hold this ticket, so honour it.
            Statement(*db_,
                      "UPDATE tickets SET state='issued', issued_at_us=?1, print_unconfirmed=1 "
                      "WHERE id=?2")
                .bind(1, to_us(now))
                .bind(2, t.id)
                .run();
            append_event("ticket.issued", t, now, "");
            out.push_back({t, TicketState::Issued});
        }
    }
    tx.commit();
    return out;
}

void TicketStore::append_event(const std::string& type, const Ticket& t, TimePoint now,
                               const std::string& reason) {
    nlohmann::json j = {
        {"ticket_id", t.id},  {"business_date", t.business_date}, {"service_id", t.service_id},
        {"number", t.number}, {"priority", t.priority},           {"at", iso8601_local(now)},
    };
    if (!reason.empty()) j["reason"] = reason;
    if (t.print_unconfirmed || t.state == TicketState::Printing) j["print_unconfirmed"] = true;
    insert_outbox_event(*db_, type, j.dump(), now);
}

std::optional<Ticket> TicketStore::find_by_number(const std::string& business_date,
                                                  const std::string& number) const {
    Statement q(*db_, (std::string("SELECT ") + kTicketColumns +
                       " FROM tickets WHERE business_date=?1 AND number=?2")
                          .c_str());
    q.bind(1, business_date).bind(2, number);
    if (!q.step()) return std::nullopt;
    return read_ticket_columns(q, db_->path());
}

std::optional<Ticket> TicketStore::last_issued(const std::string& business_date) const {
    Statement q(*db_, (std::string("SELECT ") + kTicketColumns +
                       " FROM tickets WHERE business_date=?1 AND issued_at_us IS NOT NULL "
                       "AND state <> 'void' ORDER BY issued_at_us DESC, id DESC LIMIT 1")
                          .c_str());
    q.bind(1, business_date);
    if (!q.step()) return std::nullopt;
    return read_ticket_columns(q, db_->path());
}

int TicketStore::people_ahead_of(const Ticket& t) const {
    if (t.state != TicketState::Issued) return 0;
    // The same order as reserve(): priority tickets first, then by issue order.
    Statement q(*db_,
                "SELECT COUNT(*) FROM tickets WHERE business_date=?1 AND service_id=?2 "
                "AND state='issued' AND id<>?3 AND (priority > ?4 OR "
                "(priority = ?4 AND (reserved_at_us < ?5 OR (reserved_at_us = ?5 AND id < ?3))))");
    q.bind(1, t.business_date).bind(2, t.service_id).bind(3, t.id);
    q.bind(4, int64_t{t.priority}).bind(5, to_us(t.reserved_at));
    q.step();
    return static_cast<int>(q.column_int(0));
}

void TicketStore::record_reprint(int64_t id, TimePoint now) {
    Transaction tx(*db_);
    const auto t = ticket(id);
    if (!t) throw StoreError(db_->path() + ": no ticket " + std::to_string(id) + " to reprint");
    append_event("ticket.reprinted", *t, now, "");
    tx.commit();
}

std::vector<Ticket> TicketStore::tickets_of_day(const std::string& business_date) const {
    std::vector<Ticket> out;
    Statement q(*db_, (std::string("SELECT ") + kTicketColumns +
                       " FROM tickets WHERE business_date=?1 ORDER BY reserved_at_us, id")
                          .c_str());
    q.bind(1, business_date);
    while (q.step())
        out.push_back(read_ticket_columns(q, db_->path()));
    return out;
}

std::optional<Ticket> TicketStore::ticket(int64_t id) const {
    Statement q(*db_,
                (std::string("SELECT ") + kTicketColumns + " FROM tickets WHERE id=?1").c_str());
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return read_ticket_columns(q, db_->path());
}

std::map<std::string, int> TicketStore::waiting_counts(const std::string& business_date) const {
    std::map<std::string, int> out;
    Statement q(
        *db_,
        "SELECT service_id, COUNT(*) FROM tickets WHERE business_date=?1 AND state='issued' "
        "GROUP BY service_id");
    q.bind(1, business_date);
    while (q.step())
        out[q.column_text(0)] = static_cast<int>(q.column_int(1));
    return out;
}

std::map<std::string, int> TicketStore::issued_counts(const std::string& business_date) const {
    std::map<std::string, int> out;
    Statement q(*db_, "SELECT service_id, last_seq FROM sequences WHERE business_date=?1");
    q.bind(1, business_date);
    while (q.step())
        out[q.column_text(0)] = static_cast<int>(q.column_int(1));
    return out;
}

std::optional<double> TicketStore::mean_service_seconds(const std::string& service_id,
                                                        int window) const {
    Statement q(*db_,
                "SELECT AVG(d) FROM (SELECT (served_at_us - called_at_us) AS d FROM tickets "
                "WHERE service_id=?1 AND state='served' AND called_at_us IS NOT NULL "
                "AND served_at_us > called_at_us ORDER BY served_at_us DESC LIMIT ?2)");
    q.bind(1, service_id).bind(2, int64_t{window});
    if (!q.step()) return std::nullopt;
    const auto avg_us = q.column_opt_double(0);
    if (!avg_us) return std::nullopt;
    return *avg_us / 1e6;
}

}  // namespace kiosk
