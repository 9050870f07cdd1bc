#include "call_queue.h"

#include <nlohmann/json.hpp>

#include "store_schema.h"
#include "ticket_store.h"

namespace kiosk {
namespace {

// TicketStore's columns, then the counters' side of the ticket.
const std::string kColumns = std::string(kTicketColumns) +
                             ", counter, target_counter, no_shows, recalls, origin_service_id, "
                             "called_at_us";

std::string select_tickets(const std::string& where) {
    return std::string("SELECT ") + kColumns + " FROM tickets WHERE " + where;
}

constexpr const char* kCallColumns =
    "seq, ticket_id, number, service_id, counter, kind, priority, at_us";

CallEntry read_call(const Statement& s) {
    CallEntry c;
    c.seq = s.column_int(0);
    c.ticket_id = s.column_int(1);
    c.number = s.column_text(2);
    c.service_id = s.column_text(3);
    c.counter = static_cast<int>(s.column_int(4));
    c.kind = s.column_text(5) == "recall" ? CallKind::Recall : CallKind::Call;
    c.priority = s.column_int(6) != 0;
    c.at = from_us(s.column_int(7));
    return c;
}

QueueActionResult failed(QueueError e) {
    QueueActionResult r;
    r.error = e;
    return r;
}

// Earlier in the line: issue time, then id (reservation order) for equal times.
// Where a waiting ticket stands in the line: its issue time, or for a missed call the later of
// that and the missed call plus the grace period (the same rule as kQueueOrder in SQL).
int64_t queue_time_us(const Ticket& t, std::chrono::seconds grace) {
    const int64_t issued = t.issued_at ? to_us(*t.issued_at) : 0;
    if (t.no_shows > 0 && t.called_at) return std::max(issued, to_us(*t.called_at + grace));
    return issued;
}

bool before(const Ticket& a, const Ticket& b, std::chrono::seconds grace) {
    const int64_t ta = queue_time_us(a, grace), tb = queue_time_us(b, grace);
    return ta != tb ? ta < tb : a.id < b.id;
}

// ORDER BY for waiting tickets; ?9 is the no-show grace in microseconds.
constexpr const char* kQueueOrder =
    " ORDER BY (CASE WHEN no_shows > 0 AND called_at_us IS NOT NULL THEN "
    "MAX(issued_at_us, called_at_us + ?9) ELSE issued_at_us END), id LIMIT 1";

}  // namespace

const char* to_string(QueueError e) {
    switch (e) {
        case QueueError::None:
            return "ok";
        case QueueError::CounterUnknown:
            return "counter_unknown";
        case QueueError::ServiceUnknown:
            return "service_unknown";
        case QueueError::NothingWaiting:
            return "nothing_waiting";
        case QueueError::TicketNotFound:
            return "ticket_not_found";
        case QueueError::CounterPaused:
            return "counter_paused";
        case QueueError::NoCurrentTicket:
            return "no_current_ticket";
    }
    return "unknown";
}

// ---- QueueView -------------------------------------------------------------------------------

QueueView::QueueView(SqliteDb& db, const KioskConfig& config) : db_(db), config_(config) {
    for (const ServiceConfig& s : config.services)
        for (int n : s.counters)
            services_[n].push_back(s.id);
    for (const auto& [n, _] : services_)
        counter_numbers_.push_back(n);
}

const std::vector<std::string>& QueueView::services_of(int counter) const {
    static const std::vector<std::string> kNone;
    auto it = services_.find(counter);
    return it == services_.end() ? kNone : it->second;
}

Ticket QueueView::read_ticket(const Statement& s) const {
    Ticket t = read_ticket_columns(s, db_.path());
    t.counter = static_cast<int>(s.column_int(11));
    t.target_counter = static_cast<int>(s.column_int(12));
    t.no_shows = static_cast<int>(s.column_int(13));
    t.recalls = static_cast<int>(s.column_int(14));
    t.origin_service_id = s.column_text(15);
    if (auto us = s.column_opt_int(16)) t.called_at = from_us(*us);
    return t;
}

std::optional<Ticket> QueueView::ticket(int64_t id) const {
    Statement q(db_, select_tickets("id=?1").c_str());
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return read_ticket(q);
}

std::optional<Ticket> QueueView::ticket_by_number(const std::string& business_date,
                                                  const std::string& number) const {
    Statement q(db_, select_tickets("business_date=?1 AND number=?2").c_str());
    q.bind(1, business_date).bind(2, number);
    if (!q.step()) return std::nullopt;
    return read_ticket(q);
}

std::optional<CounterStatus> QueueView::counter(int number, TimePoint now) const {
    auto it = services_.find(number);
    if (it == services_.end()) return std::nullopt;
    CounterStatus c;
    c.number = number;
    c.services = it->second;
    std::optional<int64_t> current;
    {
        Statement q(db_,
                    "SELECT paused, pause_reason, current_ticket_id FROM counters WHERE number=?1");
        q.bind(1, int64_t{number});
        if (q.step()) {
            c.paused = q.column_int(0) != 0;
            c.pause_reason = q.column_text(1);
            current = q.column_opt_int(2);
        }
    }
    if (current) c.current = ticket(*current);
    const std::string date = local_date_iso(now);
    {
        Statement q(db_, select_tickets("business_date=?1 AND counter=?2 AND state='held' "
                                        "ORDER BY issued_at_us, id")
                             .c_str());
        q.bind(1, date).bind(2, int64_t{number});
        while (q.step())
            c.held.push_back(read_ticket(q));
    }
    Statement q(db_,
                "SELECT COUNT(*) FROM tickets WHERE business_date=?1 AND counter=?2 "
                "AND state='served'");
    q.bind(1, date).bind(2, int64_t{number});
    q.step();
    c.served_today = static_cast<int>(q.column_int(0));
    return c;
}

std::vector<std::pair<std::string, int>> QueueView::waiting(TimePoint now) const {
    std::map<std::string, int> counts;
    Statement q(db_,
                "SELECT service_id, COUNT(*) FROM tickets WHERE business_date=?1 "
                "AND state='issued' GROUP BY service_id");
    q.bind(1, local_date_iso(now));
    while (q.step())
        counts[q.column_text(0)] = static_cast<int>(q.column_int(1));
    std::vector<std::pair<std::string, int>> out;
    for (const ServiceConfig& s : config_.services)
        out.emplace_back(s.id, counts[s.id]);
    return out;
}

std::vector<CallEntry> QueueView::calls_after(int64_t seq, int limit) const {
    std::vector<CallEntry> out;
    Statement q(db_, (std::string("SELECT ") + kCallColumns +
                      " FROM calls WHERE seq > ?1 ORDER BY seq LIMIT ?2")
                         .c_str());
    q.bind(1, seq).bind(2, int64_t{limit});
    while (q.step())
        out.push_back(read_call(q));
    return out;
}

std::vector<CallEntry> QueueView::recent_calls(int limit) const {
    std::vector<CallEntry> out;
    Statement q(
        db_,
        (std::string("SELECT ") + kCallColumns + " FROM calls ORDER BY seq DESC LIMIT ?1").c_str());
    q.bind(1, int64_t{limit});
    while (q.step())
        out.push_back(read_call(q));
    return out;
}

int64_t QueueView::last_call_seq() const {
    Statement q(db_, "SELECT COALESCE(MAX(seq), 0) FROM calls");
    q.step();
    return q.column_int(0);
}

QueueSnapshot QueueView::snapshot(TimePoint now, int recent) const {
    QueueSnapshot s;
    s.business_date = local_date_iso(now);
    s.waiting = waiting(now);
    for (int n : counter_numbers_)
        s.counters.push_back(*counter(n, now));
    s.recent_calls = recent_calls(recent);
    s.last_call_seq = s.recent_calls.empty() ? last_call_seq() : s.recent_calls.front().seq;
    return s;
}

// ---- CallQueue -------------------------------------------------------------------------------

struct CallQueue::CounterRow {
    bool paused = false;
    std::optional<int64_t> current;
    int priority_streak = 0;  // normal calls since this counter's last priority call
};

CallQueue::CallQueue(const std::string& path, const KioskConfig& config, CallQueueOptions options)
    : db_(open_store(path)), config_(config), options_(options) {
    view_ = std::make_unique<QueueView>(*db_, config_);
    Transaction tx(*db_);
    for (int n : view_->counter_numbers())
        Statement(*db_, "INSERT OR IGNORE INTO counters(number) VALUES(?1)")
            .bind(1, int64_t{n})
            .run();
    tx.commit();
}

CallQueue::~CallQueue() = default;

std::optional<CallQueue::CounterRow> CallQueue::counter_row(int counter) {
    if (view_->services_of(counter).empty()) return std::nullopt;
    Statement q(*db_,
                "SELECT paused, current_ticket_id, priority_streak FROM counters WHERE number=?1");
    q.bind(1, int64_t{counter});
    CounterRow row;
    if (q.step()) {
        row.paused = q.column_int(0) != 0;
        row.current = q.column_opt_int(1);
        row.priority_streak = static_cast<int>(q.column_int(2));
    } else {  // configured after this file was last opened by a CallQueue
        Statement(*db_, "INSERT INTO counters(number) VALUES(?1)").bind(1, int64_t{counter}).run();
    }
    return row;
}

void CallQueue::append_event(const std::string& type, const Ticket& t, int counter, TimePoint now,
                             const std::string& extra_json) {
    nlohmann::json j = {
        {"ticket_id", t.id},          {"business_date", t.business_date},
        {"service_id", t.service_id}, {"number", t.number},
        {"priority", t.priority},     {"counter", counter},
        {"at", iso8601_local(now)},
    };
    if (!extra_json.empty()) j.update(nlohmann::json::parse(extra_json));
    insert_outbox_event(*db_, type, j.dump(), now);
}

void CallQueue::record_call(int counter, const Ticket& t, CallKind kind, TimePoint now,
                            QueueActionResult& r) {
    Statement(*db_,
              "INSERT INTO calls(ticket_id, number, service_id, counter, kind, priority, at_us) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, t.id)
        .bind(2, t.number)
        .bind(3, t.service_id)
        .bind(4, int64_t{counter})
        .bind(5, std::string(kind == CallKind::Call ? "call" : "recall"))
        .bind(6, int64_t{t.priority})
        .bind(7, to_us(now))
        .run();
    r.call = CallEntry{
        db_->last_insert_id(), t.id, t.number, t.service_id, counter, kind, t.priority, now};
}

std::optional<Ticket> CallQueue::finish_current(const CounterRow& row, TimePoint now) {
    if (!row.current) return std::nullopt;
    auto t = view_->ticket(*row.current);
    if (!t || t->state != TicketState::Called) return std::nullopt;
    Statement(*db_, "UPDATE tickets SET state='served', served_at_us=?1 WHERE id=?2")
        .bind(1, to_us(now))
        .bind(2, t->id)
        .run();
    t->state = TicketState::Served;
    append_event("ticket.served", *t, t->counter, now, "");
    return t;
}

std::optional<Ticket> CallQueue::pick_next(int counter, int priority_streak, bool& priority_pick,
                                           TimePoint now) {
    priority_pick = false;
    const std::string date = local_date_iso(now);
    {  // transferred to this counter: called here first, in issue order
        Statement q(*db_, select_tickets(std::string("business_date=?1 AND target_counter=?2 AND "
                                                     "state='issued'") +
                                         kQueueOrder)
                              .c_str());
        q.bind(1, date).bind(2, int64_t{counter}).bind(9, grace_us());
        if (q.step()) return view_->read_ticket(q);
    }
    std::optional<Ticket> normal, priority;
    const std::string sql =
        select_tickets(std::string("business_date=?1 AND service_id=?2 AND state='issued' AND "
                                   "target_counter=0 AND priority=?3") +
                       kQueueOrder);
    for (const std::string& service : view_->services_of(counter)) {
        for (int prio = 0; prio <= 1; ++prio) {
            Statement q(*db_, sql.c_str());
            q.bind(1, date).bind(2, service).bind(3, int64_t{prio}).bind(9, grace_us());
            if (!q.step()) continue;
            Ticket t = view_->read_ticket(q);
            auto& best = prio ? priority : normal;
            if (!best || before(t, *best, options_.no_show_grace)) best = std::move(t);
        }
    }
    if (!priority) return normal;
    const bool take_priority = options_.policy == PriorityPolicy::Strict || !normal ||
                               priority_streak >= options_.priority_every;
    if (!take_priority) return normal;
    priority_pick = true;
    return priority;
}

QueueActionResult CallQueue::call_ticket(int counter, const Ticket& picked, TimePoint now) {
    QueueActionResult r;
    Statement(*db_,
              "UPDATE tickets SET state='called', counter=?1, called_at_us=?2, target_counter=0 "
              "WHERE id=?3")
        .bind(1, int64_t{counter})
        .bind(2, to_us(now))
        .bind(3, picked.id)
        .run();
    Statement(*db_, "UPDATE counters SET current_ticket_id=?1 WHERE number=?2")
        .bind(1, picked.id)
        .bind(2, int64_t{counter})
        .run();
    Ticket t = picked;
    t.state = TicketState::Called;
    t.counter = counter;
    t.called_at = now;
    t.target_counter = 0;
    record_call(counter, t, CallKind::Call, now, r);
    append_event("ticket.called", t, counter, now, "");
    r.ticket = std::move(t);
    return r;
}

QueueActionResult CallQueue::call_next(int counter, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    if (row->paused) return failed(QueueError::CounterPaused);
    auto finished = finish_current(*row, now);
    Statement(*db_, "UPDATE counters SET current_ticket_id=NULL WHERE number=?1")
        .bind(1, int64_t{counter})
        .run();
    bool priority_pick = false;
    auto next = pick_next(counter, row->priority_streak, priority_pick, now);
    QueueActionResult r;
    if (next) {
        const bool transferred_here = next->target_counter == counter;
        r = call_ticket(counter, *next, now);
        r.priority_call = next->priority;
        if (!transferred_here) {
            const int streak = priority_pick ? 0 : row->priority_streak + 1;
            Statement(*db_, "UPDATE counters SET priority_streak=?1 WHERE number=?2")
                .bind(1, int64_t{streak})
                .bind(2, int64_t{counter})
                .run();
        }
    } else {
        r.error = QueueError::NothingWaiting;  // the finished ticket stays finished
    }
    r.finished = std::move(finished);
    tx.commit();
    return r;
}

QueueActionResult CallQueue::recall(int counter, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    auto t = row->current ? view_->ticket(*row->current) : std::nullopt;
    if (!t || t->state != TicketState::Called) return failed(QueueError::NoCurrentTicket);
    Statement(*db_, "UPDATE tickets SET recalls=recalls+1 WHERE id=?1").bind(1, t->id).run();
    ++t->recalls;
    QueueActionResult r;
    record_call(counter, *t, CallKind::Recall, now, r);
    append_event("ticket.recalled", *t, counter, now,
                 nlohmann::json{{"recalls", t->recalls}}.dump());
    r.ticket = std::move(t);
    tx.commit();
    return r;
}

QueueActionResult CallQueue::no_show(int counter, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    auto t = row->current ? view_->ticket(*row->current) : std::nullopt;
    if (!t || t->state != TicketState::Called) return failed(QueueError::NoCurrentTicket);
    QueueActionResult r;
    t->no_shows += 1;
    r.dropped = t->no_shows > options_.max_no_shows;
    if (r.dropped) {  // keeps its counter: the board history and reports say who tried
        Statement(*db_, "UPDATE tickets SET state='no_show', no_shows=?1 WHERE id=?2")
            .bind(1, int64_t{t->no_shows})
            .bind(2, t->id)
            .run();
        t->state = TicketState::NoShow;
    } else {  // back to its original place: issue time unchanged
        Statement(*db_, "UPDATE tickets SET state='issued', counter=0, no_shows=?1 WHERE id=?2")
            .bind(1, int64_t{t->no_shows})
            .bind(2, t->id)
            .run();
        t->state = TicketState::Issued;
        t->counter = 0;
    }
    Statement(*db_, "UPDATE counters SET current_ticket_id=NULL WHERE number=?1")
        .bind(1, int64_t{counter})
        .run();
    append_event("ticket.no_show", *t, counter, now,
                 nlohmann::json{{"no_shows", t->no_shows}, {"dropped", r.dropped}}.dump());
    r.ticket = std::move(t);
    tx.commit();
    return r;
}

QueueActionResult CallQueue::hold(int counter, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    auto t = row->current ? view_->ticket(*row->current) : std::nullopt;
    if (!t || t->state != TicketState::Called) return failed(QueueError::NoCurrentTicket);
    Statement(*db_, "UPDATE tickets SET state='held' WHERE id=?1").bind(1, t->id).run();
    Statement(*db_, "UPDATE counters SET current_ticket_id=NULL WHERE number=?1")
        .bind(1, int64_t{counter})
        .run();
    t->state = TicketState::Held;
    append_event("ticket.held", *t, counter, now, "");
    QueueActionResult r;
    r.ticket = std::move(t);
    tx.commit();
    return r;
}

QueueActionResult CallQueue::finish(int counter, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    auto finished = finish_current(*row, now);
    if (!finished) return failed(QueueError::NoCurrentTicket);
    Statement(*db_, "UPDATE counters SET current_ticket_id=NULL WHERE number=?1")
        .bind(1, int64_t{counter})
        .run();
    QueueActionResult r;
    r.ticket = finished;
    r.finished = std::move(finished);
    tx.commit();
    return r;
}

QueueActionResult CallQueue::transfer(int counter, const std::string& to_service, int to_counter,
                                      TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    if (to_service.empty() && to_counter == 0) return failed(QueueError::ServiceUnknown);
    if (!to_service.empty() && !config_.find_service(to_service))
        return failed(QueueError::ServiceUnknown);
    if (to_counter != 0 && view_->services_of(to_counter).empty())
        return failed(QueueError::CounterUnknown);
    auto t = row->current ? view_->ticket(*row->current) : std::nullopt;
    if (!t || t->state != TicketState::Called) return failed(QueueError::NoCurrentTicket);
    const std::string from_service = t->service_id;
    if (t->origin_service_id.empty() && !to_service.empty() && to_service != from_service)
        t->origin_service_id = from_service;
    if (!to_service.empty()) t->service_id = to_service;
    t->target_counter = to_counter;
    t->state = TicketState::Issued;
    t->counter = 0;
    Statement(*db_,
              "UPDATE tickets SET state='issued', counter=0, service_id=?1, origin_service_id=?2, "
              "target_counter=?3 WHERE id=?4")
        .bind(1, t->service_id)
        .bind(2, t->origin_service_id)
        .bind(3, int64_t{to_counter})
        .bind(4, t->id)
        .run();
    Statement(*db_, "UPDATE counters SET current_ticket_id=NULL WHERE number=?1")
        .bind(1, int64_t{counter})
        .run();
    nlohmann::json extra = {{"from_service_id", from_service}};
    if (!to_service.empty()) extra["to_service_id"] = to_service;
    if (to_counter != 0) extra["to_counter"] = to_counter;
    append_event("ticket.transferred", *t, counter, now, extra.dump());
    QueueActionResult r;
    r.ticket = std::move(t);
    tx.commit();
    return r;
}

QueueActionResult CallQueue::call_number(int counter, const std::string& number, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    if (row->paused) return failed(QueueError::CounterPaused);
    auto t = view_->ticket_by_number(local_date_iso(now), number);
    if (!t || (t->state != TicketState::Issued && t->state != TicketState::Held))
        return failed(QueueError::TicketNotFound);
    const int holder = t->state == TicketState::Held ? t->counter : 0;
    auto finished = finish_current(*row, now);
    QueueActionResult r = call_ticket(counter, *t, now);
    r.priority_call = t->priority;
    r.finished = std::move(finished);
    if (holder != 0 && holder != counter) r.other_counter = holder;
    tx.commit();
    return r;
}

QueueActionResult CallQueue::pause(int counter, const std::string& reason, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    Statement(*db_, "UPDATE counters SET paused=1, pause_reason=?1 WHERE number=?2")
        .bind(1, reason)
        .bind(2, int64_t{counter})
        .run();
    insert_outbox_event(
        *db_, "counter.paused",
        nlohmann::json{{"counter", counter}, {"reason", reason}, {"at", iso8601_local(now)}}.dump(),
        now);
    tx.commit();
    return {};
}

QueueActionResult CallQueue::resume(int counter, TimePoint now) {
    Transaction tx(*db_);
    auto row = counter_row(counter);
    if (!row) return failed(QueueError::CounterUnknown);
    if (!row->paused) return {};  // already open: nothing to report
    Statement(*db_, "UPDATE counters SET paused=0, pause_reason='' WHERE number=?1")
        .bind(1, int64_t{counter})
        .run();
    insert_outbox_event(*db_, "counter.resumed",
                        nlohmann::json{{"counter", counter}, {"at", iso8601_local(now)}}.dump(),
                        now);
    tx.commit();
    return {};
}

}  // namespace kiosk
